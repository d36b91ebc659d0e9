/**
 * The import pipeline reading files as spreadsheets and publishers write them: encodings, BOM,
 * delimiters, blank rows, quoted newlines.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, fixture, importFile } from '../../../../tests/helpers/db';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => handle.close());

const wordingOf = (code: string) =>
	handle.sqlite
		.prepare('SELECT wording FROM targets WHERE authority_code = ? ORDER BY id DESC')
		.pluck()
		.get(code);

describe('runImport: what spreadsheets write', () => {
	it('reads a Windows-1252 file ("£" is one byte 0xA3)', async () => {
		const bytes = readFileSync(fixture('promises-windows-1252.csv'));
		expect(bytes.includes(0xa3)).toBe(true);
		expect(bytes.includes(Buffer.from('£', 'utf8'))).toBe(false);
		const report = await importFile(
			handle,
			'mysociety-promises',
			fixture('promises-windows-1252.csv')
		);
		expect(report).toMatchObject({
			status: 'committed',
			encoding: 'windows-1252',
			rowsAccepted: 2
		});
		expect(wordingOf('TRF')).toBe('Carbon neutral by 2038 – backed by £5m a year');
		expect(
			handle.sqlite
				.prepare("SELECT source_name FROM targets WHERE wording LIKE 'Carbon neutral by 2038%'")
				.pluck()
				.get()
		).toBe('Trafford café report');
	});

	// Reported: the encoding is judged from the first chunk only, so a Windows-1252 byte after the
	// first 64 KiB of a file (here: the second chunk) is decoded as UTF-8 and silently becomes U+FFFD.
	it('reads a Windows-1252 file whose first non-ASCII byte comes after the first chunk', async () => {
		const ascii = Buffer.from(
			'local-authority-code,scope,target,wording\nMAN,Council operations,2038,plain\n'
		);
		const latin = Buffer.from([
			...Buffer.from('BPL,Whole area,2030,"Spend '),
			0xa3,
			...Buffer.from('5m"\n')
		]);
		const report = await importFile(handle, 'mysociety-promises', Readable.from([ascii, latin]));
		expect(report.status).toBe('committed');
		expect(wordingOf('BPL')).toBe('Spend £5m');
	});

	it('reads a UTF-8 file with a byte-order mark, first column included', async () => {
		const bytes = readFileSync(fixture('funding-utf8-bom.csv'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const report = await importFile(handle, 'funding-facts', fixture('funding-utf8-bom.csv'));
		expect(report).toMatchObject({
			status: 'committed',
			encoding: 'utf-8',
			rowsAccepted: 2,
			unmappedColumns: []
		});
		const competition = handle.sqlite
			.prepare("SELECT id, budget_gbp FROM competitions WHERE scheme = 'Home Upgrade Grant'")
			.get() as { id: number; budget_gbp: number };
		expect(competition.budget_gbp).toBe(630000000);
		const award = handle.sqlite
			.prepare('SELECT authority_code, amount_gbp, award_date FROM awards WHERE competition_id = ?')
			.get(competition.id);
		expect(award).toEqual({ authority_code: 'BPL', amount_gbp: 1200000, award_date: '2023-03-22' });
	});

	it('reads a semicolon-delimited file', async () => {
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code;scope;target;wording\nKIN;Council operations;2050.0;"net zero, by 2050; promised"\n'
		);
		expect(report).toMatchObject({ status: 'committed', rowsAccepted: 1, fatal: null });
		expect(wordingOf('KIN')).toBe('net zero, by 2050; promised');
	});

	// Reported: the delimiter is guessed from the data, and Papa's guess prefers ";" for a small
	// comma file whose quoted fields hold semicolons, so the whole file is refused as missing columns.
	it('reads a comma file whose quoted fields contain semicolons as comma-delimited', async () => {
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,scope,target,wording,source_name\nBNE,Unclear,,";",";"\n',
			{ dryRun: true }
		);
		expect(report).toMatchObject({ status: 'dry-run', fatal: null, rowsAccepted: 1 });
	});

	it('ignores blank and delimiter-only rows at the end', async () => {
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,scope,target,wording\nBNE,Whole area,2030,trailing\n,,,\n\n  ,  , ,\n\n'
		);
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 1,
			rowsAccepted: 1,
			rowsRejected: 0
		});
		expect(report.groups).toEqual([]);
	});

	it('keeps a quoted newline inside a field, and counts rows as records', async () => {
		const csv =
			'local-authority-code,scope,target,wording\r\nGMCA,Council operations,2038,"line one\r\nline two"\r\nGMCA,Whole area,,bad "quote\r\nGMCA,Nonsense,2038,x\r\n';
		const report = await importFile(handle, 'mysociety-promises', csv, { mode: 'accept-valid' });
		expect(report.rowsRead).toBe(3);
		expect(report.groups.find((g) => g.column === 'scope')!.rows).toEqual([4]);
		const wordings = handle.sqlite
			.prepare("SELECT wording FROM targets WHERE authority_code = 'GMCA' ORDER BY id")
			.pluck()
			.all();
		expect(wordings).toContain('line one\r\nline two');
	});
});
