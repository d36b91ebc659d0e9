/**
 * Every response carries the security headers, the scripts and styles under /_app/immutable
 * included: adapter-node serves those files itself, before the app's handle hook could add them.
 */
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

const EXPECTED = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

function securityHeaders(res: Response) {
	return Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, res.headers.get(name)]));
}

describe('security headers', () => {
	it('are on a page and on the immutable scripts and styles it links to', async () => {
		const page = await fetch(`${baseUrl}/funding`);
		expect(page.status).toBe(200);
		expect(securityHeaders(page)).toEqual(EXPECTED);

		const html = await page.text();
		const paths = [...new Set(html.match(/\/_app\/immutable\/[^"'\s]+\.(?:js|css)/g))];
		expect(paths.some((p) => p.endsWith('.js'))).toBe(true);
		expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
		for (const path of paths.slice(0, 6)) {
			const asset = await fetch(`${baseUrl}${path}`, { headers: { 'accept-encoding': 'br' } });
			expect(asset.status, path).toBe(200);
			// Served by adapter-node's static handler, not the app: the proof it took that path.
			expect(asset.headers.get('cache-control'), path).toContain('immutable');
			expect(securityHeaders(asset), path).toEqual(EXPECTED);
		}
	});

	it('are on static files, redirects and not-found answers too', async () => {
		for (const path of ['/favicon.svg', '/robots.txt', '/authorities/E08000009', '/no-such-page']) {
			const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
			expect(res.status, path).toBeLessThan(500);
			expect(securityHeaders(res), path).toEqual(EXPECTED);
		}
	});
});
