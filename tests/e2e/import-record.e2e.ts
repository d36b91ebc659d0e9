/**
 * Where an import's record sends you next: the councils it changed, each linked to its page,
 * which shows the imported bid. Fylde's bid is imported through the pages for it, then undone.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { importThroughPage, undoThroughPage } from './import-page';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('wording', () => {
	it("an import's record links to the pages of the councils it changed", async () => {
		const csv =
			'reference,lead_authority,scheme,round,title,status,partner_councils\n' +
			'E2E-LINKS-1,Fylde,Public Sector Decarbonisation Scheme,Phase 4,E2E pool heat pumps,submitted,Wyre\n';
		const { page, errors, close } = await openPage(browser());
		const history = await importThroughPage(page, baseUrl, 'fylde-bids.csv', csv);
		try {
			const section = page.locator('section.card');
			expect(await section.locator('h2', { hasText: 'Councils it changed' }).count()).toBe(1);
			const links = section.locator('a[href^="/authorities/"]');
			expect(await links.allInnerTexts()).toEqual(['Fylde', 'Wyre']);
			expect(await links.first().getAttribute('href')).toBe('/authorities/FYL/funding');
			await links.first().click();
			await page.waitForURL(`${baseUrl}/authorities/FYL/funding`);
			expect(await page.locator('#pipeline').innerText()).toContain('E2E pool heat pumps');
			expect(errors).toEqual([]);
		} finally {
			await undoThroughPage(page, history);
			await close();
		}
	});
});
