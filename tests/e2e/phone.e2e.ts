/**
 * On a phone (390 px): no page is wider than the screen, with or without JavaScript; the hex map
 * shows every council. (A council's bid table on a phone: phone-bids.e2e.ts, which imports.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { signInAsAdmin } from './import-page';
import { PHONE, pageWidth } from './phone-viewport';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const MAIN_PAGES = [
	'/',
	'/authorities',
	'/authorities/TRF',
	'/authorities/TRF/funding',
	'/authorities/TRF/progress',
	'/authorities/TRF/report',
	'/authorities/GMCA',
	'/funding',
	'/progress',
	'/deadlines',
	'/sources',
	'/import',
	'/import/history',
	'/import/templates',
	'/admin/users',
	'/admin/audit'
];

describe('on a phone', () => {
	for (const javaScriptEnabled of [true, false]) {
		it(`no main page is wider than the screen (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const { page, close } = await openPage(browser, { viewport: PHONE, javaScriptEnabled });
			try {
				// Signed in, so the import page itself is measured, not the sign-in page.
				await signInAsAdmin(page, baseUrl);
				const tooWide: string[] = [];
				for (const path of MAIN_PAGES) {
					const response = await page.goto(`${baseUrl}${path}`);
					expect(response?.status(), path).toBe(200);
					const { scroll, viewport } = await pageWidth(page);
					if (scroll > viewport) tooWide.push(`${path}: ${scroll} px`);
				}
				expect(tooWide).toEqual([]);
			} finally {
				await close();
			}
		});
	}

	it('headline figures fit inside their cards', async () => {
		const { page, close } = await openPage(browser, { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/authorities/TRF`);
			const overflowing = await page.$$eval('.stat', (cards) =>
				cards
					.filter((card) => {
						const value = card.querySelector('.stat-value')!;
						return value.scrollWidth > value.clientWidth;
					})
					.map((card) => card.textContent?.trim().slice(0, 40))
			);
			expect(overflowing).toEqual([]);
		} finally {
			await close();
		}
	});

	it("the import history shows each import's result on screen, not off to the side", async () => {
		const { page, close } = await openPage(browser, { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/import/history`);
			const result = page.locator('tbody tr').first().locator('td[data-label="Result"]');
			const box = (await result.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
			expect(await result.innerText()).toMatch(/committed|rejected|undone/);
		} finally {
			await close();
		}
	});

	it("the council list shows each council's target years on screen", async () => {
		const { page, close } = await openPage(browser, { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/authorities?q=Trafford`);
			const row = page.locator('tbody tr').filter({ hasText: 'Trafford' });
			for (const label of ['Council operations target', 'Whole area target']) {
				const box = (await row.locator(`td[data-label="${label}"]`).boundingBox())!;
				expect(box.x, label).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width, label).toBeLessThanOrEqual(PHONE.width);
			}
		} finally {
			await close();
		}
	});

	it('the council list is three short lines a council, in groups by first letter', async () => {
		const { page, close } = await openPage(browser, { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/authorities`);
			const rows = page.locator('table.councils tbody tr:not(.letter)');
			const heights = await rows.evaluateAll((trs) =>
				trs.map((tr) => tr.getBoundingClientRect().height)
			);
			expect(heights.length).toBeGreaterThan(300);
			// A line a column made each council 190 px and the list 77,000 px.
			const mean = heights.reduce((a, b) => a + b, 0) / heights.length;
			expect(mean).toBeLessThanOrEqual(95);
			// The letters lead to their group.
			await page.click('nav.letters a[href="#letter-T"]');
			await page.waitForURL(/#letter-T$/);
			const group = (await page.locator('#letter-T').boundingBox())!;
			expect(group.y).toBeGreaterThanOrEqual(0);
			expect(group.y).toBeLessThan(PHONE.height / 2);
			const first = page.locator('#letter-T').locator('xpath=../following-sibling::tr[1]');
			await expect(first.locator('th').innerText()).resolves.toMatch(/^T/);
		} finally {
			await close();
		}
	});

	it('national progress lists each council as a short card: type and nation on one line', async () => {
		const { page, close } = await openPage(browser, { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/progress?nation=Scotland`);
			const row = page.locator('#council-table tbody tr').first();
			await expect(row.locator('td[data-label="Type"]').isVisible()).resolves.toBe(false);
			await expect(row.locator('td[data-label="Nation"]').isVisible()).resolves.toBe(false);
			await expect(row.locator('th .where').innerText()).resolves.toMatch(/, Scotland$/);
			// Wide screens keep the columns, and no second copy in the name's cell.
			await page.setViewportSize({ width: 1280, height: 900 });
			await expect(row.locator('td[data-label="Nation"]').isVisible()).resolves.toBe(true);
			await expect(row.locator('th .where').isVisible()).resolves.toBe(false);
		} finally {
			await close();
		}
	});

	it('the hex map shows every council, none cut off at the edge', async () => {
		for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
			const { page, close } = await openPage(browser, { viewport });
			try {
				await page.goto(`${baseUrl}/funding`);
				const outside = await page.$$eval('.hexmap svg', ([svg]) => {
					const box = svg!.getBoundingClientRect();
					return Array.from(svg!.querySelectorAll('a use'))
						.map((p) => ({ r: p.getBoundingClientRect(), name: p.textContent }))
						.filter(
							({ r }) =>
								r.left < box.left - 0.5 ||
								r.right > box.right + 0.5 ||
								r.top < box.top - 0.5 ||
								r.bottom > box.bottom + 0.5
						)
						.map(({ name }) => name);
				});
				expect(outside, `${viewport.width} px`).toEqual([]);
			} finally {
				await close();
			}
		}
	});

	it('the hex map keeps hexes big enough to tap, scrolls in its box and offers the table', async () => {
		for (const path of ['/compare', '/progress', '/funding']) {
			const { page, errors, close } = await openPage(browser, { viewport: PHONE });
			try {
				await page.goto(`${baseUrl}${path}`);
				await page.locator('.hexmap a[tabindex="0"]').waitFor({ state: 'attached' });
				// WCAG 2.2's minimum target: 24 px. The whole UK at 390 px made them about 13.
				const widths = await page.$$eval('.hexmap a use', (ps) =>
					ps.map((p) => p.getBoundingClientRect().width)
				);
				expect(Math.min(...widths), path).toBeGreaterThanOrEqual(24);
				// The map scrolls inside its box; the page itself does not.
				const box = page.locator('.hexmap .map-scroll');
				const sizes = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
				expect(sizes[0], path).toBeGreaterThan(sizes[1]!);
				const { scroll, viewport } = await pageWidth(page);
				expect(scroll, path).toBeLessThanOrEqual(viewport);
				// The table is offered first, and its link leads to it.
				const offer = page.locator('.hexmap .phone-note a');
				await expect(offer.isVisible(), path).resolves.toBe(true);
				const target = (await offer.getAttribute('href'))!;
				await expect(page.locator(target).count(), path).resolves.toBe(1);
				// By keyboard: End moves to the last hex, which is scrolled into view.
				await page.locator('.hexmap a[tabindex="0"]').focus();
				await page.keyboard.press('End');
				const last = page.locator('.hexmap svg a').last();
				await expect(
					last.evaluate((a) => a === document.activeElement),
					path
				).resolves.toBe(true);
				const [hex, frame] = await Promise.all([last.boundingBox(), box.boundingBox()]);
				expect(hex!.x, path).toBeGreaterThanOrEqual(frame!.x - 1);
				expect(hex!.x + hex!.width, path).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
				expect(errors, path).toEqual([]);
			} finally {
				await close();
			}
		}
	});
});
