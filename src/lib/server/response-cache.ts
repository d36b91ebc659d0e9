/**
 * What the public sees, kept and served again without rendering: a page or API answer for a
 * visitor without an account is the same for every such visitor until the data changes or the day
 * turns, so the finished response (compressed, with its headers) is kept per address, encoding,
 * data version and date, and the next public request for it is answered from memory, with an
 * ETag so a browser or proxy that has it gets 304. The national pages take 30 to 300 ms to
 * render; a kept answer takes well under one.
 *
 * While the server computes its whole-country results again after a change (the version is null),
 * a page made then would mix figures from before the change with new ones: the last answer kept
 * for the address is served instead, the whole page from before the change (marked `no-store`),
 * and one never kept is made afresh and not kept.
 *
 * Never for a signed-in viewer: officers and admins see drafts, costs and private actions, so
 * their requests neither read nor fill it, and their answers say `private, no-store` so no proxy
 * keeps them. Public answers say `Vary: Cookie` and may be kept by a proxy for a minute.
 */
import { createHash } from 'node:crypto';
import { chooseEncoding } from './compress';

/** Answers worth keeping: the pages and the data downloads (a PDF has its own queue and cache). */
const KEPT_TYPES = /^(text\/html|application\/json|text\/csv|text\/calendar)\b/i;
/** Never kept, whatever their answer says: forms that sign in or out and the import pages. */
const NEVER_KEPT = /^\/(login|logout|import|admin)(\/|$)|^\/api\/imports(\/|$)/;

/**
 * What a public answer may be kept for: a shared proxy or CDN a minute (`s-maxage`), a browser not
 * at all without asking again (`max-age=0`): its ETag makes asking cheap (304 from memory), and a
 * visitor who reloads after an import sees it at once.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

interface Kept {
	/** Encoding and address: what `latest` knows it by. */
	address: string;
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	etag: string;
}

export interface ResponseCacheOptions {
	/** Bytes of bodies kept at most; the least recently used go first. */
	maxBytes?: number;
}

export interface PublicRequest {
	request: Request;
	url: URL;
	/** Whether the viewer is signed in: then nothing is read from or written to the cache. */
	signedIn: boolean;
	/**
	 * What the data and the day look like now (data version, today's date); null while pages
	 * are made from data of two versions (a refresh under way): then nothing is read or kept.
	 */
	version: () => string | null;
}

/** What a page from before the last change says while it is served during the refresh. */
export const REFRESHING_CACHE_CONTROL = 'no-store';

export function createResponseCache({ maxBytes = 64 * 1024 * 1024 }: ResponseCacheOptions = {}) {
	const kept = new Map<string, Kept>();
	/** Per address and encoding, the key of the answer kept last (of the newest version kept). */
	const latest = new Map<string, string>();
	let bytes = 0;
	let hits = 0;
	let misses = 0;

	function store(key: string, entry: Kept) {
		const old = kept.get(key);
		if (old) bytes -= old.body.byteLength;
		kept.set(key, entry);
		latest.set(entry.address, key);
		bytes += entry.body.byteLength;
		for (const [k, v] of kept) {
			if (bytes <= maxBytes) break;
			kept.delete(k);
			if (latest.get(v.address) === k) latest.delete(v.address);
			bytes -= v.body.byteLength;
		}
	}

	/**
	 * The answer to `req`: from the cache when it has it, else from `render` (the app, then
	 * compression), kept when it is a public 200 of a kept type that sets no cookie.
	 */
	async function respond(req: PublicRequest, render: () => Promise<Response>): Promise<Response> {
		const method = req.request.method;
		if (
			req.signedIn ||
			(method !== 'GET' && method !== 'HEAD') ||
			NEVER_KEPT.test(req.url.pathname)
		) {
			const response = await render();
			if (req.signedIn && !response.headers.has('cache-control')) {
				response.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
			}
			return response;
		}
		// The request's own address, not the hook's url: SvelteKit gives a page's data request
		// (/__data.json, a client-side navigation) the page's url, and the two answers differ.
		const asked = new URL(req.request.url);
		const address = [
			chooseEncoding(req.request.headers.get('accept-encoding')) ?? 'identity',
			asked.pathname + asked.search
		].join('\u0000');
		const version = req.version();
		if (version === null) {
			const before = kept.get(latest.get(address) ?? '');
			if (before) {
				hits++;
				return answer(req.request, before, REFRESHING_CACHE_CONTROL);
			}
			const response = await render();
			response.headers.set('cache-control', REFRESHING_CACHE_CONTROL);
			return response;
		}
		const key = `${version}\u0000${address}`;
		const hit = kept.get(key);
		if (hit) {
			hits++;
			kept.delete(key);
			kept.set(key, hit);
			return answer(req.request, hit);
		}
		misses++;
		const response = await render();
		const type = response.headers.get('content-type') ?? '';
		if (response.status !== 200 || !KEPT_TYPES.test(type) || response.headers.has('set-cookie')) {
			return response;
		}
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = new Headers(response.headers);
		headers.set('cache-control', PUBLIC_CACHE_CONTROL);
		appendVary(headers, 'Cookie');
		const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
		headers.set('etag', etag);
		const entry: Kept = { address, status: response.status, headers: [...headers], body, etag };
		if (method === 'GET') store(key, entry);
		return answer(req.request, entry);
	}

	return {
		respond,
		stats: () => ({ entries: kept.size, addresses: latest.size, bytes, hits, misses }),
		clear: () => {
			kept.clear();
			latest.clear();
			bytes = 0;
		}
	};
}

function answer(request: Request, entry: Kept, cacheControl?: string): Response {
	const headers = new Headers(entry.headers);
	if (cacheControl) headers.set('cache-control', cacheControl);
	const match = request.headers
		.get('if-none-match')
		?.split(',')
		.some((t) => t.trim().replace(/^W\//, '') === entry.etag);
	if (match) {
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	return new Response(request.method === 'HEAD' ? null : entry.body, {
		status: entry.status,
		headers
	});
}

function appendVary(headers: Headers, name: string) {
	const vary = headers.get('vary');
	const names = (vary ?? '').split(',').map((v) => v.trim().toLowerCase());
	if (!names.includes(name.toLowerCase())) headers.set('vary', vary ? `${vary}, ${name}` : name);
}
