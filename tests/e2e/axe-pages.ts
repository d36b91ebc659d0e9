/**
 * Every main page checked by axe-core, signed out and signed in as the admin (the import and
 * account pages, an import's record): no violation of any rule. One viewport's two tests, which
 * axe-desktop.e2e.ts (1280 px) and axe-phone.e2e.ts (a 390 px phone) each run: two files, so the
 * two viewports are checked side by side rather than one after the other in the longest browser
 * file. (An upload's check page: axe-upload.e2e.ts, which uploads.)
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { signInAsAdmin } from './import-page';
import { check } from './axe';

const PUBLIC_PAGES = [
	'/',
	'/authorities',
	'/authorities/TRF',
	'/authorities/TRF/funding',
	'/authorities/TRF/progress',
	'/authorities/TRF/report',
	'/authorities/TRF/similar',
	// A report whose funding table has a row, and a profile with money set beside its figures.
	'/authorities/BPL/report?fy=2023-24&money=all',
	'/authorities/BPL',
	'/authorities/GMCA',
	'/compare',
	'/compare?money=all&cols=population,perHeadGbp,successRate&map=potsWon',
	'/compare/partnerships',
	'/compare/side-by-side?codes=TRF,MAN,SLF',
	'/funding',
	'/progress',
	'/deadlines',
	'/sources',
	'/login'
];
const ADMIN_PAGES = [
	'/import',
	'/import/history',
	'/import/templates',
	'/admin/users',
	'/admin/audit'
];

/** The tests of every main page at `viewport`, for the test file that calls this. */
export function checkEveryPageAt(viewport: { width: number; height: number }) {
	const baseUrl = inject('baseUrl');
	const browser = browserForFile();

	describe(`axe at ${viewport.width} px`, () => {
		it('finds nothing on the public pages', async () => {
			const { page, close } = await openPage(browser(), { viewport });
			try {
				const found: string[] = [];
				for (const path of PUBLIC_PAGES) found.push(...(await check(page, baseUrl, path)));
				expect(found).toEqual([]);
			} finally {
				await close();
			}
		}, 240_000);

		it('finds nothing on the import and account pages', async () => {
			const { page, close } = await openPage(browser(), { viewport });
			try {
				await signInAsAdmin(page, baseUrl);
				const found: string[] = [];
				for (const path of ADMIN_PAGES) found.push(...(await check(page, baseUrl, path)));
				// An import's own record (the shipped data's first).
				await page.goto(`${baseUrl}/import/history`);
				const record = page.locator('main a[href^="/import/history/"]').last();
				found.push(...(await check(page, baseUrl, (await record.getAttribute('href'))!)));
				expect(found).toEqual([]);
			} finally {
				await close();
			}
		}, 240_000);
	});
}
