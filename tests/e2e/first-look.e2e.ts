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
});
