/**
 * `npm start`: build the app only when its sources changed since the last build, then serve it.
 * The build records a fingerprint of everything it was made from (build/.sources); a restart
 * with the same sources starts in a second instead of rebuilding for twenty.
 * Plain JavaScript, so it runs before anything is built or compiled.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'build', '.sources');
/** What a build is made from. */
export const INPUTS = [
	'src',
	'static',
	'drizzle',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/**
 * @param {string} path
 * @returns {Generator<string>}
 */
function* files(path) {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) yield* files(join(path, name));
	} else {
		yield path;
	}
}

/** A hash of every input file's path and content. */
/** @param {string} root */
export function sourcesFingerprint(root = ROOT) {
	const hash = createHash('sha256');
	for (const input of INPUTS) {
		for (const file of files(join(root, input))) {
			hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

/**
 * The server's environment. It listens on the loopback address unless HOST says otherwise: a
 * copy started on a laptop or a shared server is not open to the network by accident (set
 * HOST=0.0.0.0 to listen on every interface). adapter-node's own body limit is 512 KB; uploads are limited (and
 * streamed) by the app. Without ORIGIN adapter-node takes every request for https, so the
 * browser's form posts to http://localhost would be refused as cross-site (403): the default is
 * the address `npm start` serves, and a deployment behind a proxy sets its public ORIGIN.
 * @param {NodeJS.ProcessEnv} env
 */
export function serverEnv(env = process.env) {
	const port = env.PORT || '3000';
	const host = !env.HOST || ['0.0.0.0', '::', '[::]'].includes(env.HOST) ? 'localhost' : env.HOST;
	const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
	return {
		HOST: '127.0.0.1',
		BODY_SIZE_LIMIT: 'Infinity',
		ORIGIN: `http://${name}:${port}`,
		...env
	};
}

/**
 * Build the app unless build/ was made from the sources as they are now, saying which; resolves
 * to vite build's exit code (0 when nothing needed building). `npm test` and the browser tests
 * use it too: `doing` is what is done with the build next, and `quiet` keeps vite's output and
 * shows it only if the build fails.
 * @param {{ doing?: string, quiet?: boolean }} [options]
 * @returns {Promise<number>}
 */
export function buildIfChanged({ doing = 'starting', quiet = false } = {}) {
	const fingerprint = sourcesFingerprint();
	const built = existsSync(join(ROOT, 'build', 'index.js')) && existsSync(STAMP);
	if (built && readFileSync(STAMP, 'utf8').trim() === fingerprint) {
		console.log(`The build is up to date with the sources: ${doing} it without rebuilding.`);
		return Promise.resolve(0);
	}
	console.log(
		built ? 'The sources changed since the last build: rebuilding…' : 'Building the app…'
	);
	const started = performance.now();
	const build = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: ROOT,
		stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit'
	});
	let output = '';
	build.stdout?.on('data', (chunk) => (output += chunk));
	build.stderr?.on('data', (chunk) => (output += chunk));
	return new Promise((resolve) =>
		build.on('close', (code) => {
			if (code === 0) {
				writeFileSync(STAMP, fingerprint + '\n');
				if (quiet)
					console.log(`Built the app in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			} else if (quiet)
				process.stderr.write(`${output}\nThe app did not build (vite build exited ${code}).\n`);
			resolve(code ?? 1);
		})
	);
}

async function main() {
	const status = await buildIfChanged();
	if (status !== 0) process.exit(status);
	// scripts/serve.js: adapter-node's server with the security headers on every response.
	const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.js')], {
		cwd: ROOT,
		stdio: 'inherit',
		env: serverEnv()
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
		process.on(signal, () => server.kill(signal));
	server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// Run when started as a script; importing it (the tests do) only gives the fingerprint.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
