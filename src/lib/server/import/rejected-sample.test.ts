import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { countRows, createFixtureDb, importFile } from '../../../../tests/helpers/db';
import {
	REJECTED_KEPT_DAYS,
	REJECTED_ROWS_KEPT,
	REJECTED_ROWS_PER_KIND,
	RejectedSample
} from './rejected-sample';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => handle.close());

const HEADER = 'local-authority-code,scope,target,wording';
const kept = (batchId: number) =>
	handle.sqlite
		.prepare('SELECT row_number FROM import_rejected_rows WHERE batch_id = ? ORDER BY row_number')
		.pluck()
		.all(batchId) as number[];

// Reported: every refused import kept up to 100,000 set-aside rows; two attempts at a 500,000-row
// bad file grew the database from 20 MB to 124 MB.
describe('the rows an import sets aside', () => {
	it('are kept as the first rows of each kind of problem, with the full count', async () => {
		const badYears = Array.from({ length: 3000 }, (_, i) => `TRF,Whole area,20x${i},w${i}`);
		const unknown = Array.from({ length: 50 }, (_, i) => `ZZZ,Whole area,2040,u${i}`);
		const csv = [HEADER, ...badYears, ...unknown, 'MAN,Whole area,2038,fine'].join('\n');
		const r = await importFile(handle, 'mysociety-promises', csv);
		expect(r).toMatchObject({ status: 'rejected', rowsRejected: 3050 });
		const rows = kept(r.batchId!);
		expect(rows).toHaveLength(2 * REJECTED_ROWS_PER_KIND);
		// The first of each kind: rows 2… for the years, and the unknown councils after them.
		expect(rows.slice(0, 3)).toEqual([2, 3, 4]);
		expect(rows.slice(REJECTED_ROWS_PER_KIND, REJECTED_ROWS_PER_KIND + 2)).toEqual([3002, 3003]);
		const batch = handle.sqlite
			.prepare('SELECT rows_rejected FROM import_batches WHERE id = ?')
			.get(r.batchId);
		expect(batch).toEqual({ rows_rejected: 3050 });
	});

	it(`are never more than ${REJECTED_ROWS_KEPT} a batch, however many kinds of problem`, () => {
		const sample = new RejectedSample();
		for (let i = 0; i < 5 * REJECTED_ROWS_KEPT; i++)
			sample.add({ rowNumber: i + 2, values: {}, reasons: 'x', kind: `kind ${i % 500}` });
		expect(sample.rows).toHaveLength(REJECTED_ROWS_KEPT);
	});

	it(`of a refused import are deleted ${REJECTED_KEPT_DAYS} days after it, at the next import`, async () => {
		const r = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nZZZ,Whole area,2040,old\n`
		);
		const recent = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nZZZ,Whole area,2040,recent\n`
		);
		const age = (id: number, days: number) =>
			handle.sqlite
				.prepare(
					`UPDATE import_batches SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) WHERE id = ?`
				)
				.run(`-${days} days`, id);
		age(r.batchId!, REJECTED_KEPT_DAYS + 1);
		age(recent.batchId!, REJECTED_KEPT_DAYS - 1);
		expect(kept(r.batchId!)).toEqual([2]);
		await importFile(handle, 'mysociety-promises', `${HEADER}\nMAN,Whole area,2038,next\n`);
		expect(kept(r.batchId!)).toEqual([]);
		expect(countRows(handle, 'import_issues')).toBeGreaterThan(0);
		const issues = handle.sqlite.prepare('SELECT count(*) FROM import_issues WHERE batch_id = ?');
		expect(issues.pluck().get(r.batchId)).toBe(0);
		expect(kept(recent.batchId!)).toEqual([2]);
		// The record of the attempt stays, with its counts and grouped problems.
		const batch = handle.sqlite
			.prepare('SELECT status, rows_rejected, report FROM import_batches WHERE id = ?')
			.get(r.batchId) as { status: string; rows_rejected: number; report: string };
		expect(batch).toMatchObject({ status: 'rejected', rows_rejected: 1 });
		expect(JSON.parse(batch.report).groups).toHaveLength(1);
	});
});
