/**
 * The funding pages as a researcher and an officer use them: the national picture with its hex
 * map and charts, a council's funding page, and the funding API, on the shipped real data.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTableRowCounts, launchBrowser, openPage, waitForDrawnCanvas } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('funding', () => {
	it('national page: hex map of every district and single-tier council, drawn charts with tables', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			expect(await page.locator('h1').innerText()).toContain('fragmented');
			expect(await page.locator('.hexmap svg a').count()).toBe(361);
			// Blackpool's hex names its figure and links to its funding page.
			const blackpool = page.locator('.hexmap a[href="/authorities/BPL/funding"]');
			expect(await blackpool.getAttribute('aria-label')).toMatch(/^Blackpool: £\d/);
			expect(
				await page.locator('.hexmap a[href="/authorities/TRF/funding"]').getAttribute('aria-label')
			).toBe('Trafford: no published award');
			await waitForDrawnCanvas(page);
			const counts = await chartTableRowCounts(page);
			expect(counts.length).toBeGreaterThanOrEqual(4);
			for (const n of counts) expect(n).toBeGreaterThan(0);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('the map figure can be changed without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScriptEnabled: false });
		try {
			await page.goto(`${baseUrl}/funding?metric=effectivePots`);
			expect(await page.locator('#map-title').innerText()).toBe(
				'Effective number of pots, by council'
			);
			expect(await page.locator('#metric').inputValue()).toBe('effectivePots');
			// One year's awards: the figures, map and tables recompute for it.
			await page.goto(`${baseUrl}/funding?metric=totalGbp&year=2023`);
			expect(await page.locator('#map-title').innerText()).toBe(
				'£ won, by council, awards dated 2023'
			);
			expect(await page.locator('#year').inputValue()).toBe('2023');
			const all = await (await fetch(`${baseUrl}/api/funding/metrics`)).json();
			const y2023 = await (await fetch(`${baseUrl}/api/funding/metrics?year=2023`)).json();
			expect(y2023.national.awards).toBeGreaterThan(0);
			expect(y2023.national.awards).toBeLessThan(all.national.awards);
		} finally {
			await close();
		}
	});

	it("Blackpool's £41.4m HUG2 consortium award counts once, with its partners as partners", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/BPL/funding`);
			const awards = await page.locator('#awards table').last().innerText();
			expect(awards).toContain('Consortium lead (12 partners)');
			expect(awards.match(/£41\.4m/g)?.length).toBe(1);
			await page.goto(`${baseUrl}/authorities/BUN/funding`);
			expect(await page.locator('#awards').innerText()).toContain('Partner; paid to Blackpool');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
		const lead = await (await fetch(`${baseUrl}/api/funding/metrics?authority=BPL`)).json();
		const partner = await (await fetch(`${baseUrl}/api/funding/metrics?authority=BUN`)).json();
		expect(lead.metrics.totalGbp).toBe(41_400_000 + 500_000 + 15_385_023);
		expect(partner.metrics).toMatchObject({ totalGbp: 0, partnerAwards: 1 });
	});

	it('serves the figures and bids as JSON and CSV', async () => {
		const csv = await fetch(`${baseUrl}/api/funding/metrics?format=csv`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(await csv.text()).toContain('BPL');
		const bids = await fetch(`${baseUrl}/api/authorities/TRF/bids`);
		expect(bids.status).toBe(200);
		expect(await bids.json()).toMatchObject({ authority: 'TRF' });
		expect((await fetch(`${baseUrl}/api/authorities/ZZZ/bids`)).status).toBe(404);
	});
});
