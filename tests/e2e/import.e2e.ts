/**
 * The import flow as an officer uses it: upload a file with one bad row, see the preview and the
 * problem named by row, column and value, import the valid rows, download the rest, then undo.
 * Run with JavaScript (upload progress, polling) and without (plain form posts).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { checkThroughPage, signInAsAdmin, undoThroughPage } from './import-page';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

function promisesCsv(tag: string) {
	return Buffer.from(
		'Local Authority Code,Scope,Target,Wording,Source URL\n' +
			`CRF,Council operations,2031.0,E2E ${tag} promise,https://example.org/${tag}\n` +
			`ZZZ,Whole area,2030,E2E ${tag} bad row,https://example.org\n`
	);
}

async function targetWordings(code: string): Promise<string[]> {
	const res = await fetch(`${baseUrl}/api/authorities/${code}`);
	const body = (await res.json()) as { targets: { wording: string }[] };
	return body.targets.map((t) => t.wording);
}

describe('import flow', () => {
	it("shows the file's text under a preview row where it is stored differently", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await checkThroughPage(
				page,
				baseUrl,
				'preview-bids.csv',
				'reference,lead_authority,scheme,round,title,status,submitted_on,decided_on,amount_requested,amount_awarded\n' +
					'E2E-PREVIEW-1,Preston,Public Sector Decarbonisation Scheme,Phase 4,Heat pumps,won,25/11/2024,28/03/2025,"£2,400,000",£1.9m\n' +
					'E2E-PREVIEW-2,Preston,PSDS Phase 3c,,Depot boilers,lost,10/11/2023,20/02/2024,"£800,000",\n'
			);
			const table = page
				.getByRole('heading', { name: /first rows/ })
				.locator('xpath=following::table[1]');
			const stored = await table.locator('tbody tr').first().innerText();
			expect(stored).toContain('2400000');
			expect(stored).toContain('2024-11-25');
			const file = (await table.locator('tr.file-text').first().innerText()).replace(/\s+/g, ' ');
			expect(file).toContain('In the file:');
			expect(file).toContain('amount_requested “£2,400,000”');
			expect(file).toContain('amount_awarded “£1.9m”');
			expect(file).toContain('submitted_on “25/11/2024”');
			// Cells stored as written are not repeated.
			expect(file).not.toContain('Preston');
			// The council the row counts for, as the register names it.
			const council = await table.locator('tr.council').first().innerText();
			expect(council).toContain('Preston → Preston City Council (PRE)');
			// A scheme cell naming its round is previewed as stored: scheme and round apart.
			const cells = await table
				.locator('tbody tr')
				.filter({ hasText: 'E2E-PREVIEW-2' })
				.locator('td')
				.allInnerTexts();
			expect(cells).toContain('Public Sector Decarbonisation Scheme');
			expect(cells).toContain('Phase 3c');
			expect(cells).not.toContain('PSDS Phase 3c');
			const fileText = await table.locator('tr.file-text').nth(1).innerText();
			expect(fileText).toContain('scheme “PSDS Phase 3c”');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	for (const javaScriptEnabled of [true, false]) {
		it(`checks, imports valid rows, offers the rest, and undoes (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const tag = javaScriptEnabled ? 'js' : 'nojs';
			const { page, errors, close } = await openPage(browser, { javaScriptEnabled });
			try {
				await signInAsAdmin(page, baseUrl);
				await page.goto(`${baseUrl}/import`);
				await page.setInputFiles('input[type=file]', {
					name: `promises-${tag}.csv`,
					mimeType: 'text/csv',
					buffer: promisesCsv(tag)
				});
				await page.getByRole('button', { name: 'Upload and check' }).click();
				await page.waitForURL(/\/import\/[a-f0-9]{32}$/);

				await expect(
					page.getByRole('heading', { name: 'Check before importing' }).isVisible()
				).resolves.toBe(true);
				const problems = await page.locator('table').first().innerText();
				expect(problems).toContain('unknown authority "ZZZ"');
				expect(problems).toContain('local-authority-code');
				expect(problems).toMatch(/\b3\b/); // the row number
				const preview = await page
					.getByRole('heading', { name: /first rows/ })
					.locator('xpath=following::table[1]')
					.innerText();
				expect(preview).toContain('council_operations');
				expect(preview).toContain('2031');
				expect(await targetWordings('CRF')).not.toContain(`E2E ${tag} promise`);

				await page.getByLabel(/Import the 1 valid row and/).check();
				await page.getByRole('button', { name: 'Import this file' }).click();
				await page.waitForURL(/\/import\/history\/\d+/);
				expect(await page.locator('h1 + .lede').innerText()).toBe('Imported');
				expect(await targetWordings('CRF')).toContain(`E2E ${tag} promise`);

				const href = await page
					.getByRole('link', { name: /set aside, with their problems/ })
					.getAttribute('href');
				// The set-aside rows are the file's own text: for the admin who imported it.
				const csv = await (
					await fetch(`${baseUrl}${href}`, { headers: { cookie: inject('adminCookie') } })
				).text();
				expect(csv).toContain('ZZZ');
				expect(csv).toContain('unknown authority');

				page.once('dialog', (d) => void d.accept());
				await page.getByRole('button', { name: /Undo/ }).click();
				await page.waitForURL(/undone=1/);
				expect(await page.locator('h1 + .lede').innerText()).toContain('Undone');
				expect(await targetWordings('CRF')).not.toContain(`E2E ${tag} promise`);
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		});
	}

	it('says plainly when no feed matches, and offers the column mapping', async () => {
		const { page, close } = await openPage(browser);
		try {
			await signInAsAdmin(page, baseUrl);
			await page.goto(`${baseUrl}/import`);
			await page.setInputFiles('input[type=file]', {
				name: 'odd.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('Council,Aim\nTrafford,2038\n')
			});
			await page.getByRole('button', { name: 'Upload and check' }).click();
			await page.waitForURL(/\/import\/[a-f0-9]{32}$/);
			expect(await page.getByRole('alert').innerText()).toContain('No feed matches');
			await expect(
				page.getByRole('heading', { name: 'Match the columns' }).isVisible()
			).resolves.toBe(true);
		} finally {
			await close();
		}
	});

	it('proposes near columns with their meaning, and knows a file matched by hand when it comes again', async () => {
		const csv =
			'Local authority,Scheme,Outcome,Staff days (est.),Title\n' +
			'Preston,E2E Mapping Fund,won,4,E2E mapped bid\n';
		const { page, errors, close } = await openPage(browser);
		let history: string | null = null;
		try {
			await checkThroughPage(page, baseUrl, 'our-bids.csv', csv);
			expect(await page.getByRole('alert').innerText()).toContain('No feed matches');
			// The form starts on the feed the columns look like, each field at its proposal.
			await expect(page.inputValue('#map-feed')).resolves.toBe('bids');
			await expect(page.inputValue('#col-lead_authority')).resolves.toBe('Local authority');
			await expect(page.inputValue('#col-status')).resolves.toBe('Outcome');
			await expect(page.inputValue('#col-officer_days')).resolves.toBe('Staff days (est.)');
			await expect(page.inputValue('#col-status_date')).resolves.toBe('');
			// A near header is marked as a suggestion to check; every field says what it holds.
			await expect(page.locator('#col-officer_days-note').innerText()).resolves.toMatch(
				/Suggested/
			);
			await expect(page.locator('#col-status_date-meaning').innerText()).resolves.toMatch(
				/Date the bid reached this status/
			);
			await expect(
				page.locator('#col-status_date').getAttribute('aria-describedby')
			).resolves.toContain('col-status_date-meaning');

			await page.getByRole('button', { name: 'Check again' }).click();
			await page.getByRole('button', { name: 'Import this file' }).click();
			await page.waitForURL(/\/import\/history\/\d+/);
			history = page.url();

			// The same file again, left to detection: read through the mapping saved with it.
			await checkThroughPage(page, baseUrl, 'our-bids.csv', csv);
			await expect(page.getByRole('alert').count()).resolves.toBe(0);
			expect(await page.locator('h1 + .lede').innerText()).toContain('Bids (template)');
			const read = page.locator('details.columns-read');
			await expect(read.getAttribute('open')).resolves.not.toBeNull();
			const row = read.locator('tbody tr').filter({ hasText: 'Local authority' });
			expect(await row.innerText()).toMatch(/lead_authority\s+saved matching/);
			await expect(
				page.getByRole('button', { name: 'Import this file' }).isVisible()
			).resolves.toBe(true);
			expect(errors).toEqual([]);
		} finally {
			if (history) await undoThroughPage(page, history);
			await close();
		}
	});

	it('says what a file is when it is not a CSV file, with no columns to map', async () => {
		const { page, close } = await openPage(browser);
		try {
			await checkThroughPage(page, baseUrl, 'plans.xlsx', 'PK\x03\x04\x14\x00\x00\x00');
			expect(await page.getByRole('alert').innerText()).toMatch(
				/^This is a ZIP archive, not a CSV file\. An Excel workbook \(\.xlsx\) is one/
			);
			expect(await page.getByRole('heading', { name: 'Match the columns' }).count()).toBe(0);
		} finally {
			await close();
		}
	});

	it('keeps what an older file would set back, and sets it back only when the box is ticked', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const older = readFileSync('tests/fixtures/plans-2022-edition.csv', 'utf8');
			await checkThroughPage(page, baseUrl, 'plans-2022.csv', older);
			const summary = await page.getByRole('region', { name: 'What will happen' }).innerText();
			expect(summary).toContain('This file would set back 10 stored values');
			await page.getByLabel(/Set back the 10 stored values/).check();
			await page.getByRole('button', { name: 'Import this file' }).click();
			await page.waitForURL(/\/import\/history\/\d+/);
			const history = page.url();
			expect(await page.locator('section.card').first().innerText()).toContain(
				'Set back 10 stored values (blanks over values, older records over newer), as asked.'
			);
			page.once('dialog', (d) => void d.accept());
			await page.getByRole('button', { name: /Undo/ }).click();
			await page.waitForURL(/undone=1/);
			expect(page.url()).toContain(history);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it("imports an officer's own Windows-1252 bid sheet as it is, then undoes it", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await signInAsAdmin(page, baseUrl);
			await page.goto(`${baseUrl}/import`);
			await page.setInputFiles('input[type=file]', {
				name: 'bid-tracker.csv',
				mimeType: 'text/csv',
				buffer: readFileSync('tests/fixtures/officer/bid-tracker-windows-1252.csv')
			});
			await page.getByRole('button', { name: 'Upload and check' }).click();
			await page.waitForURL(/\/import\/[a-f0-9]{32}$/);
			expect(await page.locator('h1 + .lede').innerText()).toContain('Bids (template)');
			const notes = await page.locator('table').first().innerText();
			expect(notes).toContain('"Pending" read as submitted');
			expect(notes).toContain('no reference: one was derived');
			await page.getByRole('button', { name: 'Import this file' }).click();
			await page.waitForURL(/\/import\/history\/\d+/);
			const history = page.url();

			// A bid with no round reads as its scheme alone, with no dangling comma, and is said to be
			// the council's own record: a bid never makes a published round.
			await page.goto(`${baseUrl}/authorities/SFK/funding`);
			const pipeline = await page.getByRole('table', { name: /Every bid by/ }).innerText();
			expect(pipeline).toContain(
				'Local Electric Vehicle Infrastructure\nas the council recorded it (not a published round)\t'
			);
			expect(pipeline).not.toMatch(/Local Electric Vehicle Infrastructure,/);
			expect(pipeline).toContain('Public Sector Decarbonisation Scheme, Phase 3c');

			await page.goto(history);
			page.once('dialog', (d) => void d.accept());
			await page.getByRole('button', { name: /Undo/ }).click();
			await page.waitForURL(/undone=1/);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('offers templates to download', async () => {
		const res = await fetch(`${baseUrl}/import/templates`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Templates and feed formats');
		const own = await fetch(`${baseUrl}/import/templates/council-emissions.csv`);
		expect(own.status).toBe(200);
		expect(await own.text()).toContain(
			'authority,year,scope_1_t,scope_2_t,scope_3_t,method,source_url,notes'
		);
	});

	it("refuses a downloaded template's example row, saying why", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const template = await fetch(`${baseUrl}/import/templates/bids.csv`);
			await signInAsAdmin(page, baseUrl);
			await page.goto(`${baseUrl}/import`);
			await page.setInputFiles('input[type=file]', {
				name: 'net-zero-local-bids-template.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(await template.arrayBuffer())
			});
			await page.getByRole('button', { name: 'Upload and check' }).click();
			await page.waitForURL(/\/import\/[a-f0-9]{32}$/);
			const problems = await page.locator('table').first().innerText();
			expect(problems).toContain("is the template's example, not real data");
			const summary = await page.getByRole('region', { name: 'What will happen' }).innerText();
			expect(summary).toMatch(
				/1 row read: 0 valid, 1 set aside\. As the file stands it would be refused/
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
