/**
 * The committee report's funding on the shipped data, with Blackpool's bids imported through the
 * pages (then undone). Blackpool's published awards: Home Upgrade Grant Phase 2 £41,400,000 (22
 * March 2023, as consortium lead), Social Housing Decarbonisation Fund Wave 2.2 £500,000 (18 March
 * 2024) and Levelling Up Fund Round 3 £15,385,023 (20 November 2023, general money). Its bids,
 * worked by hand for 2023/24 (1 April 2023 to 31 March 2024):
 * - BPL-1 won £500,000 on 18/03/2024 in SHDF Wave 2.2: the published award, one row, counted once;
 * - BPL-2 won £41,400,000 on 10/03/2023 in HUG2: the published award, 2022/23's;
 * - BPL-3 won £120,000 in a scheme not classified: set beside net-zero money;
 * - BPL-4 won £700,000 in the Green Heat Network Fund (no published round): the council's only;
 * - BPL-5 lost, £1,800,000 asked; BPL-6 a draft: in no report.
 * Net-zero money won in 2023/24: 500,000 + 700,000 = £1,200,000 (double counted it would be
 * £1,700,000). All money: 1,200,000 + 120,000 + 15,385,023 = £16,705,023.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { importThroughPage, undoThroughPage } from './import-page';
import { PHONE, pageWidth } from './phone-viewport';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const BIDS = `Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Amount awarded,Bid status,Status date,Submission date,Decision date,Officer days,Cost of bid,Partner councils,Other partners,Linked actions,Source,Notes
BPL-1,Blackpool,Social Housing Decarbonisation Fund,Wave 2.2,Retrofit of council flats,500000,500000,won,,01/10/2023,18/03/2024,20,,,,,,
BPL-2,Blackpool,Home Upgrade Grant,Phase 2 (HUG2),Off-gas homes across Lancashire,41400000,41400000,won,,27/01/2023,10/03/2023,60,,,,,,
BPL-3,Blackpool,Council Solar Fund,,Solar on schools,120000,120000,won,,01/06/2023,05/09/2023,5,,,,,,
BPL-4,Blackpool,Green Heat Network Fund,Round 9,Town centre heat network study,700000,700000,won,,01/08/2023,12/01/2024,15,,,,,,
BPL-5,Blackpool,Public Sector Decarbonisation Scheme,Phase 3c,Civic centre heat pumps,1800000,,lost,,01/10/2023,01/11/2023,12,,,,,,
BPL-6,Blackpool,Public Sector Decarbonisation Scheme,Phase 4,Town hall,2000000,,drafting,15/01/2024,,,4,,,,,,
`;

const table = (page: Page) => page.locator('table.reconciliation');
const rows = (page: Page) => table(page).locator('tbody tr');
/** The foot's figures: money won, in the published lists, recorded by the council only. */
const foot = (page: Page) => table(page).locator('tfoot td').allInnerTexts();

describe("committee report's funding, each sum once", () => {
	it('one table: a won bid in a published list is one row, its sum counted once', async () => {
		const admin = await openPage(browser());
		const visitor = await openPage(browser());
		const { page } = visitor;
		const report = `${baseUrl}/authorities/BPL/report?fy=2023-24`;
		// Before the bids: the published award of the year, and nothing else.
		await page.goto(report);
		expect(await rows(page).count()).toBe(1);
		expect(await rows(page).first().innerText()).toContain('In the published list: swiga.co.uk');
		expect(await foot(page)).toEqual(['£500,000', '£500,000', 'none']);
		const history = await importThroughPage(admin.page, baseUrl, 'blackpool-bids.csv', BIDS);
		try {
			await page.goto(report);
			await expect(page.locator('#funding').innerText()).resolves.toBe(
				'7. Funding in 2023/24: net-zero money'
			);
			expect(await rows(page).count()).toBe(3);
			const shdf = rows(page).filter({ hasText: 'Social Housing Decarbonisation Fund' });
			expect(await shdf.count()).toBe(1);
			const text = await shdf.innerText();
			expect(text).toContain('Won bid, and in the published list: swiga.co.uk');
			expect(text).toContain('£500,000');
			// The £500,000 once in the rows; the foot adds it once, beside the council's £700,000.
			const body = (await table(page).locator('tbody').innerText()).split('£500,000');
			expect(body).toHaveLength(2);
			expect(await foot(page)).toEqual(['£1,200,000', '£500,000', '£700,000']);
			const summary = await page.locator('#summary + ul').innerText();
			expect(summary).toContain('In 2023/24 the council won 2 of 3 net-zero bids decided.');
			expect(summary).toContain(
				'Net-zero money won in 2023/24, each sum counted once: £1.2m (£500,000 in 1 published award; £700,000 recorded by the council only).'
			);
			expect(summary).toContain(
				'Not counted in these figures: £15.4m of general money (regeneration, growth) and £120,000 from schemes not yet classified, won in 2023/24.'
			);
			// The public see no draft bid, and the published figures are as before the import.
			const article = await page.locator('article.report').innerText();
			expect(article).not.toContain('Town hall');
			expect(article).not.toContain('BPL-6');

			// All money, kept by the PDF link and the year form.
			await page.getByRole('link', { name: 'Count all money' }).click();
			await page.waitForURL(/money=all/);
			expect(new URL(page.url()).searchParams.get('fy')).toBe('2023-24');
			expect(await foot(page)).toEqual(['£16,705,023', '£15,885,023', '£820,000']);
			expect(await rows(page).filter({ hasText: 'Levelling Up Fund' }).count()).toBe(1);
			expect(await page.locator('a[download]').getAttribute('href')).toBe(
				'/authorities/BPL/report.pdf?fy=2023-24&money=all'
			);
			await page.selectOption('#fy', '2022-23');
			await page.getByRole('button', { name: 'Show' }).click();
			await page.waitForURL(/fy=2022-23/);
			expect(new URL(page.url()).searchParams.get('money')).toBe('all');
			// 2022/23: the HUG2 bid and its published award, one row of £41,400,000.
			expect(await rows(page).count()).toBe(1);
			expect(await rows(page).first().innerText()).toContain(
				'Won bid, and in the published list: gov.uk'
			);
			expect(await foot(page)).toEqual(['£41,400,000', '£41,400,000', 'none']);

			// On paper: the table and its foot; the link to count other money is not printed.
			await page.goto(report);
			await page.emulateMedia({ media: 'print' });
			expect(await table(page).isVisible()).toBe(true);
			expect(await page.getByRole('link', { name: 'Count all money' }).isVisible()).toBe(false);
			expect(visitor.errors).toEqual([]);
		} finally {
			await undoThroughPage(admin.page, history);
			await admin.close();
			await visitor.close();
		}
	});

	it('fits a phone: no sideways scrolling, each figure beside its name', async () => {
		const { page, errors, close } = await openPage(browser(), { viewport: PHONE });
		try {
			await page.goto(`${baseUrl}/authorities/BPL/report?fy=2023-24&money=all`);
			const { scroll, viewport } = await pageWidth(page);
			expect(scroll).toBeLessThanOrEqual(viewport);
			const cell = rows(page).first().locator('td[data-label="£ won, counted once"]');
			expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(
				'"£ won, counted once"'
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe("a council's profile counts the money its funding page counts", () => {
	it('net-zero money by default, general money beside it, all money one link away', async () => {
		const { page, errors, close } = await openPage(browser());
		try {
			await page.goto(`${baseUrl}/authorities/BPL`);
			const section = page.locator('section#funding');
			await expect(section.locator('h2').innerText()).resolves.toBe('Funding: net-zero money');
			// 41,400,000 + 500,000 as lead; the Levelling Up Fund's £15,385,023 in its own table.
			expect(await section.innerText()).toContain('Paid to this council as lead: £41.9m');
			const beside = section.locator('h3.not-counted + .table-scroll');
			expect(await beside.innerText()).toContain('Levelling Up Fund, Round 3');
			const detail = section.getByRole('link', { name: /How fragmented is its funding/ });
			expect(await detail.getAttribute('href')).toBe('/authorities/BPL/funding');
			await section.getByRole('link', { name: 'Count all money' }).click();
			await page.waitForURL(/\/authorities\/BPL\?money=all#funding$/);
			await expect(section.locator('h2').innerText()).resolves.toBe('Funding: all money');
			// 41,400,000 + 500,000 + 15,385,023.
			expect(await section.innerText()).toContain('Paid to this council as lead: £57.3m');
			expect(await section.locator('h3.not-counted').count()).toBe(0);
			expect(await detail.getAttribute('href')).toBe('/authorities/BPL/funding?money=all');
			// Burnley leads no published award: said in words, never £0.
			await page.goto(`${baseUrl}/authorities/BUN`);
			expect(await section.innerText()).toContain(
				'Paid to this council as lead: no published net-zero award'
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
