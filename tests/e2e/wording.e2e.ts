/**
 * Small words a first-time user trips over: how a council's tier, scheme status and abolition date
 * read, how an import is summed up on /sources and how download links look. (Where an import's
 * record sends you next: import-record.e2e.ts, which imports.)
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

/** The value beside a label in a council's facts list. */
const fact = (page: Page, label: string) =>
	page.locator('dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

/** The text of the Warm Homes card on a council page. */
const warmHomes = (page: Page) =>
	page.locator('#funding .card', { hasText: 'Warm Homes: Local Grant' }).innerText();

async function onPage<T>(path: string, check: (page: Page) => Promise<T>): Promise<T> {
	const { page, errors, close } = await openPage(browser);
	try {
		expect((await page.goto(`${baseUrl}${path}`))?.status()).toBe(200);
		const result = await check(page);
		expect(errors).toEqual([]);
		return result;
	} finally {
		await close();
	}
}

describe('wording', () => {
	it("a combined authority's tier does not say so twice", async () => {
		await onPage('/authorities/GMCA', async (page) => {
			const tier = await fact(page, 'Tier').innerText();
			expect(tier).toMatch(/^Combined authority, /);
			expect(tier.match(/combined authority/gi)).toHaveLength(1);
		});
	});

	it('Warm Homes: Local Grant is not applicable outside England', async () => {
		// Belfast: DESNZ's list names no Northern Irish council; the page still says why.
		for (const code of ['CRF', 'ABE', 'BFS']) {
			await onPage(`/authorities/${code}`, async (page) => {
				const card = await warmHomes(page);
				expect(card).toContain('Status: Not applicable: the scheme is for England only.');
				expect(card).not.toContain('No funding');
				expect(card).not.toContain('Where residents apply');
			});
		}
	});

	it("Trafford's status says residents apply outside the national service, not that it is out", async () => {
		await onPage('/authorities/TRF', async (page) => {
			const card = await warmHomes(page);
			expect(card).not.toMatch(/not taking part/i);
			expect(card).toContain(
				'Status: Not through the national service: residents apply to the council or its consortium directly.'
			);
			expect(card).toContain('consortium led by Greater Manchester');
		});
	});

	it("an abolished council's date reads like every other date", async () => {
		await onPage('/authorities/COR', async (page) => {
			expect(await page.locator('.notice').first().innerText()).toContain(
				'This council was abolished on 1 April 2021.'
			);
		});
	});

	it('/sources sums up each import without a stray comma', async () => {
		await onPage('/sources', async (page) => {
			const summaries = await page.locator('details.import summary').allInnerTexts();
			expect(summaries.length).toBeGreaterThan(0);
			for (const s of summaries) {
				expect(s).not.toMatch(/\s,|committed/);
				expect(s).toMatch(/: [\d,]+ of [\d,]+ rows .*, \d{1,2} \w+ \d{4}$/);
			}
		});
	});

	it('/sources lists problems by kind, with an example each, not one line a message', async () => {
		await onPage('/sources', async (page) => {
			const promises = page.locator('details.import', { hasText: 'promises.csv' });
			await promises.locator('summary').click();
			const lines = await promises.locator('tbody tr').allInnerTexts();
			// 20 notes of abolished councils, each naming its council, were 20 "kinds of problem"
			// (and the 492 repeated rows of the name lookup, before they were stored once, 492).
			expect(lines.length).toBeLessThanOrEqual(5);
			const abolished = lines.find((l) => l.includes('has been abolished'));
			expect(abolished).toMatch(/\(and 19 more like it\)/);
			expect(await promises.locator('p.small').innerText()).not.toMatch(/kinds of problem/);
		});
	});
	it('template downloads look like buttons, with the padding buttons have', async () => {
		await onPage('/import/templates', async (page) => {
			const link = page.locator('a.button').first();
			const style = await link.evaluate((el) => {
				const s = getComputedStyle(el);
				return { padding: s.paddingTop, radius: s.borderTopLeftRadius };
			});
			const button = await page.evaluate(() => {
				const b = document.createElement('button');
				document.body.append(b);
				const s = getComputedStyle(b);
				return { padding: s.paddingTop, radius: s.borderTopLeftRadius };
			});
			expect(style).toEqual(button);
			expect(style.padding).not.toBe('0px');
		});
	});
});
