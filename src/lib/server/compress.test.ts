import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse, MIN_BYTES } from './compress';

const html = '<!doctype html><p>' + 'Trafford, 1,088.3 kt CO2 in 2020. '.repeat(200) + '</p>';

function page(body = html, headers: Record<string, string> = {}) {
	return new Response(body, {
		headers: {
			'content-type': 'text/html',
			'content-length': String(Buffer.byteLength(body)),
			...headers
		}
	});
}
const request = (headers: Record<string, string> = {}, method = 'GET') =>
	new Request('http://localhost/authorities/TRF', { headers, method });

describe('chooseEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('GZIP')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*;q=0')).toBe(null);
		expect(chooseEncoding('identity')).toBe(null);
		expect(chooseEncoding('deflate')).toBe(null);
		expect(chooseEncoding(null)).toBe(null);
	});
});

describe('compressResponse', () => {
	it('gzips a page for a client that accepts gzip, and the body decompresses to the page', async () => {
		const res = await compressResponse(request({ 'accept-encoding': 'gzip' }), page());
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		const body = Buffer.from(await res.arrayBuffer());
		expect(Number(res.headers.get('content-length'))).toBe(body.byteLength);
		expect(body.byteLength).toBeLessThan(Buffer.byteLength(html) / 5);
		expect(gunzipSync(body).toString()).toBe(html);
	});

	it('answers brotli when accepted', async () => {
		const res = await compressResponse(request({ 'accept-encoding': 'gzip, br' }), page());
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(html);
	});

	it('answers plain, but still varying on Accept-Encoding, when the client did not ask', async () => {
		const res = await compressResponse(request(), page());
		expect(res.headers.get('content-encoding')).toBe(null);
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		expect(await res.text()).toBe(html);
	});

	it('leaves small bodies, images and encoded bodies alone', async () => {
		const gz = { 'accept-encoding': 'gzip' };
		const small = 'x'.repeat(MIN_BYTES - 1);
		expect((await compressResponse(request(gz), page(small))).headers.has('content-encoding')).toBe(
			false
		);
		// A streamed body without a length is measured once read.
		const unsized = new Response(small, { headers: { 'content-type': 'application/json' } });
		const read = await compressResponse(request(gz), unsized);
		expect(read.headers.has('content-encoding')).toBe(false);
		expect(await read.text()).toBe(small);
		const png = new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } });
		expect((await compressResponse(request(gz), png)).headers.has('content-encoding')).toBe(false);
		const already = page(html, { 'content-encoding': 'br' });
		expect((await compressResponse(request(gz), already)).headers.get('content-encoding')).toBe(
			'br'
		);
	});

	it('answers HEAD with the headers a GET gets', async () => {
		const gz = { 'accept-encoding': 'gzip' };
		const head = await compressResponse(request(gz, 'HEAD'), page());
		const get = await compressResponse(request(gz), page());
		expect(head.headers.get('content-encoding')).toBe('gzip');
		expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
	});

	it('compresses JSON, CSV and calendars too', async () => {
		for (const type of ['application/json', 'text/csv; charset=utf-8', 'text/calendar']) {
			const res = await compressResponse(
				request({ 'accept-encoding': 'gzip' }),
				page(html, { 'content-type': type })
			);
			expect(res.headers.get('content-encoding'), type).toBe('gzip');
		}
	});

	it('gives the compressed body its own ETag, and skips the work when the client has it', async () => {
		const gz = { 'accept-encoding': 'gzip' };
		const res = await compressResponse(request(gz), page(html, { etag: '"abc"' }));
		expect(res.headers.get('etag')).toBe('"abc-gzip"');
		const cached = await compressResponse(
			request({ ...gz, 'if-none-match': '"abc-gzip"' }),
			page(html, { etag: '"abc"' })
		);
		// Left for the framework to turn into a 304 (it compares If-None-Match with the ETag).
		expect(cached.headers.get('etag')).toBe('"abc-gzip"');
		expect(cached.headers.has('content-encoding')).toBe(false);
	});

	it('adds Accept-Encoding to an existing Vary once', async () => {
		const res = await compressResponse(request(), page(html, { vary: 'Cookie' }));
		expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		const again = await compressResponse(request(), page(html, { vary: 'accept-encoding' }));
		expect(again.headers.get('vary')).toBe('accept-encoding');
	});
});
