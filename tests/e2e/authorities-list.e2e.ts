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

/** Text of the main content (the whole body if there is no <main>), excluding form controls. */
function listText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const root = (document.querySelector('main') ?? document.body).cloneNode(true) as HTMLElement;
		root
			.querySelectorAll('select, option, datalist, input, script, style')
			.forEach((el) => el.remove());
		return root.textContent ?? '';
	});
}

describe('council list /authorities', () => {
	it('finds Trafford by a name fragment', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities?q=traff`, { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			const text = await listText(page);
			expect(text).toContain('Trafford');
			expect(text).not.toContain('Cardiff');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('filters by nation', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities?nation=Wales`, {
				waitUntil: 'load'
			});
			expect(response?.status()).toBe(200);
			const text = await listText(page);
			expect(text).toContain('Cardiff');
			expect(text).not.toContain('Trafford');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
