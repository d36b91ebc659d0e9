/**
 * Response compression for pages and data (adapter-node serves everything uncompressed; a
 * council's or the national funding page is a few hundred KB of HTML that gzip makes ten times
 * smaller). Static assets are precompressed at build time instead (svelte.config.js).
 * Compression runs on libuv's thread pool (zlib's async API), not on the request thread.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Text worth compressing; other types (images, uploads) are left as they are. */
const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/calendar)\b/i;
/** Below this a compressed body saves less than the headers and the work cost. */
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to answer in, from an Accept-Encoding header: brotli over gzip when both are
 * acceptable, neither when the client did not ask or refused both with q=0.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const q = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
	}
	const accepts = (e: Encoding) => (q.get(e) ?? q.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return null;
}

function encode(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
	return encoding === 'br'
		? // Quality 5: most of brotli's gain at a few milliseconds per page; 11 takes far longer.
			brotli(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipAsync(body, { level: 6 });
}

/**
 * The response compressed for this request when the client accepts it and the body is
 * compressible text of at least MIN_BYTES; otherwise the response unchanged. Either way it says
 * `Vary: Accept-Encoding`, so a cache never hands a gzip body to a client that did not ask.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (!COMPRESSIBLE.test(type) || !response.body || response.headers.has('content-encoding')) {
		return response;
	}
	varyOnEncoding(response.headers);
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const declared = Number(response.headers.get('content-length') ?? NaN);
	// HEAD too: its headers must be those a GET would get.
	if (!encoding || declared < MIN_BYTES) return response;

	// A strong ETag names one exact body, so the compressed body gets its own. The framework
	// answers 304 when If-None-Match equals it: then the body is never sent, so not compressed.
	const etag = response.headers.get('etag');
	const encodedEtag = etag ? etag.replace(/"$/, `-${encoding}"`) : null;
	if (encodedEtag && request.headers.get('if-none-match')?.replace(/^W\//, '') === encodedEtag) {
		response.headers.set('etag', encodedEtag);
		return response;
	}

	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	if (body.byteLength < MIN_BYTES) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const compressed = await encode(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.byteLength));
	if (encodedEtag) headers.set('etag', encodedEtag);
	return new Response(new Uint8Array(compressed), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

function varyOnEncoding(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
		headers.set('vary', `${vary}, Accept-Encoding`);
}
