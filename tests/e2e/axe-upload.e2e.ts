/**
 * An upload's check page checked by axe-core at 1280 px and on a 390 px phone: with its column
 * matching (a file no feed names) and with a checked file (what will happen, how its columns were
 * read, the preview). Nothing is imported. (Every other page: axe-pages.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { checkThroughPage } from './import-page';
import { violations, VIEWPORTS } from './axe';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

for (const viewport of VIEWPORTS) {
	describe(`axe at ${viewport.width} px`, () => {
		it('finds nothing on an upload’s check page, the column matching included', async () => {
			const { page, close } = await openPage(browser(), { viewport });
			try {
				const found: string[] = [];
				await checkThroughPage(page, baseUrl, 'own.csv', 'Local authority,Scheme,Outcome\n');
				await page.waitForLoadState('networkidle');
				found.push(...(await violations(page)).map((v) => `matching form: ${v}`));
				await checkThroughPage(
					page,
					baseUrl,
					'bids.csv',
					'lead_authority,scheme,status,requested\nPreston,PSDS Phase 3c,submitted,"£850,000"\n'
				);
				await page.waitForLoadState('networkidle');
				found.push(...(await violations(page)).map((v) => `check page: ${v}`));
				expect(found).toEqual([]);
			} finally {
				await close();
			}
		}, 120_000);
	});
}
