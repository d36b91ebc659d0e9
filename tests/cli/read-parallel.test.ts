/**
 * The two-thread reader when the worker finishes first: with a small file and a main thread
 * slow to handle the header row, the worker has posted every batch and exited before any is
 * read. Every row must still arrive (this failed under load in CI before the exit was queued).
 * The header row is handled slowly as a busy importer does (it awaits the file's checksum).
 * And an import read on two threads reports, keeps and sets aside exactly what one thread does.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import {
	readInWorker,
	replayInFileOrder,
	type ReadBatch
} from '../../src/lib/server/import/read-parallel';
import type { RejectedRow } from '../../src/lib/server/import/record-batch';
import type { ImportIssue } from '../../src/lib/server/rows/issues';
import { createTestDb, dataDigest, fixture, importFile, loadAuthorities } from '../helpers/db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-worker-'));
const dbPath = join(dir, 'w.db');

beforeAll(async () => {
	// A database with the council register, which the worker resolves councils against.
	const handle = createTestDb(dbPath);
	await loadAuthorities(handle);
	handle.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows read through the worker, the header row taking `delayMs` to handle. */
async function rowsRead(delayMs: number, path = fixture('promises.csv')) {
	let rows = 0;
	const rejected: RejectedRow[] = [];
	await readInWorker(
		{
			dbPath,
			feedKey: 'mysociety-promises',
			path,
			headerMap: {},
			batchId: 0,
			checksum: '',
			fileName: 'x',
			isSample: false
		},
		{
			onHeaders: async () => {
				await new Promise((r) => setTimeout(r, delayMs));
				return true;
			},
			onBatch: (batch) => {
				rejected.push(...batch.rejected);
				rows += batch.rows.length;
			},
			onProgress: () => {}
		}
	);
	return { rows, rejected };
}

describe('readInWorker', () => {
	it('delivers every row even when the worker has exited before they are read', async () => {
		for (const delay of [0, 300]) expect((await rowsRead(delay)).rows).toBeGreaterThan(10);
	}, 60_000);

	// An officer reads the set-aside rows of their own councils: the worker says whose each is.
	it('names the council of each row it sets aside, when the row’s council was read', async () => {
		const path = join(dir, 'bad-promises.csv');
		writeFileSync(
			path,
			'local-authority-code,scope,target,wording\n' +
				'TRF,Whole area,2038,Fine\n' +
				'TRF,Whole area,soon,Bad year\n' +
				'ZZZ,Whole area,2040,Unknown council\n'
		);
		const { rejected } = await rowsRead(0, path);
		expect(rejected.map((r) => [r.rowNumber, r.authorityCode])).toEqual([
			[3, 'TRF'],
			[4, null]
		]);
	}, 60_000);

	it('hands a batch over in file order: each row after its problems, before the next row’s', () => {
		const issue = (rowNumber: number | null, code: string): ImportIssue => ({
			rowNumber,
			column: null,
			value: null,
			severity: code === 'bad' ? 'error' : 'info',
			code,
			message: code
		});
		const aside = { rowNumber: 3, values: {}, reasons: 'bad' } satisfies RejectedRow;
		const batch: ReadBatch = {
			rows: ['row 2', 'row 4', 'row 5'],
			rowNumbers: [2, 4, 5],
			councils: ['TRF', null, 'MAN'],
			issues: [issue(2, 'note'), issue(3, 'bad'), issue(4, 'note'), issue(null, 'abolished')],
			rejected: [aside]
		};
		const seen: string[] = [];
		replayInFileOrder(batch, {
			issue: (i) => seen.push(`${i.code} ${i.rowNumber}`),
			rejected: (r) => seen.push(`aside ${r.rowNumber}`),
			row: (row, n, council) => seen.push(`${row as string} (${n}, ${council})`)
		});
		expect(seen).toEqual([
			'note 2',
			'row 2 (2, TRF)',
			'bad 3',
			'aside 3',
			'note 4',
			'row 4 (4, null)',
			'row 5 (5, MAN)',
			'abolished null'
		]);
	});
});

/**
 * A file imported into two copies of one database, read on one thread and on two: the reports,
 * the problems kept, the rows set aside (those the writer refuses too, with their cells and
 * council) and the data must be the same.
 */
async function importBothWays(feedKey: string, path: string) {
	const [one, two] = ['one', 'two'].map((n) => join(dir, `${feedKey}-${n}.db`)) as [string, string];
	for (const copy of [one, two]) copyFileSync(dbPath, copy);
	const outcome = async (copy: string, parallel: boolean) => {
		const handle = createDb(copy);
		try {
			const report = await importFile(handle, feedKey, path, { parallel, mode: 'accept-valid' });
			const table = (t: string) =>
				handle.sqlite
					.prepare(`SELECT * FROM ${t} WHERE batch_id = ? ORDER BY rowid`)
					.all(report.batchId) as object[];
			return {
				report: { ...report, fileName: '' },
				issues: table('import_issues'),
				rejected: table('import_rejected_rows'),
				data: dataDigest(handle)
			};
		} finally {
			handle.close();
		}
	};
	return { one: await outcome(one, false), two: await outcome(two, true) };
}

describe('an import read on two threads', () => {
	it('reports, keeps and sets aside what one thread does (bids, beyond one batch)', async () => {
		const [header, leeds] = readFileSync(fixture('templates/bids.csv'), 'utf8').split('\n');
		const bid = (ref: string, council = 'Leeds', status = 'Pending', amount = '1000') =>
			`${ref},${council},Test Decarbonisation Fund,Phase 2,Project ${ref},${amount},,${status},,01/10/2024,,,,,,,,`;
		const rows = Array.from({ length: 5_000 }, (_, i) => bid(`REF-${i}`));
		rows[3] = rows[2]!; // an exact repeat: stored once, noted
		rows[100] = bid('REF-100', 'Nowhere'); // an unknown council: set aside while reading
		rows[4_200] = bid('REF-4200', 'Leeds', 'Maybe'); // an unknown status: likewise
		rows[4_300] = bid('REF-4300', 'Allerdale'); // an abolished council: noted at the end
		rows[4_500] = bid('REF-10', 'Leeds', 'Pending', '2000'); // refused by the writer
		const path = join(dir, 'bids.csv');
		writeFileSync(path, [header, leeds, ...rows].join('\n') + '\n');
		const { one, two } = await importBothWays('bids', path);
		expect(one.report.status).toBe('committed');
		expect(one.rejected.map((r) => (r as { row_number: number }).row_number)).toEqual([
			103, 4203, 4503
		]);
		// More problems than are kept one by one: the same ones kept.
		expect(one.issues.length).toBe(5_000);
		expect(two).toEqual(one);
	}, 60_000);

	it('reports, keeps and sets aside what one thread does (DESNZ, a row the writer refuses)', async () => {
		const lines = readFileSync(fixture('desnz/desnz-sample.csv'), 'utf8').trimEnd().split('\n');
		const path = join(dir, 'desnz.csv');
		writeFileSync(path, [...lines, lines[1]!].join('\n') + '\n');
		const { one, two } = await importBothWays('desnz-ghg', path);
		// The fixture's two rows of an unknown council, then the repeat the writer refuses.
		expect(one.rejected.at(-1)).toMatchObject({ row_number: 29, authority_code: 'MAN' });
		expect(two).toEqual(one);
	}, 60_000);
});
