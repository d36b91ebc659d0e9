/**
 * Server start-up and per-request concerns. The database is migrated and, when empty, loaded with
 * the shipped real data once, in `init`, before the first request: never during `vite build`.
 * Pages then read through a read-only connection; every write goes to the writer thread.
 * Pages, JSON, CSV and calendars are compressed here when the client accepts it, and what the
 * public sees is kept and answered again from memory until the data changes (response-cache.ts).
 * Who is asking is read from the session cookie here, and every write without an account is
 * refused here.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { openServerDatabase } from '$lib/server/startup';
import { setDatabase } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { UploadTooLarge } from '$lib/server/import/uploads';
import { compressResponse } from '$lib/server/compress';
import { clientErrorLogLine, clientErrorMessage } from '$lib/server/client-errors';
import { SECURITY_HEADERS } from '$lib/server/security-headers.js';
import { SESSION_COOKIE, userForSession } from '$lib/server/accounts/sessions';
import { viewerOf } from '$lib/server/accounts/users';
import { refuseWrite } from '$lib/server/accounts/guard';
import { getDatabase } from '$lib/server/db';
import { createResponseCache } from '$lib/server/response-cache';
import { dataVersionNow, servedDataVersion } from '$lib/server/queries/data-version-cache';
import {
	refreshWholeCountryOffThread,
	wholeCountryCurrent
} from '$lib/server/queries/whole-country';
import { serverToday } from '$lib/server/queries/competitions';

export const init: ServerInit = async () => {
	const database = await openServerDatabase();
	setDatabase(database);
	// After an import, pages keep the previous national figures until new ones are computed.
	refreshWholeCountryOffThread(database);
	// adapter-node binds HOST (npm start sets 127.0.0.1 unless told otherwise); say the address.
	if (process.env.PORT || !import.meta.env.DEV) {
		const host =
			process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
		console.log(`Net Zero Local is ready: http://${host}:${process.env.PORT ?? 3000}/`);
	}
};

/** Paths that take an uploaded file; a body declared larger than the limit is refused unread. */
const UPLOAD_PATHS = ['/import', '/api/imports/uploads'];

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.viewer = viewerOf(token ? userForSession(getDatabase().db, token) : null);
	const refused = refuseWrite(event.request.method, event.url.pathname, event.locals.viewer);
	if (refused) return withHeaders(refusal(event.url.pathname, refused.message, refused.status));
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > 0 && UPLOAD_PATHS.includes(event.url.pathname)) {
		const { MAX_UPLOAD_MB } = readConfig();
		if (declared > MAX_UPLOAD_MB * 1024 * 1024) {
			const message = new UploadTooLarge(MAX_UPLOAD_MB).message;
			return withHeaders(refusal(event.url.pathname, message, 413));
		}
	}
	const viewer = event.locals.viewer;
	return publicResponses.respond(
		{
			request: event.request,
			url: event.url,
			signedIn: viewer.role !== 'public',
			version: () => {
				const data = servedDataVersion();
				return data === null ? null : `${data}|${serverToday()}`;
			}
		},
		async () => {
			const writes = event.request.method !== 'GET' && event.request.method !== 'HEAD';
			const before = writes ? dataVersionNow() : null;
			const response = await resolve(event);
			// A form that recorded something (a status override, a report, a partnership answer)
			// answers once every page shows it, as the writer's jobs do; one that changed no data
			// (a sign-in) does not wait for a refresh that another change started.
			if (writes && dataVersionNow() !== before) await wholeCountryCurrent();
			return compressResponse(event.request, withHeaders(response));
		}
	);
};

/** Public pages and API answers, kept until the data changes or the day turns. */
const publicResponses = createResponseCache();

/**
 * A request refused before its route: the API answers `{ message }` as JSON, as its routes'
 * errors do (the OpenAPI description says so); a page's form gets the sentence as text.
 */
function refusal(pathname: string, message: string, status: number): Response {
	return pathname.startsWith('/api/')
		? Response.json({ message }, { status })
		: new Response(message, { status });
}

/** Also set by scripts/serve.js in production; here for the dev server and `vite preview`. */
function withHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	const { method } = event.request;
	if (status < 500) {
		// The request's own fault: a sentence back, one line (or none) in the log, no stack.
		const line = clientErrorLogLine(status, method, event.url.pathname, error);
		if (line) console.warn('%s', line);
		return { message: clientErrorMessage(status) };
	}
	// The path is data, never the format string: console.error reads `%f`, `%s`… in its first
	// argument as directives, so `/authorities/%ff` would swallow the error it came with.
	console.error('%s %s:', method, event.url.pathname, error);
	return { message: 'Something went wrong on our side.' };
};
