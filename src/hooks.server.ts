/**
 * Server start-up and per-request concerns. The database is migrated and, when empty, loaded with
 * the shipped real data once, in `init`, before the first request: never during `vite build`.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { prepareDatabase } from '$lib/server/startup';
import { setDatabase } from '$lib/server/db';

export const init: ServerInit = async () => {
	setDatabase(await prepareDatabase());
	// adapter-node prints the address it binds (0.0.0.0); this is the one to open.
	if (process.env.PORT || !import.meta.env.DEV) {
		console.log(`Net Zero Local is ready: http://localhost:${process.env.PORT ?? 3000}/`);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on our side.' };
};
