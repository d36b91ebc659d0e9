/**
 * On a phone (390 px), a council's bid table shows every bid's figures without scrolling
 * sideways: Preston's bids are imported through the pages for it, then undone. (The rest of the
 * phone tests only read: phone.e2e.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { importThroughPage, undoThroughPage } from './import-page';
import { PHONE, pageWidth } from './phone-viewport';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('on a phone', () => {
	it("a council's bids show what was asked and won without scrolling sideways", async () => {
		const csv =
			'reference,lead_authority,scheme,round,title,status,submitted_on,decided_on,amount_requested,amount_awarded,partner_councils,officer_days,bid_cost\n' +
			'E2E-PHONE-1,Preston,Public Sector Decarbonisation Scheme,Phase 4,Heat pumps for the town hall and two leisure centres,won,25/11/2024,28/03/2025,"£2,400,000","£1,900,000",Lancaster; Wyre; Chorley,40,"£12,000"\n' +
			'E2E-PHONE-2,Preston,Public Sector Decarbonisation Scheme,Phase 3c,Depot boilers,lost,10/11/2023,20/02/2024,"£800,000",,,12,\n' +
			'E2E-PHONE-3,Preston,Public Sector Decarbonisation Scheme,Phase 3c,Library glazing,won,10/11/2023,20/02/2024,"£850,000",,,3,\n';
		const { page, errors, close } = await openPage(browser(), { viewport: PHONE });
		const history = await importThroughPage(page, baseUrl, 'preston-bids.csv', csv);
		try {
			await page.goto(`${baseUrl}/authorities/PRE/funding`);
			const { scroll, viewport } = await pageWidth(page);
			expect(scroll).toBeLessThanOrEqual(viewport);
			// A win with no amount recorded is not shown as the sum asked for.
			const noAmount = page.locator('#pipeline tbody tr').filter({ hasText: 'E2E-PHONE-3' });
			expect(await noAmount.locator('td[data-label="Won"]').innerText()).toBe('not recorded');
			const row = page.locator('#pipeline tbody tr').filter({ hasText: 'E2E-PHONE-1' });
			for (const [label, value] of [
				// Whole pounds: in a table of bids the sum is the point, not "£2.4m".
				['Asked', '£2,400,000'],
				['Won', '£1,900,000']
			]) {
				const cell = row.locator(`td[data-label="${label}"]`);
				expect(await cell.innerText()).toContain(value);
				// On screen, inside the table's box: nothing hidden off the right-hand side.
				const box = (await cell.boundingBox())!;
				expect(box.x).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width).toBeLessThanOrEqual(viewport);
				// The column's name is shown beside the figure, the header row being hidden.
				expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(
					`"${label}"`
				);
			}
			const scroller = page.locator('#pipeline > .table-scroll');
			expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await undoThroughPage(page, history);
			await close();
		}
	});
});
