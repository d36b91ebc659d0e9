/**
 * The import pipeline reading files as spreadsheets and publishers write them: encodings, BOM,
 * delimiters, blank rows, quoted newlines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, fixture, importFile } from '../../../../tests/helpers/db';
import { detectFeed } from './detect-feed';
import { readCsv } from './read-csv';

let handle: DbHandle;
const dir = mkdtempSync(join(tmpdir(), 'nzl-read-csv-'));
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => {
	handle.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A file on disk, as an upload is, so that feed detection reads it too. */
function file(name: string, content: Buffer | string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

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

	// Reported: Excel's "Unicode Text" (UTF-16 with a BOM, tab-delimited) matched no feed.
	it('reads UTF-16 with a BOM, little- and big-endian, as Excel\'s "Unicode Text" writes it', async () => {
		const text =
			'local-authority-code\tscope\ttarget\twording\r\nSTY\tWhole area\t2040\tNet zero – £5m a year\r\n';
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
		for (const [name, bytes, encoding] of [
			['unicode-le.txt', le, 'utf-16le'],
			['unicode-be.txt', be, 'utf-16be']
		] as const) {
			const path = file(name, bytes);
			expect((await detectFeed(path))?.key).toBe('mysociety-promises');
			const report = await importFile(handle, 'mysociety-promises', path, { dryRun: true });
			expect(report).toMatchObject({ status: 'dry-run', encoding, rowsAccepted: 1, fatal: null });
		}
		await importFile(handle, 'mysociety-promises', file('unicode.txt', le));
		expect(wordingOf('STY')).toBe('Net zero – £5m a year');
	});

	it('reads 1252 text with ’ (0x92) and £ (0xA3) between letters as Windows-1252', async () => {
		const bytes = Buffer.concat([
			Buffer.from('local-authority-code,scope,target,wording\nSOL,Whole area,2041,The council'),
			Buffer.from([0x92]),
			Buffer.from('s plan: '),
			Buffer.from([0xa3]),
			Buffer.from('5m\n')
		]);
		const report = await importFile(handle, 'mysociety-promises', bytes);
		expect(report).toMatchObject({ status: 'committed', encoding: 'windows-1252' });
		expect(wordingOf('SOL')).toBe('The council’s plan: £5m');
	});

	// Reported: the README promises blank rows are fine, but blank lines before the header row
	// were taken for the header, and the file matched no feed.
	it('skips blank lines before the header row, counting them as spreadsheet rows', async () => {
		const path = file(
			'blank-lines.csv',
			'\n,,,\n\r\nlocal-authority-code,scope,target,wording\nWRT,Whole area,2030,after blank lines\nZZZ,Whole area,2030,x\n'
		);
		expect((await detectFeed(path))?.key).toBe('mysociety-promises');
		const report = await importFile(handle, 'mysociety-promises', path, { mode: 'accept-valid' });
		expect(report).toMatchObject({ status: 'committed', rowsAccepted: 1, unmappedColumns: [] });
		expect(report.groups.find((g) => g.code === 'unknown_authority')?.rows).toEqual([6]);
		expect(wordingOf('WRT')).toBe('after blank lines');
	});

	// Found while adding the quote errors: Papa's abort() ends the read as complete, so an error
	// thrown while handling the header or a row was lost, and the import went on (and committed)
	// with the rows before it.
	it('fails the read when handling the header or a row throws', async () => {
		const path = file('throws.csv', 'a,b\n1,2\n3,4\n');
		const failOnRow3 = (_values: string[], row: number) => {
			if (row === 3) throw new Error('row 3 failed');
		};
		await expect(readCsv(path, () => {}, failOnRow3)).rejects.toThrow('row 3 failed');
		const failOnHeader = () => {
			throw new Error('bad header');
		};
		await expect(readCsv(path, failOnHeader, () => {})).rejects.toThrow('bad header');
	});
});
