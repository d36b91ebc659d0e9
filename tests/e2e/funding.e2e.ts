/**
 * The funding pages as a researcher and an officer use them: the national picture with its hex
 * map and charts, a council's funding page, and the funding API, on the shipped real data.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTableRowCounts, launchBrowser, openPage, waitForDrawnCanvas } from './browser';
import { stat } from './stat-card';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A row of the council's fragmentation table: [figure, this council, median, what it means]. */
async function figureRow(page: Page, label: string) {
	const row = page.locator('#fragmentation tbody tr').filter({ hasText: label }).first();
	return row.locator('th, td').allInnerTexts();
}

describe('funding', () => {
	it('national page: hex map of every district and single-tier council, drawn charts with tables', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			expect(await page.locator('h1').innerText()).toContain('fragmented');
			expect(await page.locator('.hexmap svg a').count()).toBe(361);
			// Blackpool's hex names its figure and links to its funding page.
			const blackpool = page.locator('.hexmap a[href="/authorities/BPL/funding"]');
			expect(await blackpool.getAttribute('aria-label')).toMatch(/^Blackpool: £\d/);
			expect(
				await page.locator('.hexmap a[href="/authorities/TRF/funding"]').getAttribute('aria-label')
			).toBe('Trafford: no published award led');
			await waitForDrawnCanvas(page);
			const counts = await chartTableRowCounts(page);
			expect(counts.length).toBeGreaterThanOrEqual(4);
			for (const n of counts) expect(n).toBeGreaterThan(0);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('national figures count over the rounds and councils with data, each explained', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			// Net-zero rounds by default: 4 of the 11 with both dates are under six weeks (not
			// "of 44 rounds"); of the other 33, 8 are allocations, which have no window at all.
			expect(await page.locator('h1').innerText()).toContain('net-zero funding');
			expect(await page.locator('.money-scope').innerText()).toContain(
				'Not counted here: £545.5m of general money (regeneration, growth: 25 awards)'
			);
			const short = await stat(page, 'Windows under 6 weeks');
			expect(short.value).toBe('36%');
			expect(short.note).toContain(
				'4 of the 11 rounds whose opening and closing dates are both known (of the other 33 of 44, 8 are allocations with no window and 25 lack a date)'
			);
			// The SHDF 2.2 extension and the PSDS 3c re-run: every changed date counts.
			const changed = await stat(page, 'Published dates changed');
			expect(changed.value).toBe('2');
			expect(changed.note).toContain(
				'1 deadline extended or moved and 1 window re-run or opened later, in 2 rounds'
			);
			const gini = await stat(page, 'Inequality of £ per head (Gini)');
			expect(gini.value).toBe('0.59');
			expect(gini.note).toContain('over the 31 councils with a published award, not all 361');
			expect(gini.note).toContain('consortium awards split by population: 0.41 over 54');
			expect(
				await page.locator('figure[aria-labelledby="lorenz-title"] .chart-unit').innerText()
			).toContain('over the 31 district and single-tier councils with a published award');
			// The estimated map shares Blackpool's consortium award with its members, labelled.
			await page.goto(`${baseUrl}/funding?metric=estimatedPerHeadGbp`);
			expect(await page.locator('#map-title').innerText()).toBe(
				'Estimated £ per head, by council (net-zero money)'
			);
			const label = (code: string) =>
				page.locator(`.hexmap a[href="/authorities/${code}/funding"]`).getAttribute('aria-label');
			expect(await label('BPL')).toBe('Blackpool: £31.35 (estimate)');
			expect(await label('BUN')).toBe('Burnley: £27.85 (estimate)');
			expect(await page.locator('section[aria-labelledby="map-title"]').innerText()).toContain(
				'Estimated share: each consortium award is split'
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('the map figure can be changed without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScriptEnabled: false });
		try {
			await page.goto(`${baseUrl}/funding?metric=effectivePots`);
			expect(await page.locator('#map-title').innerText()).toBe(
				'Effective number of pots, by council (net-zero money)'
			);
			expect(await page.locator('#metric').inputValue()).toBe('effectivePots');
			// One year's awards: the figures, map and tables recompute for it.
			await page.goto(`${baseUrl}/funding?metric=totalGbp&year=2023`);
			expect(await page.locator('#map-title').innerText()).toBe(
				'£ won, by council, awards dated 2023 (net-zero money)'
			);
			expect(await page.locator('#year').inputValue()).toBe('2023');
			const all = await (await fetch(`${baseUrl}/api/funding/metrics`)).json();
			const y2023 = await (await fetch(`${baseUrl}/api/funding/metrics?year=2023`)).json();
			expect(y2023.national.awards).toBeGreaterThan(0);
			expect(y2023.national.awards).toBeLessThan(all.national.awards);
		} finally {
			await close();
		}
	});

	it('the fragmentation ranking says exactly which councils it lists', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/funding`);
			const section = page.locator('section[aria-labelledby="fragmented-title"]');
			const text = (await section.locator('p').first().innerText()).replace(/\s+/g, ' ');
			const rows = await section.locator('tbody tr').count();
			expect(text).toContain(
				`Listed: all ${rows} councils paid 2 or more published awards as lead.`
			);
			expect(text).toContain('An award shared as a consortium partner is not counted');
			// The API's figures agree: lead awards (partners' are apart) and money to measure.
			const metrics = await (await fetch(`${baseUrl}/api/funding/metrics`)).json();
			const led = metrics.authorities.filter(
				(a: { awards: number; totalGbp: number }) => a.awards >= 2 && a.totalGbp > 0
			);
			expect(led.length).toBe(rows);
			// A council whose two awards came from one pot is listed with 1 pot won.
			const onePot = led.find((a: { potsWon: number }) => a.potsWon === 1);
			if (onePot) {
				const row = section.locator('tbody tr', { hasText: onePot.name });
				expect((await row.locator('td').allInnerTexts())[2]).toBe('1');
			}
		} finally {
			await close();
		}
	});

	it("Blackpool's £41.4m HUG2 consortium award counts once, with its partners as partners", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/BPL/funding`);
			const awards = await page.locator('#awards table').last().innerText();
			expect(awards).toContain('Consortium lead (12 partners)');
			expect(awards.match(/£41,400,000/g)?.length).toBe(1);
			// 41,400,000 × 142,708 / 1,486,527 people in the 13 member councils = £4.0m (2023 populations).
			expect(awards).toContain('Estimated share for this council £4.0m');
			// Net-zero money as lead: 41,400,000 + 500,000 = 41,900,000 (its £15,385,023 Levelling Up
			// award is general money, said beside) / 142,708 (2023) = £293.61, against a median of
			// £6.59 over the six unitary councils with a net-zero award (York 1.25, North Yorkshire
			// 2.82, Cheshire West 4.11, Portsmouth 9.08, Bristol 23.59, Blackpool 293.61: (4.11 +
			// 9.08) / 2). Estimated: 3,974,439 + 500,000 = 4,474,439 / 142,708 = £31.35.
			expect(await figureRow(page, '£ per head of awards led')).toEqual(
				expect.arrayContaining(['£293.61', '£6.59'])
			);
			const estimated = await figureRow(page, 'Estimated £ per head');
			expect(estimated[0]).toContain('estimate');
			expect(estimated).toEqual(expect.arrayContaining(['£31.35', '£12.60']));
			expect(await page.locator('.money-scope').innerText()).toContain(
				'Not counted here: £15.4m of general money (regeneration, growth: 1 award)'
			);
			// The awards table lists the Levelling Up award too, as general money.
			expect(awards).toContain('General (regeneration, growth)');
			expect(await page.locator('#fragmentation').innerText()).toContain(
				'Estimated share: each consortium award is split between the lead and its partner councils in proportion to their populations'
			);
			await page.goto(`${baseUrl}/authorities/BPL`);
			const section = await page.locator('#funding').innerText();
			expect(section).toContain('Paid to this council as lead: £41.9m, £293.61 a head');
			expect(section).toMatch(/£4\.5m, £31\.35 a head\s*estimate/);
			await page.goto(`${baseUrl}/authorities/BUN/funding`);
			expect(await page.locator('#awards').innerText()).toContain('Partner; paid to Blackpool');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
		const lead = await (await fetch(`${baseUrl}/api/funding/metrics?authority=BPL`)).json();
		const partner = await (await fetch(`${baseUrl}/api/funding/metrics?authority=BUN`)).json();
		expect(lead.money).toBe('net-zero');
		expect(lead.metrics.totalGbp).toBe(41_400_000 + 500_000);
		expect(lead.metrics.perHeadGbp).toBeCloseTo(293.61, 2);
		expect(lead.metrics.estimatedPerHeadGbp).toBeCloseTo(31.35, 2);
		expect(lead.notCounted.general).toEqual({ awards: 1, totalGbp: 15_385_023 });
		const all = await (
			await fetch(`${baseUrl}/api/funding/metrics?authority=BPL&money=all`)
		).json();
		expect(all.metrics.totalGbp).toBe(41_400_000 + 500_000 + 15_385_023);
		expect(lead.estimatedShareMethod).toMatch(/^Estimated share: /);
		// Burnley led no published award: unknown, not £0.
		expect(partner.metrics).toMatchObject({ totalGbp: null, perHeadGbp: null, partnerAwards: 1 });
		expect(partner.metrics.estimatedPerHeadGbp).toBeCloseTo(27.85, 2);
		const national = await (await fetch(`${baseUrl}/api/funding/metrics`)).json();
		expect(national.windows).toMatchObject({
			windows: 44,
			knownWindows: 11,
			allocations: 8,
			shortWindows: 4,
			datesChanged: 2
		});
		expect(national.perHead).toMatchObject({ councils: 31, estimatedCouncils: 54 });
	});

	it('serves the figures and bids as JSON and CSV', async () => {
		const csv = await fetch(`${baseUrl}/api/funding/metrics?format=csv`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(await csv.text()).toContain('BPL');
		const bids = await fetch(`${baseUrl}/api/authorities/TRF/bids`);
		expect(bids.status).toBe(200);
		expect(await bids.json()).toMatchObject({ authority: 'TRF' });
		expect((await fetch(`${baseUrl}/api/authorities/ZZZ/bids`)).status).toBe(404);
	});
});
