/**
 * The compare page on the shipped data: a header sorts on the server (without JavaScript too), the
 * filters narrow the table, a shared address restores the whole view, the scatter draws and a
 * point opens its council, the hex map shows the chosen column with the rest "not in this view",
 * the CSV download holds the view's rows. At 1280 px the default columns fit and the page scrolls
 * with the header row held; more columns scroll sideways with the council's name held; a phone
 * gets a card a council.
 *
 * Funding counts net-zero money unless the address says money=all. In the shipped lists 35
 * councils led a net-zero award (42 awards); 4 of them (Cambridgeshire County, and the Cambridge
 * and Peterborough, Liverpool City Region and York and North Yorkshire combined authorities) are
 * not on the hex map and have no territorial emissions series. Blackpool led HUG2 (£41,400,000)
 * and SHDF (£500,000): £41,900,000 over its 142,708 residents (DESNZ 2023 mid-year) is £293.61 a
 * head, the most; with its Levelling Up Fund round 3 award (£15,385,023), all money is
 * £57,285,023, £401.41 a head, from 3 pots.
 */
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadedText, launchBrowser, openPage, waitForDrawnCanvas } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

type ApiRow = Record<string, string | number | null> & { code: string; name: string };

async function api(query: string): Promise<{ count: number; rows: ApiRow[] }> {
	const res = await fetch(`${baseUrl}/api/compare?${query}`);
	expect(res.status).toBe(200);
	return (await res.json()) as { count: number; rows: ApiRow[] };
}

/** The view's CSV as the page's download link gives it, parsed by its header row. */
async function downloadViewCsv(page: Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.click('a:has-text("CSV")')
	]);
	const text = (await downloadedText(download)).replace(/^\uFEFF/, '');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
}

const tableCodes = (page: Page) =>
	page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-code')));

const columnText = (page: Page, key: string) =>
	page.$$eval(`#compare-table tbody td[data-key="${key}"]`, (tds) =>
		tds.map((td) => td.textContent!.trim())
	);

describe('/compare', () => {
	it('counts net-zero money by default, all money one link away, the rest of the view kept', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(
				`${baseUrl}/compare?cols=perHeadGbp,potsWon&sort=perHeadGbp&dir=desc&page=all`
			);
			await expect(page.textContent('.money-scope')).resolves.toContain('Net-zero money:');
			await expect(page.textContent('th[data-key="perHeadGbp"] .unit')).resolves.toBe(
				'£ per person, net-zero money'
			);
			const first = page.locator('#compare-table tbody tr').first();
			await expect(first.getAttribute('data-code')).resolves.toBe('BPL');
			await expect(first.locator('td[data-key="perHeadGbp"]').textContent()).resolves.toBe('£294');
			await expect(first.locator('td[data-key="potsWon"]').textContent()).resolves.toBe('2');
			// 397 councils, 35 with a published net-zero award: the rest say so, last, never £0 or 0.
			const perHead = await columnText(page, 'perHeadGbp');
			const pots = await columnText(page, 'potsWon');
			expect(perHead).toHaveLength(397);
			expect(perHead.slice(35).every((t) => t === 'no published award')).toBe(true);
			expect(perHead.slice(0, 35).every((t) => /^£\d/.test(t))).toBe(true);
			expect(pots.filter((t) => t === 'no published award')).toHaveLength(362);
			expect([...perHead, ...pots].filter((t) => t === '£0' || t === '0')).toEqual([]);

			await page.getByRole('link', { name: 'Count all money' }).click();
			await page.waitForURL(/money=all/);
			const url = new URL(page.url());
			expect(url.searchParams.get('sort')).toBe('perHeadGbp');
			expect(url.searchParams.get('cols')).toBe('perHeadGbp,potsWon');
			await expect(page.textContent('th[data-key="perHeadGbp"] .unit')).resolves.toBe(
				'£ per person, all money'
			);
			await expect(first.locator('td[data-key="perHeadGbp"]').textContent()).resolves.toBe('£401');
			await expect(first.locator('td[data-key="potsWon"]').textContent()).resolves.toBe('3');
			// Ascending, the councils without an award are still last.
			await page.goto(`${baseUrl}/compare?cols=potsWon&sort=potsWon&money=all&page=all`);
			const ascending = await columnText(page, 'potsWon');
			expect(ascending[0]).toBe('1');
			expect(ascending.at(-1)).toBe('no published award');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('says beside the map and the scatter how many councils they leave out and why', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare?map=perHeadGbp`);
			await expect(page.getByTestId('map-left-out').textContent()).resolves.toBe(
				'31 of the 361 councils on the map in this view are coloured. 330 councils with no published net-zero award are grey, outside the colour scale.'
			);
			await expect(
				page.getAttribute('#compare-map a[href="/authorities/TRF"]', 'aria-label')
			).resolves.toBe('Trafford: no published net-zero award');
			await expect(
				page.getAttribute('#compare-map a[href="/authorities/BPL"]', 'aria-label')
			).resolves.toBe('Blackpool: £294');
			// Across: £ per head (35 councils); up: emissions change, which the county and the three
			// combined authorities among them now have too, as the sum of their members' figures.
			await expect(page.getByTestId('scatter-left-out').textContent()).resolves.toBe(
				'35 of the 397 councils in this view are plotted. 362 councils with no published net-zero award are not plotted.'
			);
			await waitForDrawnCanvas(page, '#compare-scatter canvas');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('opens an old address naming the bid success column without it, and says why', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const res = await page.goto(`${baseUrl}/compare?cols=population,successRate`);
			expect(res?.status()).toBe(200);
			await expect(page.locator('p.notice[role="status"]').textContent()).resolves.toContain(
				'Bid success rate is no longer a column'
			);
			expect(
				await page.$$eval('#compare-table thead th[data-key]', (ths) =>
					ths.map((th) => th.getAttribute('data-key'))
				)
			).toEqual(['population']);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('sorts by a column on the server, with and without JavaScript', async () => {
		const want = await api('sort=perHeadGbp&dir=desc');
		for (const javaScriptEnabled of [true, false]) {
			const { page, errors, close } = await openPage(browser, { javaScriptEnabled });
			try {
				await page.goto(`${baseUrl}/compare`);
				await page.click('#compare-table thead a:has-text("£ won per head")');
				await page.waitForURL(/sort=perHeadGbp/);
				await expect(page.getAttribute('th[data-key="perHeadGbp"]', 'aria-sort')).resolves.toBe(
					'ascending'
				);
				await page.click('#compare-table thead a:has-text("£ won per head")');
				await page.waitForURL(/dir=desc/);
				// Sorted over every council on the server, shown 50 at a time.
				expect(await tableCodes(page)).toEqual(want.rows.slice(0, 50).map((r) => r.code));
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		}
	});

	it('filters by nation and restores a shared view exactly', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare`);
			await page.selectOption('#nation', 'Wales');
			await page.click('button:has-text("Show councils")');
			await page.waitForURL(/nation=Wales/);
			const wales = await api('nation=Wales');
			expect(wales.count).toBe(22);
			expect(await tableCodes(page)).toEqual(wales.rows.map((r) => r.code));

			const shared =
				'/compare?nation=England&type=MD&target=2038&cols=population,status,perHeadGbp,potsWon&sort=population&dir=desc&map=potsWon';
			const other = await openPage(browser);
			try {
				await other.page.goto(`${baseUrl}${shared}`);
				const view = await api(new URL(shared, baseUrl).search.slice(1));
				expect(view.count).toBeGreaterThan(0);
				expect(await tableCodes(other.page)).toEqual(view.rows.map((r) => r.code));
				expect(
					await other.page.$$eval('#compare-table thead th[data-key]', (ths) =>
						ths.map((th) => th.getAttribute('data-key'))
					)
				).toEqual(['population', 'status', 'perHeadGbp', 'potsWon']);
				await expect(other.page.inputValue('#nation')).resolves.toBe('England');
				await expect(other.page.inputValue('#type')).resolves.toBe('MD');
				await expect(other.page.inputValue('#target')).resolves.toBe('2038');
				await expect(other.page.isChecked('input[name=cols][value=potsWon]')).resolves.toBe(true);
				await expect(other.page.isChecked('input[name=cols][value=nation]')).resolves.toBe(false);
				await expect(
					other.page.getAttribute('th[data-key="population"]', 'aria-sort')
				).resolves.toBe('descending');
				// Submitting the form unchanged gives back the same address.
				await other.page.click('button:has-text("Show councils")');
				await other.page.waitForLoadState('networkidle');
				expect(await tableCodes(other.page)).toEqual(view.rows.map((r) => r.code));
				expect(new URL(other.page.url()).searchParams.get('map')).toBe('potsWon');
			} finally {
				await other.close();
			}
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('draws the scatter, and a point opens its council', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare?x=emissionsPerHeadT&y=emissionsChangePct`);
			await waitForDrawnCanvas(page, '#compare-scatter canvas');
			await expect(page.textContent('#compare-scatter h3')).resolves.toContain(
				'Emissions change since 2005 against Emissions per head'
			);
			// A pixel of a district's point (the first dataset's blue), above the legend.
			const spot = await page.$eval('#compare-scatter canvas', (canvas: HTMLCanvasElement) => {
				const ctx = canvas.getContext('2d')!;
				const { width, height } = canvas;
				const data = ctx.getImageData(0, 0, width, Math.floor(height * 0.75)).data;
				const scale = canvas.getBoundingClientRect().width / width;
				for (let i = 0; i < data.length; i += 4) {
					const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
					if (a === 255 && r < 20 && Math.abs(g - 114) < 12 && Math.abs(b - 178) < 12) {
						const p = i / 4;
						return { x: (p % width) * scale, y: Math.floor(p / width) * scale };
					}
				}
				return null;
			});
			expect(spot).not.toBeNull();
			// Its table of every council is built on opening "Show the data", not sent in the page.
			const data = page.locator('#compare-scatter details.chart-data');
			await expect(data.locator('table').count()).resolves.toBe(0);
			await data.locator('summary').click();
			// Svelte draws the table on the next frame after the toggle: wait for it, not a count now.
			await expect.poll(() => data.locator('tbody tr').count()).toBe(397);
			const box = (await page.locator('#compare-scatter canvas').boundingBox())!;
			await page.mouse.click(box.x + spot!.x + 2, box.y + spot!.y + 2);
			await page.waitForURL(/\/authorities\/[A-Z]{3,4}$/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('colours the hex map by the chosen column, the filtered-out councils "not in this view"', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/compare?nation=Wales`);
			await page.selectOption('#compare-map select[name=map]', 'population');
			await page.click('button:has-text("Show on the map")');
			await page.waitForURL(/map=population/);
			await expect(page.textContent('#map-title')).resolves.toBe('Map: Population (people)');
			const cardiff = (await api('q=cardiff&cols=population')).rows[0]!;
			const label = await page.getAttribute(
				`#compare-map a[href="/authorities/${cardiff.code}"]`,
				'aria-label'
			);
			expect(label).toBe(`Cardiff: ${(cardiff.population as number).toLocaleString('en-GB')}`);
			await expect(
				page.getAttribute('#compare-map a[href="/authorities/TRF"]', 'aria-label')
			).resolves.toBe('Trafford: not in this view');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('downloads funding columns headed with the money they count, blank where unknown', async () => {
		const { page, close } = await openPage(browser, { acceptDownloads: true });
		try {
			await page.goto(`${baseUrl}/compare?cols=perHeadGbp,potsWon&sort=perHeadGbp&dir=desc`);
			const { data, meta } = await downloadViewCsv(page);
			expect(meta.fields).toEqual([
				'Code',
				'GSS code',
				'Council',
				'£ won per head, net-zero money (£ per person)',
				'Pots, net-zero money (pots)'
			]);
			expect(data[0]).toMatchObject({
				Code: 'BPL',
				'£ won per head, net-zero money (£ per person)': '294',
				'Pots, net-zero money (pots)': '2'
			});
			const trafford = data.find((r) => r.Code === 'TRF')!;
			expect(trafford['£ won per head, net-zero money (£ per person)']).toBe('');
			expect(trafford['Pots, net-zero money (pots)']).toBe('');
			expect(data.filter((r) => r['Pots, net-zero money (pots)'] === '')).toHaveLength(362);
		} finally {
			await close();
		}
	});

	it('downloads the view as CSV with the same rows and columns', async () => {
		const { page, close } = await openPage(browser, { acceptDownloads: true });
		try {
			const view = 'nation=Scotland&cols=population,emissionsChangePct&sort=emissionsChangePct';
			await page.goto(`${baseUrl}/compare?${view}`);
			const { data, meta } = await downloadViewCsv(page);
			expect(meta.fields).toEqual([
				'Code',
				'GSS code',
				'Council',
				'Population (people)',
				'Emissions change since 2005 (%)',
				'Emissions measure'
			]);
			const want = await api(view);
			expect(data.map((r) => r.Code)).toEqual(want.rows.map((r) => r.code));
			// Rounded as the table prints it; the JSON keeps full precision.
			expect(Number(data[0]!['Emissions change since 2005 (%)'])).toBe(
				Math.round(want.rows[0]!.emissionsChangePct as number)
			);
		} finally {
			await close();
		}
	});

	it('at 1280 px every default column shows, the page scrolls and the header row stays in view', async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
		try {
			await page.goto(`${baseUrl}/compare?page=all`);
			const box = page.locator('#compare-table');
			const sizes = await box.evaluate((el) => ({
				client: el.clientWidth,
				scroll: el.scrollWidth,
				clientHeight: el.clientHeight,
				scrollHeight: el.scrollHeight
			}));
			// No column hidden off to the side, and no box of its own to scroll down.
			expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
			expect(sizes.scrollHeight).toBeLessThanOrEqual(sizes.clientHeight);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				1280
			);
			// Far down the list, the column names are still at the top of the screen.
			await page.locator('#compare-table tbody tr').nth(200).scrollIntoViewIfNeeded();
			const header = (await page.locator('#compare-table thead th').first().boundingBox())!;
			expect(Math.abs(header.y)).toBeLessThanOrEqual(1);
		} finally {
			await close();
		}
	});

	it("with more columns than fit, the council's name stays at the left while the figures scroll", async () => {
		const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
		try {
			const cols = 'nation,region,typeName,population,areaTargetYear,councilTargetYear,declared';
			await page.goto(`${baseUrl}/compare?cols=${cols},emissionsChangePct,status,perHeadGbp`);
			const box = page.locator('#compare-table');
			const frame = (await box.boundingBox())!;
			expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
			// The box that scrolls sideways takes focus, so the keyboard can scroll it.
			await expect(box.getAttribute('tabindex')).resolves.toBe('0');
			const name = page.locator('#compare-table tbody th').first();
			// The first row in view (the money line above the table pushes it below the fold).
			await name.scrollIntoViewIfNeeded();
			await box.evaluate((el) => (el.scrollLeft = 500));
			const nameBox = (await name.boundingBox())!;
			expect(Math.abs(nameBox.x - frame.x)).toBeLessThanOrEqual(2);
			// Nothing drawn over it: the name is what the screen shows there.
			const onTop = await page.evaluate(
				([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.textContent,
				[nameBox.x + 20, nameBox.y + nameBox.height / 2]
			);
			expect(onTop).toBe(await name.textContent());
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				1280
			);
		} finally {
			await close();
		}
	});

	it('on a phone each council is a card of labelled figures, sortable from the form', async () => {
		const { page, errors, close } = await openPage(browser, {
			viewport: { width: 390, height: 800 }
		});
		try {
			await page.goto(`${baseUrl}/compare`);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(390);
			// Nothing scrolls sideways inside the page either.
			const box = await page.$eval('#compare-table', (el) => [el.scrollWidth, el.clientWidth]);
			expect(box[0]).toBeLessThanOrEqual(box[1]!);
			const card = page.locator('#compare-table tbody tr').first();
			const cells = card.locator('td');
			expect(await cells.count()).toBe(7);
			for (let i = 0; i < 7; i++) {
				const cell = cells.nth(i);
				const cellBox = (await cell.boundingBox())!;
				expect(cellBox.x).toBeGreaterThanOrEqual(0);
				expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(390);
				// Each figure with its label, the header row being hidden.
				const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
				expect(label).toBe(`"${await cell.getAttribute('data-label')}"`);
			}
			// The sort links are in the hidden header row: the form sorts instead.
			await page.selectOption('#sort', 'perHeadGbp');
			await page.selectOption('#dir', 'desc');
			await page.click('button:has-text("Show councils")');
			await page.waitForURL(/sort=perHeadGbp/);
			const want = await api('sort=perHeadGbp&dir=desc');
			expect(await tableCodes(page)).toEqual(want.rows.slice(0, 50).map((r) => r.code));
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('shows 50 councils a page, every page and all of them a link away, with and without JavaScript', async () => {
		const all = await api('');
		const codes = all.rows.map((r) => r.code);
		for (const javaScriptEnabled of [true, false]) {
			const { page, errors, close } = await openPage(browser, { javaScriptEnabled });
			try {
				await page.goto(`${baseUrl}/compare?nation=England`);
				const england = (await api('nation=England')).rows.map((r) => r.code);
				const pages = Math.ceil(england.length / 50);
				const pager = page.getByRole('navigation', { name: 'Pages of the table', exact: true });
				await expect(pager.locator('p').textContent()).resolves.toMatch(
					new RegExp(`^\\s*1–50 of ${england.length}\\s+councils \\(page 1 of ${pages}\\)`)
				);
				expect(await tableCodes(page)).toEqual(england.slice(0, 50));
				await pager.getByRole('link', { name: 'Next page' }).click();
				await page.waitForURL(/page=2/);
				// The filter is kept from page to page.
				expect(new URL(page.url()).searchParams.get('nation')).toBe('England');
				expect(await tableCodes(page)).toEqual(england.slice(50, 100));
				await page
					.getByRole('navigation', { name: 'Pages of the table', exact: true })
					.getByRole('link', { name: `Show all ${england.length} councils` })
					.click();
				await page.waitForURL(/page=all/);
				expect(await tableCodes(page)).toEqual(england);
				// A page past the end shows the last one; a new sort starts at the first.
				await page.goto(`${baseUrl}/compare?page=99`);
				// 397 councils: page 8 holds the 351st to the last.
				expect(codes).toHaveLength(397);
				expect(await tableCodes(page)).toEqual(codes.slice(350));
				await page.click('#compare-table thead a:has-text("Council")');
				await page.waitForURL(/dir=desc/);
				expect(new URL(page.url()).searchParams.has('page')).toBe(false);
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		}
		const bad = await fetch(`${baseUrl}/compare?page=0`);
		expect(bad.status).toBe(400);
	});
});
