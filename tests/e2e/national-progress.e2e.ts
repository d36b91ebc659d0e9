/**
 * The national progress page on the shipped data: the counts add up to the whole-area targets the
 * API lists, the table filters by status through the address, a council's row leads to its
 * progress page, the downloads hold the same rows, and printing keeps the tables.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
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

interface ApiRow {
	code: string;
	type: string;
	status: string;
	targetYear: number | null;
	projectedYear: number | null;
	releaseLabel: string | null;
	summedFrom: string | null;
}

async function apiRows(query = ''): Promise<ApiRow[]> {
	const res = await fetch(`${baseUrl}/api/progress${query}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { rows: ApiRow[] }).rows;
}

/** A counts table's cells as numbers: each body row, and the total row. */
const countsTable = (page: Page, id: string) =>
	page.$eval(`section:has(> h3#${id}) table`, (table) => {
		const num = (tr: Element) =>
			[...tr.querySelectorAll('td')].map((td) => Number(td.textContent!.replace(/,/g, '')));
		return {
			rows: [...table.querySelectorAll('tbody tr')].map(num),
			total: num(table.querySelector('tfoot tr')!)
		};
	});

describe('/progress', () => {
	it('counts every whole-area target once, in each table', async () => {
		const targets = (await apiRows()).filter((r) => r.status !== 'no_target');
		// The promises data: 206 whole-area targets with a year and 2 without, 10 of them of councils
		// since abolished (left out here).
		expect(targets.length).toBe(198);
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/progress`);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').textContent()).resolves.toBe(
				'Progress to net zero across UK councils'
			);
			for (const id of ['by-year', 'by-band', 'by-type', 'by-nation']) {
				const { rows, total } = await countsTable(page, id);
				// Columns: on track, behind, off track, no status, total.
				for (const r of rows) expect(r[0]! + r[1]! + r[2]! + r[3]!, id).toBe(r[4]);
				const sum = (i: number) => rows.reduce((n, r) => n + r[i]!, 0);
				expect([0, 1, 2, 3, 4].map(sum), id).toEqual(total);
				expect(total[4], id).toBe(targets.length);
			}
			// One row a target year that occurs, and the API agrees on how many each has.
			const years = await page.$$eval('section:has(> h3#by-year) tbody th', (ths) =>
				ths.map((th) => th.textContent!.trim())
			);
			const apiYears = [...new Set(targets.map((t) => t.targetYear ?? 'No year named'))];
			expect(years.length).toBe(apiYears.length);
			expect(await page.locator('.hexmap svg a').count()).toBe(361);
			// The map is one tab stop; each hex says its council's status in words.
			await page.locator('.hexmap a[tabindex="0"]').waitFor({ state: 'attached' });
			expect(await page.locator('.hexmap a[tabindex="0"]').count()).toBe(1);
			const labels = await page.$$eval('.hexmap svg a', (as) =>
				as.map((a) => a.getAttribute('aria-label')!)
			);
			const words =
				/: (On track|Behind, by up to 5 years|Off track|No status \(no figures or no trend\)|No whole-area target)$/;
			expect(labels.filter((l) => !words.test(l))).toEqual([]);
			expect(labels).toContain('Trafford (target 2038): Off track');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('filters the table by status and follows a council to its progress page', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/progress`);
			const amber = (await countsTable(page, 'by-year')).total[1]!;
			expect(amber).toBeGreaterThan(0);
			await page.selectOption('#status', 'amber');
			await Promise.all([
				page.waitForURL(/status=amber/),
				page.getByRole('button', { name: 'Show councils' }).click()
			]);
			const statuses = await page.$$eval('#council-table tbody tr', (trs) =>
				trs.map((tr) => tr.getAttribute('data-status'))
			);
			expect(statuses.length).toBe(amber);
			expect(new Set(statuses)).toEqual(new Set(['amber']));
			// The CSV download holds the same rows (and a header).
			const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
			expect(csvHref).toContain('status=amber');
			const csv = await (await fetch(`${baseUrl}${csvHref}`)).text();
			expect(csv.trim().split(/\r\n/)).toHaveLength(amber + 1);

			const link = page.locator('#council-table tbody th a').first();
			const href = await link.getAttribute('href');
			expect(href).toMatch(/^\/authorities\/[A-Z0-9]+\/progress$/);
			expect(errors).toEqual([]);
			// The council's own progress page opens, judged on the same status as in the table.
			// (a client-side navigation: its data, not the page, comes from the server).
			await Promise.all([page.waitForURL(`${baseUrl}${href}`), link.click()]);
			await expect(page.locator('h1').textContent()).resolves.toMatch(/: progress to net zero$/);
			expect(await page.locator('article.target-progress .rag').first().textContent()).toBe(
				'Behind, by up to 5 years'
			);
		} finally {
			await close();
		}
	});

	it('lists 50 rows a page, the next page and every row one link away', async () => {
		const { page, errors, close } = await openPage(browser, { javaScriptEnabled: false });
		try {
			const api = (await (await fetch(`${baseUrl}/api/progress`)).json()) as {
				rows: { code: string; targetYear: number | null }[];
			};
			const key = (r: { code: string; targetYear: number | null }) => `${r.code} ${r.targetYear}`;
			const shown = () =>
				page.$$eval('#council-table tbody tr th a', (as) =>
					as.map((a) => a.getAttribute('href')!.split('/')[2])
				);
			await page.goto(`${baseUrl}/progress`);
			expect(await shown()).toEqual(api.rows.slice(0, 50).map((r) => r.code));
			const pager = page.getByRole('navigation', {
				name: 'Pages of the council table',
				exact: true
			});
			await expect(pager.locator('p').textContent()).resolves.toMatch(
				new RegExp(`1–50 of ${api.rows.length}\\s+rows`)
			);
			await pager.getByRole('link', { name: 'Next page' }).click();
			await page.waitForURL(/page=2/);
			expect(await shown()).toEqual(api.rows.slice(50, 100).map((r) => r.code));
			await page.goto(`${baseUrl}/progress?page=all`);
			const all = await page.$$eval('#council-table tbody tr', (trs) => trs.length);
			expect(all).toBe(api.rows.length);
			expect(new Set(api.rows.map(key)).size).toBe(api.rows.length);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it("judges every county's and combined authority's target on its members' figures summed", async () => {
		for (const measure of ['territorial', 'scope_of_influence']) {
			const upper = (await apiRows(`?measure=${measure}`)).filter(
				(r) => ['CTY', 'COMB', 'SRA'].includes(r.type) && r.status !== 'no_target'
			);
			expect(upper.length, measure).toBe(18);
			expect(
				upper.filter((r) => r.status === 'none').map((r) => r.code),
				measure
			).toEqual([]);
			expect(upper.every((r) => r.releaseLabel?.startsWith('sum of its '))).toBe(true);
		}
		const influence = await apiRows('?measure=scope_of_influence');
		expect(influence.find((r) => r.code === 'DEV')).toMatchObject({
			status: 'red',
			projectedYear: 2056,
			summedFrom: '8 districts'
		});
		expect(influence.find((r) => r.code === 'WMCA')).toMatchObject({
			status: 'red',
			projectedYear: 2049,
			targetYear: 2041
		});
		// The compare table's status is the same judgement, council by council.
		const res = await fetch(`${baseUrl}/api/compare?measure=scope_of_influence&cols=status`);
		const compare = ((await res.json()) as { rows: { code: string; status: string }[] }).rows;
		for (const code of ['DEV', 'CAM', 'LEC', 'WMCA', 'GMCA']) {
			const judged = influence.find((r) => r.code === code)!;
			expect(compare.find((r) => r.code === code)?.status, code).toBe(judged.status);
		}
		// The table marks a summed row.
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/progress?measure=scope_of_influence&type=CTY`);
			const devon = page.locator('#council-table tbody tr', { hasText: 'Devon' }).filter({
				has: page.locator('th a[href="/authorities/DEV/progress"]')
			});
			expect(await devon.locator('td.latest').textContent()).toMatch(
				/\(2023\)sum of its 8 districts$/
			);
			expect(await devon.getAttribute('data-status')).toBe('red');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('judges in the other measure when asked, and refuses a window it cannot fit', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/progress`);
			await Promise.all([
				page.waitForURL(/measure=scope_of_influence/),
				page.getByRole('link', { name: "CO2 within the council's scope of influence" }).click()
			]);
			await expect(page.locator('#rule-title + p').textContent()).resolves.toMatch(
				/scope of influence/
			);
			const response = await page.goto(`${baseUrl}/progress?window=2`);
			expect(response?.status()).toBe(400);
		} finally {
			await close();
		}
	});

	it('lists the 10 most improved councils, the first as worked from the shipped DESNZ file', async () => {
		// The shipped file read here, apart from the app: each council's territorial figure in its
		// last two years. A county's or combined authority's figures are sums of these councils', so
		// their change is an average of their members' and cannot be the largest fall.
		const { data } = Papa.parse<Record<string, string>>(
			readFileSync('data/la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv', 'utf8'),
			{ header: true, skipEmptyLines: true }
		);
		const byCode = new Map<string, Map<number, number>>();
		for (const r of data) {
			const code = r.lad_code!;
			if (!byCode.has(code)) byCode.set(code, new Map());
			byCode.get(code)!.set(Number(r.year), Number(r.territorial_emissions_ktco2e));
		}
		const last = Math.max(...[...byCode.values()].flatMap((m) => [...m.keys()]));
		const falls = [...byCode]
			.filter(([, m]) => m.has(last) && m.has(last - 1))
			.map(([gss, m]) => ({
				gss,
				pct: ((m.get(last)! - m.get(last - 1)!) / m.get(last - 1)!) * 100
			}))
			.sort((a, b) => a.pct - b.pct);

		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/progress`);
			const list = page.getByTestId('most-improved');
			await expect(list.locator('h2').textContent()).resolves.toBe(
				`Most improved councils, ${last - 1} to ${last}`
			);
			const table = list.locator('table');
			await expect(table.locator('caption').textContent()).resolves.toBe(
				`The 10 largest falls in emissions, ${last - 1} to ${last}, in kt CO2e`
			);
			expect(await table.locator('thead th[scope=col]').allTextContents()).toEqual([
				'Rank',
				'Council',
				'Type',
				`${last - 1} (kt CO2e)`,
				`${last} (kt CO2e)`,
				'Change'
			]);
			const rows = table.locator('tbody tr');
			expect(await rows.count()).toBe(10);
			const first = rows.first();
			const href = (await first.locator('th a').getAttribute('href'))!;
			const code = href.match(/^\/authorities\/([A-Z-]+)\/progress/)![1];
			const profile = (await (await fetch(`${baseUrl}/api/authorities/${code}`)).json()) as {
				authority: { gssCode: string };
			};
			expect(profile.authority.gssCode).toBe(falls[0]!.gss);
			await expect(first.locator('td').last().textContent()).resolves.toBe(
				`\u2212${Math.abs(falls[0]!.pct).toFixed(1)}%`
			);
			// Every change in the list is a fall, largest first.
			const changes = (await rows.locator('td:last-child').allTextContents()).map((t) =>
				Number(t.replace('\u2212', '-').replace('%', ''))
			);
			expect(changes).toEqual([...changes].sort((a, b) => a - b));
			expect(await list.textContent()).toContain('Left out: none on old figures');
			// The other measure is ranked in its own unit.
			await page.goto(`${baseUrl}/progress?measure=scope_of_influence`);
			await expect(
				page.getByTestId('most-improved').locator('caption').textContent()
			).resolves.toMatch(/, in kt CO2$/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('is linked from the home page', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/`);
			await Promise.all([
				page.waitForURL(`${baseUrl}/progress`),
				page.getByRole('link', { name: 'progress to net zero across UK councils' }).click()
			]);
			expect(new URL(page.url()).pathname).toBe('/progress');
		} finally {
			await close();
		}
	});

	it('prints the counts and the list, not the options and filters', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/progress`);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('form.filters').isVisible()).toBe(false);
			expect(await page.locator('nav.options').isVisible()).toBe(false);
			expect(await page.locator('section:has(> h3#by-year) table').isVisible()).toBe(true);
			expect(await page.locator('#council-table').isVisible()).toBe(true);
		} finally {
			await close();
		}
	});
});
