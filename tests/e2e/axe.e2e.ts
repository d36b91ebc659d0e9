/**
 * Every main page checked by axe-core at 1280 px and on a 390 px phone, signed out and signed in
 * as the admin (the import and account pages), including an upload's check page, with its column
 * matching and with a checked file: no violation of any rule. The pages' own content-security policy forbids injected
 * scripts, so axe is evaluated in the page rather than added as a <script>.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { checkThroughPage, signInAsAdmin } from './import-page';

const baseUrl = inject('baseUrl');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

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

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe's violations on the page as it is now, one line each ("rule (impact): where, …"). */
async function violations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	const found = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
		return (await axe.run()).violations;
	});
	return found.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}; ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(', ')}`
	);
}

async function check(page: Page, path: string): Promise<string[]> {
	const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
	expect(response?.status(), path).toBe(200);
	return (await violations(page)).map((v) => `${path}: ${v}`);
}

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
]) {
	describe(`axe at ${viewport.width} px`, () => {
		it('finds nothing on the public pages', async () => {
			const { page, close } = await openPage(browser, { viewport });
			try {
				const found: string[] = [];
				for (const path of PUBLIC_PAGES) found.push(...(await check(page, path)));
				expect(found).toEqual([]);
			} finally {
				await close();
			}
		}, 240_000);

		it('finds nothing on the import and account pages, the column matching included', async () => {
			const { page, close } = await openPage(browser, { viewport });
			try {
				await signInAsAdmin(page, baseUrl);
				const found: string[] = [];
				for (const path of ADMIN_PAGES) found.push(...(await check(page, path)));
				// An import's own record (the shipped data's first).
				await page.goto(`${baseUrl}/import/history`);
				const record = page.locator('main a[href^="/import/history/"]').last();
				found.push(...(await check(page, (await record.getAttribute('href'))!)));
				// A file no feed names: the check page with its column-matching form.
				await checkThroughPage(page, baseUrl, 'own.csv', 'Local authority,Scheme,Outcome\n');
				await page.waitForLoadState('networkidle');
				found.push(...(await violations(page)).map((v) => `matching form: ${v}`));
				// A file that checks: what will happen, how its columns were read, the preview.
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
		}, 240_000);
	});
}
