/**
 * Similar councils on the council page (tabs, by keyboard and without JavaScript), the page of
 * all 30, and the JSON API, on the shipped data the server loaded at its first start.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

interface ApiPeer {
	rank: number;
	code: string;
	name: string;
	type: string;
	match: number;
	why: string | null;
}
interface ApiSimilar {
	authority: string;
	types: Record<string, { label: string; excluded: string | null; peers: ApiPeer[] }>;
	method: { summary: string };
	basis: { emissionsYear: number; emissionsReleases: { label: string }[] };
}

describe('GET /api/authorities/{code}/similar', () => {
	it("gives Trafford's 30 peers of each type, single-tier councils, nearest first, each with why", async () => {
		const res = await fetch(`${baseUrl}/api/authorities/E08000009/similar`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as ApiSimilar;
		expect(body.authority).toBe('TRF');
		expect(Object.keys(body.types)).toEqual(['emissions', 'nearby', 'overall']);
		for (const [type, { peers }] of Object.entries(body.types)) {
			expect(
				peers.map((p) => p.rank),
				type
			).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
			expect(
				peers.filter((p) => ['CTY', 'COMB', 'SRA', 'NMD', 'NID'].includes(p.type)),
				type
			).toEqual([]);
			expect(
				peers.filter((p) => !p.why),
				type
			).toEqual([]);
			for (const [i, p] of peers.entries()) {
				expect(p.match).toBeGreaterThanOrEqual(0);
				expect(p.match).toBeLessThanOrEqual(i === 0 ? 100 : peers[i - 1]!.match);
			}
		}
		expect(body.types.nearby!.peers.slice(0, 2).map((p) => p.name)).toEqual([
			'Salford',
			'Manchester'
		]);
		expect(body.types.nearby!.peers[0]!.why).toBe('centres 8 km apart');
		expect(body.basis.emissionsYear).toBe(2020);
		expect(body.basis.emissionsReleases[0]!.label).toContain('2005–2020');
		expect(body.method.summary).toContain('match score');
	});

	it('answers 404 JSON for an unknown code', async () => {
		const res = await fetch(`${baseUrl}/api/authorities/ZZZ/similar`);
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: expect.stringContaining('ZZZ') });
	});
});

describe('similar councils on /authorities/TRF', () => {
	it('switches tabs with the arrow keys, Home and End, one panel at a time', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			const section = page.locator('#similar');
			const tabs = section.getByRole('tab');
			// The tabs are made when the page hydrates (without JavaScript all three lists show):
			// on a busy machine that comes after the load event.
			await tabs.first().waitFor();
			await expect(tabs.allInnerTexts()).resolves.toEqual([
				'Emissions profile',
				'Nearby',
				'Overall'
			]);
			const selected = () => section.locator('[role="tab"][aria-selected="true"]').innerText();
			const visiblePanels = () => section.locator('[role="tabpanel"]:visible').count();
			expect(await selected()).toBe('Emissions profile');
			expect(await visiblePanels()).toBe(1);

			await tabs.first().focus();
			await page.keyboard.press('ArrowRight');
			expect(await selected()).toBe('Nearby');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nearby');
			const nearby = section.getByRole('tabpanel', { name: 'Nearby' });
			await expect(nearby.isVisible()).resolves.toBe(true);
			expect(await nearby.locator('tbody tr').count()).toBe(10);
			expect(await nearby.locator('tbody tr').first().innerText()).toContain('Salford');
			expect(await visiblePanels()).toBe(1);

			await page.keyboard.press('End');
			expect(await selected()).toBe('Overall');
			await page.keyboard.press('ArrowRight');
			expect(await selected()).toBe('Emissions profile');
			await page.keyboard.press('ArrowLeft');
			expect(await selected()).toBe('Overall');
			await page.keyboard.press('Home');
			expect(await selected()).toBe('Emissions profile');
			// Only the selected tab is in the tab order.
			expect(await tabs.evaluateAll((t) => t.map((b) => b.getAttribute('tabindex')))).toEqual([
				'0',
				'-1',
				'-1'
			]);

			const compare = await section
				.getByRole('tabpanel', { name: 'Emissions profile' })
				.getByRole('link', { name: /Compare Trafford/ })
				.getAttribute('href');
			expect(compare).toMatch(/^\/compare\/side-by-side\?codes=TRF(,[A-Z]{3,4}){5}$/);
			await expect(section.innerText()).resolves.toMatch(
				/sector's share of CO2 within the scope of influence of local authorities in 2020, the latest year of the sector series \(UK local authority CO2 emissions 2005–2020/
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('shows all three lists, each under its heading, without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScriptEnabled: false });
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			const section = page.locator('#similar');
			expect(await section.locator('[role="tablist"]').isVisible()).toBe(false);
			expect(await section.locator('h3').allInnerTexts()).toEqual([
				'Emissions profile',
				'Nearby',
				'Overall'
			]);
			const tables = section.locator('table');
			expect(await tables.count()).toBe(3);
			for (let i = 0; i < 3; i++) {
				expect(await tables.nth(i).isVisible()).toBe(true);
				expect(await tables.nth(i).locator('tbody tr').count()).toBe(10);
			}
		} finally {
			await close();
		}
	});

	it('links to all 30 of each type', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			await page
				.locator('#similar')
				.getByRole('link', { name: /All 30 councils/ })
				.first()
				.click();
			await page.waitForURL(/\/authorities\/TRF\/similar/);
			const counts = await page
				.locator('section table')
				.evaluateAll((tables) => tables.map((t) => t.querySelectorAll('tbody tr').length));
			expect(counts).toEqual([30, 30, 30]);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
