/**
 * What a first-time user meets before reading anything: the sign-in form's labels beside their
 * boxes, every column of national progress on a 1280 px screen, and the partnership network's
 * labels big enough to read on a phone.
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

describe('a first look', () => {
	it('the sign-in form puts each label just above its box', async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
		try {
			await page.goto(`${baseUrl}/login`);
			for (const id of ['email', 'password']) {
				const label = (await page.locator(`label[for="${id}"]`).boundingBox())!;
				const box = (await page.locator(`#${id}`).boundingBox())!;
				// A blank line between them (a <br> after a block label) made the gap 24 px.
				expect(box.y - (label.y + label.height), id).toBeLessThanOrEqual(8);
				expect(box.y, id).toBeGreaterThan(label.y);
			}
		} finally {
			await close();
		}
	});

	it("national progress shows every council's last column at 1280 px", async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
		try {
			await page.goto(`${baseUrl}/progress`);
			const scroller = page.locator('#council-table').locator('xpath=..');
			const frame = (await scroller.boundingBox())!;
			const last = (await page.locator('#council-table thead th').last().boundingBox())!;
			expect(await page.locator('#council-table thead th').last().innerText()).toBe(
				'Why no status'
			);
			expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
			expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		} finally {
			await close();
		}
	});

	it("on a phone the partnership network's labels can be read, and the page stays 390 px", async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 390, height: 844 } });
		try {
			await page.goto(`${baseUrl}/compare/partnerships`);
			const svg = page.getByTestId('partnership-svg');
			// Labels are 13 units in a 900-unit picture: drawn at the phone's width they were 4 px.
			const scale = await svg.evaluate((el) => el.getBoundingClientRect().width / 900);
			expect(13 * scale).toBeGreaterThanOrEqual(10);
			// The picture scrolls in its own box; the page does not.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			// The table of every line is offered, and each pair reads as a card.
			await expect(page.locator('a[href="#partnership-pairs"]').isVisible()).resolves.toBe(true);
			const pair = page.getByTestId('partnership-table').locator('tbody tr').first();
			const money = (await pair.locator('td[data-label="£ won together"]').boundingBox())!;
			expect(money.x + money.width).toBeLessThanOrEqual(390);
		} finally {
			await close();
		}
	});
});
