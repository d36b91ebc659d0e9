import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { mysocietyPromisesFeed } from '../feeds/promises-mysociety';
import {
	countRows,
	createFixtureDb,
	dataDigest,
	FEED_FIXTURES,
	importFile,
	toCsv
} from '../../../../tests/helpers/db';
import { mapHeaders, NOTHING_TO_IMPORT } from './run-import';

let handle: DbHandle;
const promises = Papa.parse<string[]>(readFileSync(FEED_FIXTURES['mysociety-promises'], 'utf8'), {
	skipEmptyLines: true
}).data;
const [header, ...rows] = promises as [string[], ...string[][]];
const col = (name: string) => header.indexOf(name);

/** The fixture with a new valid row, and an invalid one in the middle (file row 8). */
function withBadRow(): { csv: string; badRow: number } {
	const valid = header.map(() => '');
	valid[col('local-authority-code')] = 'TRF';
	valid[col('scope')] = 'Council operations';
	valid[col('target')] = '2030.0';
	valid[col('wording')] = 'A promise that only exists in this upload.';
	const bad = [...rows[5]!];
	bad[col('scope')] = 'nonsense';
	const body = [...rows.slice(0, 6), bad, valid, ...rows.slice(6)];
	return { csv: toCsv([header, ...body]), badRow: 8 };
}

const targetWordings = () =>
	handle.sqlite.prepare('SELECT wording FROM targets ORDER BY id').pluck().all() as string[];

beforeAll(async () => {
	handle = await createFixtureDb(['mysociety-promises']);
});
afterAll(() => handle.close());

describe('runImport: all or nothing', () => {
	it('strict mode rejects the whole file for one invalid row and changes no table', async () => {
		const before = dataDigest(handle);
		const { csv, badRow } = withBadRow();
		const report = await importFile(handle, 'mysociety-promises', csv);
		expect(report).toMatchObject({
			status: 'rejected',
			rowsRead: 14,
			rowsAccepted: 13,
			rowsRejected: 1,
			rowsWritten: 0,
			fatal: null
		});
		expect(report.groups.filter((g) => g.severity === 'error')).toEqual([
			expect.objectContaining({ code: 'invalid_value', column: 'scope', rows: [badRow] })
		]);
		expect(dataDigest(handle)).toEqual(before);
		// the attempt itself is on record
		const batch = handle.sqlite
			.prepare('SELECT status, rows_written FROM import_batches WHERE id = ?')
			.get(report.batchId);
		expect(batch).toEqual({ status: 'rejected', rows_written: 0 });
	});

	it('accept-valid mode writes the valid rows and reports the invalid one by row, column and value', async () => {
		const { csv, badRow } = withBadRow();
		const report = await importFile(handle, 'mysociety-promises', csv, { mode: 'accept-valid' });
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 14,
			rowsAccepted: 13,
			rowsRejected: 1,
			rowsWritten: 1,
			rowsUnchanged: 12
		});
		expect(countRows(handle, 'targets')).toBe(13);
		expect(targetWordings()).toContain('A promise that only exists in this upload.');
		const issue = handle.sqlite
			.prepare(
				`SELECT row_number, "column", value, severity, code FROM import_issues WHERE batch_id = ? AND severity = 'error'`
			)
			.all(report.batchId);
		expect(issue).toEqual([
			{
				row_number: badRow,
				column: 'scope',
				value: 'nonsense',
				severity: 'error',
				code: 'invalid_value'
			}
		]);
		const group = report.groups.find((g) => g.severity === 'error')!;
		expect(group).toMatchObject({ column: 'scope', count: 1, rows: [badRow] });
		expect(group.message).toContain('expected "Council operations"');
	});

	// Reported: ImportReport.groups never carry the offending value of an invalid_value error; only
	// import_issues in the database does, so an upload's on-screen report cannot say what was wrong.
	it('the report group names the offending value too', async () => {
		const { csv } = withBadRow();
		const report = await importFile(handle, 'mysociety-promises', csv, { dryRun: true });
		const group = report.groups.find((g) => g.severity === 'error')!;
		expect(JSON.stringify(group)).toContain('nonsense');
	});

	it('a file missing a required column is refused before any row, naming the column', async () => {
		const before = dataDigest(handle);
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,target,wording\nTRF,2030,x\n'
		);
		expect(report).toMatchObject({ status: 'rejected', rowsRead: 0, rowsWritten: 0 });
		expect(report.fatal).toBe(
			`This file lacks the column "scope" that the feed "${mysocietyPromisesFeed.title}" needs. Map the file's own column names to it, or choose another feed.`
		);
		expect(dataDigest(handle)).toEqual(before);
		const two = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,wording\nTRF,x\n'
		);
		expect(two.fatal).toContain('lacks the columns "scope", "target" that the feed');
	});

	it('an empty file is refused, saying so', async () => {
		const report = await importFile(handle, 'mysociety-promises', Buffer.alloc(0));
		expect(report).toMatchObject({
			status: 'rejected',
			batchId: null,
			fatal: 'This file is empty: it has no header row and no data.'
		});
	});

	// Reported: a header-only file was "imported" as an empty committed batch with an audit entry.
	it('a file with a header row and no data says there is nothing to import, and writes nothing', async () => {
		const before = dataDigest(handle);
		const batches = countRows(handle, 'import_batches');
		for (const csv of [
			'local-authority-code,scope,target,wording\n',
			'local-authority-code,scope,target,wording\n,,,\n\n'
		]) {
			const report = await importFile(handle, 'mysociety-promises', csv);
			expect(report).toMatchObject({
				status: 'rejected',
				batchId: null,
				rowsRead: 0,
				fatal: NOTHING_TO_IMPORT
			});
		}
		expect(dataDigest(handle)).toEqual(before);
		expect(countRows(handle, 'import_batches')).toBe(batches);
	});

	it('a dry run with an invalid row leaves no trace either', async () => {
		const before = dataDigest(handle);
		const batches = countRows(handle, 'import_batches');
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,scope,target,wording\nWFT,Nonsense,2030,dry\n',
			{ dryRun: true }
		);
		expect(report).toMatchObject({ status: 'rejected', batchId: null, rowsRejected: 1 });
		expect(dataDigest(handle)).toEqual(before);
		expect(countRows(handle, 'import_batches')).toBe(batches);
	});

	it('a dry run validates and reports but leaves no trace', async () => {
		const before = dataDigest(handle);
		const batches = countRows(handle, 'import_batches');
		const report = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,scope,target,wording\nWFT,Council operations,2030,dry\n',
			{ dryRun: true }
		);
		expect(report).toMatchObject({
			status: 'dry-run',
			batchId: null,
			rowsAccepted: 1,
			// what an import would write, so the check can say so; nothing is actually kept
			rowsWritten: 1,
			changes: [{ table: 'targets', inserted: 1, updated: 0, deleted: 0 }]
		});
		expect(dataDigest(handle)).toEqual(before);
		expect(countRows(handle, 'import_batches')).toBe(batches);
	});
});

describe('mapHeaders', () => {
	it('matches headers whatever their case, spacing, underscores or BOM', () => {
		const m = mapHeaders(mysocietyPromisesFeed, [
			'\uFEFFLocal Authority Code',
			' SCOPE ',
			'Target',
			'wording',
			'Source-URL',
			'extra'
		]);
		expect(m.mapped).toEqual([
			'local-authority-code',
			'scope',
			'target',
			'wording',
			'source_url',
			null
		]);
		expect(m.missing).toEqual([]);
		expect(m.unmapped).toEqual(['extra']);
	});
});

describe('saved column mappings', () => {
	it('map an officer’s layout again, but never turn our own file’s columns into something else', async () => {
		// An officer's file whose "scope" column holds the wording and "Type" the scope, mapped once.
		const officer = (n: number) =>
			`Council,Type,target,scope,source_url\nBOL,Whole area,2038,Officer wording ${n},https://a.example/${n}\n`;
		const first = await importFile(handle, 'mysociety-promises', officer(1), {
			headerMap: { Council: 'local-authority-code', Type: 'scope', scope: 'wording' }
		});
		expect(first.status).toBe('committed');
		// The same layout again maps itself from the saved mapping…
		const again = await importFile(handle, 'mysociety-promises', officer(2));
		expect(again).toMatchObject({ status: 'committed', unmappedColumns: [] });
		// …but the saved "scope → wording" does not steal the real scope column of our own layout.
		const own = await importFile(
			handle,
			'mysociety-promises',
			'local-authority-code,scope,target,wording,source_url\nBOL,Council operations,2030,Own wording,https://a.example/3\n'
		);
		expect(own.status).toBe('committed');
		const stored = handle.sqlite
			.prepare("SELECT scope, wording FROM targets WHERE authority_code = 'BOL' AND wording = ?")
			.get('Own wording');
		expect(stored).toEqual({ scope: 'council_operations', wording: 'Own wording' });
	});
});
