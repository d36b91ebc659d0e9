/**
 * Pages, JSON, CSV and calendars answer compressed when the client accepts it and plain when not;
 * scripts come precompressed. Read with node:http, which (unlike fetch) does not decompress, so
 * the test sees what went over the wire.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function raw(path: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		get(`${baseUrl}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
			res.on('error', reject);
		}).on('error', reject);
	});
}

describe('compression', () => {
	it('answers a page gzip-encoded when asked, and plain when not', async () => {
		const plain = await raw('/funding');
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toMatch(/accept-encoding/i);
		expect(plain.body.toString()).toContain('<h1>How fragmented');

		const gz = await raw('/funding', { 'accept-encoding': 'gzip' });
		expect(gz.status).toBe(200);
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gz.headers['vary']).toMatch(/accept-encoding/i);
		expect(Number(gz.headers['content-length'])).toBe(gz.body.byteLength);
		expect(gz.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
		expect(gunzipSync(gz.body).toString()).toContain('<h1>How fragmented');
	});

	it('prefers brotli, and compresses JSON and CSV too', async () => {
		const br = await raw('/authorities/TRF', { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).toString()).toContain('Trafford');

		const json = await raw('/api/authorities', { 'accept-encoding': 'gzip' });
		expect(json.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(json.body).toString()).count).toBeGreaterThan(300);

		const csv = await raw('/api/funding/metrics?format=csv', { 'accept-encoding': 'gzip' });
		expect(csv.headers['content-encoding']).toBe('gzip');
	});

	// Reported: /authorities was 206 KB, the council table sent twice (as HTML and as hydration
	// data). The page needs no JavaScript, so it is rendered on the server only.
	it('sends the council list once', async () => {
		const html = (await raw('/authorities')).body.toString();
		expect(html).toContain('TRF · E08000009');
		// No hydration script, so no second copy of the list as data.
		expect(html).not.toContain('kit.start');
	});

	it('answers 304 to a client holding the compressed page', async () => {
		const first = await raw('/sources', { 'accept-encoding': 'gzip' });
		const etag = first.headers['etag'] as string;
		expect(first.headers['content-encoding']).toBe('gzip');
		// Each body its own ETag: the plain page's is another.
		const plain = await raw('/sources');
		expect(plain.headers['etag']).toMatch(/^"[\w-]+"$/);
		expect(plain.headers['etag']).not.toBe(etag);
		const again = await raw('/sources', { 'accept-encoding': 'gzip', 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
	});

	it('serves scripts precompressed', async () => {
		const page = (await raw('/')).body.toString();
		const script = /\/_app\/immutable\/entry\/start\.[\w-]+\.js/.exec(page)?.[0];
		expect(script).toBeDefined();
		const res = await raw(script!, { 'accept-encoding': 'br, gzip' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('br');
	});
});
