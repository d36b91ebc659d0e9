/**
 * The two-thread reader when the worker finishes first: with a small file and a main thread
 * slow to handle the header row, the worker has posted every batch and exited before any is
 * read. Every row must still arrive (this failed under load in CI before the exit was queued).
 * The header row is handled slowly as a busy importer does (it awaits the file's checksum).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInWorker } from '../../src/lib/server/import/read-parallel';
import type { RejectedRow } from '../../src/lib/server/import/record-batch';
import { createTestDb, fixture, loadAuthorities } from '../helpers/db';

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
			onIssues: () => {},
			onRejected: (r) => rejected.push(...r),
			onRows: (r) => (rows += r.length),
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
});
