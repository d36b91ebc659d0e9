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

describe('national overview /', () => {
	it('renders a heading, drawn charts with data tables, and no console errors', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toMatch(/\S/);

			// The ways in name both halves of the promise: the money and the progress.
			const waysIn = await page
				.getByRole('navigation', { name: 'What you can do here' })
				.locator('a')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(waysIn).toEqual([
				'/authorities',
				'/progress',
				'/compare',
				'/funding',
				'/deadlines',
				'/import'
			]);

			expect(await page.locator('figure.chart canvas').count()).toBeGreaterThan(0);
			await waitForDrawnCanvas(page);

			const rows = await chartTableRowCounts(page);
			expect(rows.length).toBeGreaterThan(0);
			for (const count of rows) expect(count).toBeGreaterThan(0);

			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it("leads with /progress's on-track count of current councils' targets, and links to it", async () => {
		const api = (await (await fetch(`${baseUrl}/api/progress`)).json()) as {
			counts: {
				all: { green: number; total: number };
				byBand: { label: string; counts: { total: number } }[];
			};
		};
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
			const { green, total } = api.counts.all;
			// 198 whole-area targets of councils today (not the 208 of every council ever listed).
			expect(total).toBe(198);
			await expect(page.locator('#on-track-title').textContent()).resolves.toMatch(
				new RegExp(`^\\s*${green} of ${total} whole-area targets on track\\s*$`)
			);
			const section = page.locator('section:has(> #on-track-title)');
			expect(await section.textContent()).toContain(
				"On track means the straight line fitted to the last 5 years of the area's territorial greenhouse gas emissions (DESNZ) reaches zero by the target year."
			);
			await expect(
				section
					.getByRole('link', { name: 'Progress to net zero across UK councils' })
					.getAttribute('href')
			).resolves.toBe('/progress');
			const card = page.locator('.stat', { hasText: 'Whole-area net-zero targets' });
			expect(await card.locator('.stat-value').textContent()).toBe(String(total));
			const by2030 = api.counts.byBand.find((b) => b.label === 'By 2030')!.counts.total;
			expect(await card.textContent()).toContain(`${by2030} of them for 2030 or sooner`);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('says which targets the target-year chart leaves out, and why', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
			const sentence = (await page.locator('#targets-left-out').textContent())!.trim();
			expect(sentence).toMatch(/^(\d+) targets? names? no year and (is|are) not in the chart/);
			const noYear = Number(/^(\d+)/.exec(sentence)![1]);
			const items = page.locator('#targets-left-out + details li');
			const lines = (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
			expect(lines.filter((l) => l.endsWith('no year named')).length).toBe(noYear);
			// Croydon's whole-area target is a 34% cut with no net-zero year (promises data).
			expect(lines).toContain('Croydon: whole area, no year named');
			await expect(items.locator('a', { hasText: 'Croydon' }).getAttribute('href')).resolves.toBe(
				'/authorities/CRY#targets'
			);
			// The whole-area bars plus the whole-area targets with no year make the headline count.
			const headline = page.locator('.stat', { hasText: 'whole-area net-zero target' });
			const total = Number(
				(await headline.locator('.stat-value').textContent())!.replace(/\D/g, '')
			);
			const charted = await page
				.locator('#target-years-title ~ details table tbody tr')
				.evaluateAll((rows) =>
					rows.reduce(
						(n, r) => n + Number(r.querySelectorAll('td')[1]?.textContent?.replace(/\D/g, '') ?? 0),
						0
					)
				);
			const areaNoYear = lines.filter((l) => l.endsWith('whole area, no year named')).length;
			expect(charted + areaNoYear).toBe(total);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
