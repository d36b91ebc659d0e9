/**
 * A council page printed for committee keeps every chart's numbers; without JavaScript each chart
 * shows its numbers and a note instead of an empty box.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForDrawnCanvas } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** For each chart on the page: is its data table laid out (visible), and is its canvas? */
function chartState(page: Page) {
	return page.$$eval('figure.chart', (figures) =>
		figures.map((f) => {
			// checkVisibility: a closed <details> lays its content out but skips painting it.
			const shown = (el: Element | null) =>
				!!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
			return {
				title: f.querySelector('h3')?.textContent ?? '',
				table: shown(f.querySelector('table tbody tr')),
				canvas: shown(f.querySelector('.chart-canvas')),
				note: shown(f.querySelector('.chart-nojs'))
			};
		})
	);
}

describe('printed, and without JavaScript', () => {
	it("a printed council page keeps each chart's data table", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			await waitForDrawnCanvas(page);
			await page.emulateMedia({ media: 'print' });
			const charts = await chartState(page);
			expect(charts.length).toBeGreaterThan(0);
			for (const c of charts) expect(c, c.title).toMatchObject({ table: true, canvas: true });
			// On screen the numbers stay behind "Show the data".
			await page.emulateMedia({ media: 'screen' });
			for (const c of await chartState(page)) expect(c.table, c.title).toBe(false);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	for (const path of ['/', '/authorities/TRF', '/funding']) {
		it(`without JavaScript, each chart on ${path} shows its numbers and a note, not an empty box`, async () => {
			const { page, close } = await openPage(browser, { javaScriptEnabled: false });
			try {
				await page.goto(`${baseUrl}${path}`);
				const charts = await chartState(page);
				expect(charts.length).toBeGreaterThan(0);
				for (const c of charts) {
					expect(c, c.title).toEqual({ title: c.title, table: true, canvas: false, note: true });
				}
			} finally {
				await close();
			}
		});
	}

	it('with JavaScript, the note stays hidden and the chart is drawn', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			await waitForDrawnCanvas(page);
			for (const c of await chartState(page)) {
				expect(c, c.title).toMatchObject({ canvas: true, note: false });
			}
		} finally {
			await close();
		}
	});
});
