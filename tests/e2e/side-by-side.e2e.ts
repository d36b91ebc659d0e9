/**
 * Councils side by side and the partnership map on the shipped data. Trafford, Manchester and
 * Salford are all on the DESNZ 2005–2023 totals: indexed to 2005 = 100, their 2023 figures are
 * 57.2, 52.6 and 56.5 (territorial, summed by hand from data/la-ghg-emissions-desnz-2005-2023).
 */
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

describe('councils side by side /compare/side-by-side', () => {
	it('overlays three councils, each line named with its release, and tabulates their targets', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const res = await page.goto(`${baseUrl}/compare/side-by-side?codes=TRF,MAN,SLF`);
			expect(res?.status()).toBe(200);
			await waitForDrawnCanvas(page);
			expect(await chartTableRowCounts(page)).toEqual([19]);
			const headers = await page.locator('figure.chart thead th').allTextContents();
			expect(headers).toEqual([
				'Year',
				'Trafford (kt CO2e)',
				'Manchester (kt CO2e)',
				'Salford (kt CO2e)'
			]);
			const lines = await page.locator('ul.lines li').allTextContents();
			expect(lines).toHaveLength(3);
			for (const l of lines) expect(l).toContain('DESNZ');
			const table = page.locator('table.compare');
			expect(await table.locator('thead th').allTextContents()).toEqual([
				'Figure',
				'Trafford',
				'Manchester',
				'Salford'
			]);
			const area = table.locator('tbody tr').first();
			expect(await area.locator('td').first().textContent()).toContain('Net zero by 2038');
			expect(await area.locator('.rag').first().textContent()).toBe('Off track');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('counts net-zero money by default and says "no published net-zero award", never £0', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			// Trafford, Manchester and Salford led no published award; Blackpool led HUG2 (£41.4m) and
			// SHDF (£0.5m), net-zero money, and a Levelling Up Fund award (£15,385,023), general money.
			// Its 142,708 residents (DESNZ 2023): £41,900,000 is £293.61 a head, £57,285,023 £401.41.
			await page.goto(`${baseUrl}/compare/side-by-side?codes=TRF,MAN,SLF,BPL`);
			await expect(page.textContent('#compare-table-title')).resolves.toContain('net-zero money');
			const row = (label: string) =>
				page
					.locator('table.compare tbody tr')
					.filter({ has: page.locator('th', { hasText: label }) })
					.locator('td')
					.allTextContents();
			expect(await row('£ a person')).toEqual([
				'no published net-zero award',
				'no published net-zero award',
				'no published net-zero award',
				'£293.61'
			]);
			expect(await row('Awards led')).toEqual([
				'no published net-zero award',
				'no published net-zero award',
				'no published net-zero award',
				'2'
			]);
			const cells = await page.locator('table.compare tbody td').allTextContents();
			expect(cells.filter((t) => /^(£0(\.00)?|0|0%)$/.test(t.trim()))).toEqual([]);
			await expect(page.textContent('.money-scope')).resolves.toContain(
				'Not counted here: £15.4m of general money'
			);

			await page.getByRole('link', { name: 'Count all money' }).click();
			await page.waitForURL(/codes=TRF,MAN,SLF,BPL&money=all/);
			expect(await row('£ a person')).toEqual([
				'no published award',
				'no published award',
				'no published award',
				'£401.41'
			]);
			expect(await row('Pots won')).toEqual([
				'no published award',
				'no published award',
				'no published award',
				'3'
			]);
			// The other choices keep the money counted.
			await page.getByRole('link', { name: 'Indexed, 2005 = 100' }).click();
			await page.waitForURL(/view=indexed/);
			expect(new URL(page.url()).searchParams.get('money')).toBe('all');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('indexes each line to 2005 = 100, chosen by a link', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare/side-by-side?codes=TRF,MAN,SLF`);
			await page.getByRole('link', { name: 'Indexed, 2005 = 100' }).click();
			await page.waitForURL(/view=indexed/);
			await waitForDrawnCanvas(page);
			const rows = page.locator('figure.chart tbody tr');
			const cells = async (i: number) =>
				(await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.trim());
			expect(await cells(0)).toEqual(['2005', '100.0', '100.0', '100.0']);
			expect(await cells(18)).toEqual(['2023', '57.2', '52.6', '56.5']);
			expect(await page.locator('figure.chart .chart-unit').textContent()).toBe(
				'index, 2005 = 100'
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it("draws a county as its districts' DESNZ figures summed, the same release as theirs", async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(
				`${baseUrl}/compare/side-by-side?codes=LAN,PRE,BPL&measure=scope_of_influence`
			);
			// Lancashire's own figures are the 2005–2020 series; its line is its 12 districts' 2005–2023
			// figures summed, so no "different releases" flag beside Preston and Blackpool.
			expect(await page.getByTestId('series-flags').count()).toBe(0);
			const lines = await page.locator('ul.lines li').allTextContents();
			expect(lines[0]).toMatch(
				/^Lancashire: sum of its 12 districts' figures, DESNZ .*2005–2023.*, 2005–2023, kt CO2\.$/
			);
			expect(lines[1]).toContain('DESNZ');
		} finally {
			await close();
		}
	});

	it('names an unknown code and refuses more than six councils with the reason', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare/side-by-side?codes=TRF,ZZZ,MAN`);
			expect(await page.getByRole('alert').textContent()).toContain(
				'No council has the code "ZZZ".'
			);
			expect(await page.locator('table.compare thead th').count()).toBe(3);
			const res = await page.goto(
				`${baseUrl}/compare/side-by-side?codes=TRF,MAN,SLF,BOL,BUR,OLD,ROC`
			);
			expect(res?.status()).toBe(400);
			expect(await page.locator('main, body').first().textContent()).toContain(
				'at most 6 councils side by side'
			);
		} finally {
			await close();
		}
	});

	it('adds a council typed by name, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		try {
			await page.goto(`${baseUrl}/compare/side-by-side?codes=TRF,MAN`);
			await page.getByLabel('Add a council (name or code)').fill('Salford');
			await page.getByRole('button', { name: 'Add' }).click();
			await page.waitForURL(/codes=TRF,MAN,SLF/);
			expect(await page.locator('ul.lines li').count()).toBe(3);
		} finally {
			await context.close();
		}
	});
});

describe('partnership map /compare/partnerships', () => {
	it('draws the network, says what the data covers, and lists every pair', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const res = await page.goto(`${baseUrl}/compare/partnerships`);
			expect(res?.status()).toBe(200);
			// Net-zero money by default: 42 published awards (the Levelling Up and UKSPF ones are
			// general money, and the UKSPF allocation no longer draws the map's thickest line).
			expect(await page.locator('h1').textContent()).toContain('net-zero money');
			expect(await page.getByTestId('coverage').textContent()).toMatch(
				/Partners are recorded for\s+5 of 42\s+published\s+awards/
			);
			const svg = page.getByTestId('partnership-svg');
			const table = page.getByTestId('partnership-table');
			const pairs = await table.locator('tbody tr').count();
			expect(pairs).toBe(25);
			expect(await svg.locator('line').count()).toBe(pairs);
			// Blackpool led the Lancashire HUG2 consortium of twelve councils.
			expect(await table.locator('tbody tr').filter({ hasText: 'Blackpool' }).count()).toBe(12);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('filters by scheme in the address, and by council from a node', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			// General money is one choice away, kept in the address.
			await page.goto(`${baseUrl}/compare/partnerships`);
			await page.getByRole('link', { name: 'Show all money' }).click();
			await page.waitForURL(/money=all/);
			await page.getByLabel('Scheme').selectOption('Levelling Up Fund');
			await page.getByRole('button', { name: 'Show' }).click();
			await page.waitForURL(/scheme=Levelling\+Up\+Fund.*money=all|money=all.*scheme=Levelling/);
			const rows = page.getByTestId('partnership-table').locator('tbody tr');
			expect(await rows.count()).toBe(2);
			expect(await rows.first().textContent()).toContain('Dumfries and Galloway');
			await page.goto(`${baseUrl}/compare/partnerships?council=BRO`);
			expect(await page.locator('#council-partners-title').textContent()).toBe(
				"Broadland's partners"
			);
			expect(
				await page.locator('section[aria-labelledby="council-partners-title"] li').count()
			).toBe(5);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe('on a phone (390 px)', () => {
	it('neither page is wider than the screen, long scheme names included', async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 390, height: 844 } });
		try {
			const tooWide: string[] = [];
			for (const path of [
				'/compare/side-by-side?codes=LAN,PRE,BPL&measure=scope_of_influence&view=indexed',
				'/compare/partnerships',
				'/compare/partnerships?council=BPL'
			]) {
				expect((await page.goto(`${baseUrl}${path}`))?.status(), path).toBe(200);
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				if (width > 390) tooWide.push(`${path}: ${width} px`);
			}
			expect(tooWide).toEqual([]);
		} finally {
			await close();
		}
	});
});
