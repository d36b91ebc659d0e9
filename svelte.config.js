import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * adapter-node, without its one message on every build that reads like a warning and is not one.
 * The adapter bundles the server with Rollup, which prints `Generated an empty chunk:
 * "chunks/env.js".`: SvelteKit's module for `$env`, which this app does not use, is left empty.
 * The adapter takes no Rollup options, so that one message is dropped while it adapts; any other
 * message still prints.
 * @param {import('@sveltejs/adapter-node').AdapterOptions} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function nodeAdapter(options) {
	const node = adapter(options);
	return {
		...node,
		async adapt(builder) {
			const warn = console.warn;
			console.warn = (...args) => {
				if (args.length === 1 && args[0] === 'Generated an empty chunk: "chunks/env.js".') return;
				warn(...args);
			};
			try {
				await node.adapt(builder);
			} finally {
				console.warn = warn;
			}
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static assets are served as prebuilt .br/.gz files (adapter-node's default, said here so it
		// stays on); pages and data are compressed in hooks.server.ts.
		adapter: nodeAdapter({ precompress: true }),
		// Content-Security-Policy: everything is served from this origin; Chart.js needs no eval.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
