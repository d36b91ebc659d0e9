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

	it('finds a council by a spelling from the alias table', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities?q=${encodeURIComponent('LB Waltham Forest')}`, {
				waitUntil: 'load'
			});
			await expect(
				page.getByRole('link', { name: 'Waltham Forest', exact: true }).getAttribute('href')
			).resolves.toBe('/authorities/WFT');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('leads from an abolished council to its successor', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities?q=Kettering`, { waitUntil: 'load' });
			const notice = await page.locator('.notice').innerText();
			expect(notice).toBe('Kettering has been abolished: now part of North Northamptonshire.');
			await page.locator('.notice').getByRole('link', { name: 'North Northamptonshire' }).click();
			await page.waitForURL(/\/authorities\/NNT$/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('offers the nearest names for a near miss', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities?q=Traford`, { waitUntil: 'load' });
			expect(await listText(page)).toMatch(/No council matches\.\s+Did you mean Trafford\b/);
			await page.getByRole('link', { name: 'Trafford', exact: true }).click();
			await page.waitForURL(/\/authorities\/TRF$/);
			await page.goto(`${baseUrl}/authorities?q=Blackpol`, { waitUntil: 'load' });
			expect(await listText(page)).toMatch(/Did you mean Blackpool\b/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('answers the same through the API', async () => {
		const get = async (q: string) =>
			(await fetch(`${baseUrl}/api/authorities?q=${encodeURIComponent(q)}`)).json();
		expect(
			(await get('LB Waltham Forest')).authorities.map((a: { code: string }) => a.code)
		).toEqual(['WFT']);
		expect(await get('Kettering')).toMatchObject({
			count: 1,
			authorities: [{ code: 'NNT' }],
			abolished: [{ code: 'KET', successors: [{ code: 'NNT', name: 'North Northamptonshire' }] }]
		});
		expect(await get('Traford')).toMatchObject({
			count: 0,
			suggestions: expect.arrayContaining([{ code: 'TRF', name: 'Trafford' }])
		});
	});

	it('names the GLA as ONS does, in the list, its filter and its page, keeping its peers', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			// The type filter offers it by its own name, with the same code as before.
			await page.goto(`${baseUrl}/authorities`, { waitUntil: 'load' });
			await page.selectOption('#type', { label: 'Greater London Authority' });
			await expect(page.locator('#type').inputValue()).resolves.toBe('SRA');
			await page.goto(`${baseUrl}/authorities?type=SRA`, { waitUntil: 'load' });
			const row = page.locator('tbody tr', { hasText: 'E61000001' });
			await expect(row.count()).resolves.toBe(1);
			const text = (await row.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain('Greater London Authority');
			expect(text).not.toMatch(/combined authority|Strategic Regional/i);
			// Its page says what it is once; its similar councils are still the combined authorities.
			await page.goto(`${baseUrl}/authorities/GLA`, { waitUntil: 'load' });
			await expect(page.locator('p.lede').innerText()).resolves.toBe(
				'Greater London Authority, London'
			);
			const peers = await page.locator('#similar tbody tr td:nth-child(3)').allInnerTexts();
			expect(peers.length).toBeGreaterThan(0);
			expect(new Set(peers)).toEqual(new Set(['Combined authority']));
			// Its funding page sets no median of its type (a type of one) beside its figures.
			await page.goto(`${baseUrl}/authorities/GLA/funding`, { waitUntil: 'load' });
			const lede = await page.locator('p.lede').innerText();
			expect(lede).not.toContain('compared with other');
			const funding = await page.locator('main').innerText();
			expect(funding).not.toMatch(/Median, Greater London Authority councils/);
			// The home page counts it apart from the combined authorities.
			await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
			const note = await page.locator('.stat', { hasText: 'Councils today' }).innerText();
			expect(note).toMatch(/\d+ combined authorities and the Greater London Authority/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
