/**
 * The public response cache: a public page is rendered once per data version, day and encoding;
 * a signed-in viewer's answer is never kept or served to anyone, and says so to proxies.
 */
import { describe, expect, it } from 'vitest';
import {
	createResponseCache,
	PRIVATE_CACHE_CONTROL,
	PUBLIC_CACHE_CONTROL,
	REFRESHING_CACHE_CONTROL
} from './response-cache';

function harness() {
	const cache = createResponseCache({ maxBytes: 10_000 });
	let version: string | null = 'v1';
	const rendered: string[] = [];
	const ask = async (
		path: string,
		{ signedIn = false, headers = {} as Record<string, string>, body = `page ${path}` } = {}
	) => {
		const url = new URL(`http://local${path}`);
		const request = new Request(url, { headers });
		return cache.respond({ request, url, signedIn, version: () => version }, async () => {
			rendered.push(`${signedIn ? 'officer' : 'public'} ${path}`);
			return new Response(body, { headers: { 'content-type': 'text/html' } });
		});
	};
	return { cache, ask, rendered, setVersion: (v: string | null) => (version = v) };
}

describe('the public response cache', () => {
	it('renders a public page once, and again only when the data or the day changes', async () => {
		const h = harness();
		const first = await h.ask('/progress');
		const second = await h.ask('/progress');
		expect(await second.text()).toBe('page /progress');
		expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(second.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
		expect(PUBLIC_CACHE_CONTROL).toContain('max-age=0');
		expect(second.headers.get('vary')).toContain('Cookie');
		expect(h.rendered).toEqual(['public /progress']);
		h.setVersion('v2');
		await h.ask('/progress');
		expect(h.rendered).toEqual(['public /progress', 'public /progress']);
		// Another address, another encoding: another answer.
		await h.ask('/progress?page=2');
		await h.ask('/progress', { headers: { 'accept-encoding': 'gzip' } });
		expect(h.rendered).toHaveLength(4);
	});

	it('serves the page from before a change while the figures are computed again', async () => {
		const h = harness();
		const before = await h.ask('/compare', { body: 'compare of v1' });
		// A refresh of the national figures under way: a page made now would mix old national
		// figures with new council ones; the whole page from before is served instead.
		h.setVersion(null);
		const during = await h.ask('/compare', { body: 'a mixture' });
		expect(await during.text()).toBe('compare of v1');
		expect(during.headers.get('cache-control')).toBe(REFRESHING_CACHE_CONTROL);
		expect(during.headers.get('etag')).toBe(before.headers.get('etag'));
		expect(h.rendered).toEqual(['public /compare']);
		// One never kept is made, said not to be kept, and not kept.
		const other = await h.ask('/progress');
		expect(other.headers.get('cache-control')).toBe('no-store');
		expect(other.headers.get('etag')).toBeNull();
		await h.ask('/progress');
		expect(h.rendered).toEqual(['public /compare', 'public /progress', 'public /progress']);
		h.setVersion('v2');
		expect(await (await h.ask('/compare', { body: 'compare of v2' })).text()).toBe('compare of v2');
		await h.ask('/compare');
		expect(h.rendered).toHaveLength(4);
		h.setVersion(null);
		expect(await (await h.ask('/compare')).text()).toBe('compare of v2');
	});

	it('forgets which page came last for an address when it drops that page', async () => {
		const cache = createResponseCache({ maxBytes: 10 });
		const url = new URL('http://local/a');
		const ask = (version: string | null, body: string) =>
			cache.respond(
				{ request: new Request(url), url, signedIn: false, version: () => version },
				async () => new Response(body, { headers: { 'content-type': 'text/html' } })
			);
		await ask('v1', 'first page');
		expect(cache.stats()).toMatchObject({ entries: 1, addresses: 1 });
		// Over the limit: dropped at once, with the first, so nothing from before can be served.
		await ask('v2', 'a page longer than ten bytes');
		expect(cache.stats()).toMatchObject({ entries: 0, addresses: 0 });
		expect(await (await ask(null, 'made now')).text()).toBe('made now');
	});

	it("keeps a page's data (a client-side navigation) apart from the page itself", async () => {
		// SvelteKit gives a data request's hook the page's address (event.url drops /__data.json
		// and x-sveltekit-invalidated); the request keeps its own. Keyed on the first, the JSON was
		// served to the next visitor opening the page.
		const cache = createResponseCache();
		const url = new URL('http://local/progress?measure=scope_of_influence');
		const render = (body: string, type: string) => async () =>
			new Response(body, { headers: { 'content-type': type } });
		const data = new Request(
			'http://local/progress/__data.json?measure=scope_of_influence&x-sveltekit-invalidated=01'
		);
		const asData = { request: data, url, signedIn: false, version: () => 'v1' };
		await cache.respond(asData, render('{"type":"data"}', 'application/json'));
		const page = await cache.respond(
			{ request: new Request(url), url, signedIn: false, version: () => 'v1' },
			render('<html>page</html>', 'text/html')
		);
		expect(await page.text()).toBe('<html>page</html>');
		expect(page.headers.get('content-type')).toBe('text/html');
	});

	it("never keeps or serves a signed-in viewer's answer, and tells proxies not to keep it", async () => {
		const h = harness();
		await h.ask('/authorities/TRF/funding', { body: 'public view' });
		const officer = await h.ask('/authorities/TRF/funding', {
			signedIn: true,
			body: 'officer view with drafts'
		});
		expect(await officer.text()).toBe('officer view with drafts');
		expect(officer.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
		const again = await h.ask('/authorities/TRF/funding', { body: 'not rendered' });
		expect(await again.text()).toBe('public view');
		// An officer first: the public still get the public view, rendered for them.
		await h.ask('/authorities/MAN/funding', { signedIn: true, body: 'officer MAN' });
		const pub = await h.ask('/authorities/MAN/funding', { body: 'public MAN' });
		expect(await pub.text()).toBe('public MAN');
		expect(h.rendered).toEqual([
			'public /authorities/TRF/funding',
			'officer /authorities/TRF/funding',
			'officer /authorities/MAN/funding',
			'public /authorities/MAN/funding'
		]);
	});

	it('answers 304 to a client holding the same answer', async () => {
		const h = harness();
		const etag = (await h.ask('/compare')).headers.get('etag')!;
		const notModified = await h.ask('/compare', { headers: { 'if-none-match': etag } });
		expect(notModified.status).toBe(304);
		expect(await notModified.text()).toBe('');
		const stale = await h.ask('/compare', { headers: { 'if-none-match': '"other"' } });
		expect(stale.status).toBe(200);
	});

	it('keeps no sign-in form, import page or answer other than a 200, and stays within its size', async () => {
		const h = harness();
		await h.ask('/login');
		await h.ask('/login');
		await h.ask('/import/history');
		await h.ask('/import/history');
		expect(h.rendered).toHaveLength(4);
		for (let i = 0; i < 40; i++) await h.ask(`/authorities/C${i}`, { body: 'x'.repeat(1000) });
		expect(h.cache.stats().bytes).toBeLessThanOrEqual(10_000);
		expect(h.cache.stats().entries).toBe(10);
	});
});
