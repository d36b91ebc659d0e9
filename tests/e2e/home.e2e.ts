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
});
