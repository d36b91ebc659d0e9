/**
 * The security headers every response carries. Plain JavaScript, because two places set them:
 * the app's handle hook (pages, data and the dev server) and the production server entry
 * (scripts/serve.js), which runs unbuilt and adds them to what adapter-node serves without
 * passing through the app, the /_app/immutable scripts and styles and the static folder.
 * The Content-Security-Policy is SvelteKit's own (svelte.config.js), with hashes per page.
 */

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()'
});
