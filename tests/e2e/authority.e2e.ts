import type { Browser, Page } from 'playwright-core';
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

/**
 * True when some table with data rows and a year is about emissions: "emission" or "CO2" appears in
 * the table, its enclosing figure/section/details, or the nearest heading before it.
 */
function hasEmissionsTable(page: Page): Promise<boolean> {
	return page.$$eval('table', (tables) => {
		const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4'));
		return tables.some((table) => {
			const before = headings.filter(
				(h) => h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING
			);
			const context = (table.closest('figure, section, details') ?? table).textContent ?? '';
			const heading = before.at(-1)?.textContent ?? '';
			return (
				/emission|co2|co₂/i.test(`${context} ${heading}`) &&
				Array.from(table.querySelectorAll('th, td')).some((cell) =>
					/\b20[0-2]\d\b/.test(cell.textContent ?? '')
				) &&
				table.querySelectorAll('tr').length > 1
			);
		});
	});
}

describe('council page /authorities/[code]', () => {
	it('shows Trafford with a drawn chart, an emissions table and no console errors', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/TRF`, { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toContain('Trafford');

			await waitForDrawnCanvas(page);
			const rows = await chartTableRowCounts(page);
			for (const count of rows) expect(count).toBeGreaterThan(0);
			expect(await hasEmissionsTable(page)).toBe(true);

			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('shows the current 2005–2023 release first, as totals, and the older sector split after it, labelled', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			const titles = await page.locator('#emissions figure.chart h3').allInnerTexts();
			expect(titles[0]).toBe('Trafford: total emissions, 2005–2023');
			const section = await page.locator('#emissions').innerText();
			expect(section.indexOf('total emissions, 2005–2023')).toBeLessThan(
				section.indexOf('emissions by sector, 2005–2020')
			);
			expect(section).toContain('An earlier release, shown for its split by sector');
		} finally {
			await close();
		}
	});

	it('resolves the GSS code E08000009 to Trafford', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/E08000009`, { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toContain('Trafford');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('answers 404 for an unknown code', async () => {
		const { page, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/ZZZ`);
			expect(response?.status()).toBe(404);
		} finally {
			await close();
		}
	});

	it('renders a heading and tables without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScriptEnabled: false });
		try {
			const response = await page.goto(`${baseUrl}/authorities/TRF`);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toContain('Trafford');
			expect(await page.locator('table').count()).toBeGreaterThan(0);
			expect(await hasEmissionsTable(page)).toBe(true);
		} finally {
			await close();
		}
	});
});
