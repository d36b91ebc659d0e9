/**
 * The hex map by keyboard alone: one tab stop for the map, the arrow keys inside it, and a skip
 * link past it, so the rest of /funding is a few Tab presses away, not 361.
 */
import type { Browser, Page } from 'playwright-core';
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

/** What has focus: its tag, its label or text, and whether it is a hex. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement!;
		return {
			tag: el.tagName.toLowerCase(),
			label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '',
			hex: !!el.closest('.hexmap svg')
		};
	});

/** Presses Tab until focus leaves the map's section; returns every stop on the way. */
async function tabThroughMap(page: Page) {
	await page.locator('#year').focus();
	const stops = [];
	for (let i = 0; i < 400; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		stops.push(f);
		if (f.tag === 'summary') break;
	}
	return stops;
}

describe('hex map by keyboard', () => {
	it('is one tab stop, after a skip link, with the data toggle next', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			await page.locator('.hexmap a[tabindex="0"]').waitFor({ state: 'attached' });
			const stops = await tabThroughMap(page);
			expect(stops.map((s) => (s.hex ? 'hex' : s.label))).toEqual([
				'Skip the map',
				'hex',
				expect.stringContaining('Show the data')
			]);
			expect(await page.locator('.hexmap a[tabindex="0"]').count()).toBe(1);
			expect(await page.locator('.hexmap a[tabindex="-1"]').count()).toBe(360);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('moves between councils with the arrow keys and opens one with Enter', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			await page.locator('.hexmap a[tabindex="0"]').waitFor({ state: 'attached' });
			// Birmingham, inland: it has neighbours on every side.
			await page.locator('.hexmap a[href="/authorities/BIR/funding"]').focus();
			expect(await page.locator('.hexmap a[tabindex="0"]').getAttribute('href')).toBe(
				'/authorities/BIR/funding'
			);
			const start = await focused(page);
			expect(start.hex).toBe(true);
			await page.keyboard.press('ArrowRight');
			const right = await focused(page);
			expect(right.hex).toBe(true);
			expect(right.label).not.toBe(start.label);
			await page.keyboard.press('ArrowLeft');
			expect((await focused(page)).label).toBe(start.label);
			await page.keyboard.press('ArrowDown');
			const down = await focused(page);
			expect(down.hex).toBe(true);
			expect(down.label).not.toBe(start.label);
			await page.keyboard.press('ArrowUp');
			expect((await focused(page)).label).toBe(start.label);

			// The hex last moved to keeps the tab stop: Tab out and back lands on it.
			await page.keyboard.press('ArrowRight');
			const chosen = await focused(page);
			await page.keyboard.press('Tab');
			await page.keyboard.press('Shift+Tab');
			expect((await focused(page)).label).toBe(chosen.label);
			expect(await page.locator('.hexmap a[tabindex="0"]').count()).toBe(1);

			const href = await page.evaluate(() => document.activeElement!.getAttribute('href'));
			await page.keyboard.press('Enter');
			await page.waitForURL(`${baseUrl}${href}`);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('the skip link jumps past the map', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			await page.locator('.hexmap a[tabindex="0"]').waitFor({ state: 'attached' });
			await page.locator('#year').focus();
			await page.keyboard.press('Tab');
			const skip = page.getByRole('link', { name: 'Skip the map' });
			expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
			// Visible when focused, on screen.
			const box = (await skip.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			await page.keyboard.press('Enter');
			await page.keyboard.press('Tab');
			expect((await focused(page)).tag).toBe('summary');
		} finally {
			await close();
		}
	});
});
