/**
 * Loading and removing the sample pipeline against a database holding the real council register
 * and the real published funding facts: every file imports cleanly in strict mode, every row it
 * adds is flagged as sample, no real row changes, removal restores the exact previous state, and a
 * second load is refused.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	createTestDb,
	DATA_DIR,
	dataDigest,
	importFile,
	loadAuthorities,
	toCsv
} from '../../../../tests/helpers/db';
import {
	hasSampleData,
	loadSamplePipeline,
	removeSamplePipeline,
	SAMPLE_IMPORTED_BY,
	SampleAlreadyLoadedError,
	sampleRowCounts
} from './load-sample';
import { generateSamplePipeline, SAMPLE_NOTE } from './sample-pipeline';

/** The register plus the real funding facts and WH:LG participation, as shipped. */
async function realDb(): Promise<DbHandle> {
	const handle = createTestDb();
	await loadAuthorities(handle);
	for (const [feed, path] of [
		['funding-facts', 'funding-published-facts/funding_published_facts.csv'],
		['whlg-participation', 'warm-homes-local-grant/whlg_local_authorities.csv']
	] as const) {
		const report = await importFile(handle, feed, join(DATA_DIR, path));
		expect(report.status).toBe('committed');
	}
	return handle;
}

function tables(handle: DbHandle): string[] {
	return Object.keys(dataDigest(handle));
}

/**
 * Digest of every data table leaving out only the rows the given imports inserted (and their own
 * undo-log entries): equal before and after means no existing row was changed or removed.
 */
function digestExcept(handle: DbHandle, batchIds: number[]): Record<string, string> {
	const ids = batchIds.length ? batchIds.join(',') : '-1';
	return Object.fromEntries(
		tables(handle).map((t) => {
			const where =
				t === 'import_changes'
					? `batch_id NOT IN (${ids})`
					: `rowid NOT IN (SELECT row_id FROM import_changes WHERE table_name = '${t}' AND op = 'insert' AND batch_id IN (${ids}))`;
			const rows = handle.sqlite
				.prepare(`SELECT * FROM "${t}" WHERE ${where} ORDER BY rowid`)
				.all();
			return [t, createHash('sha256').update(JSON.stringify(rows)).digest('hex')];
		})
	);
}

const count = (handle: DbHandle, sql: string, ...params: unknown[]) =>
	handle.sqlite
		.prepare(sql)
		.pluck()
		.get(...params) as number;

describe('loadSamplePipeline', () => {
	let handle: DbHandle;
	beforeEach(async () => {
		handle = await realDb();
	});
	afterEach(() => handle.close());

	it('imports every generated file cleanly, all rows flagged as sample, no real row changed', async () => {
		const before = digestExcept(handle, []);
		const realCompetitions = count(handle, 'SELECT count(*) FROM competitions');
		expect(hasSampleData(handle.sqlite)).toBe(false);

		const result = await loadSamplePipeline(handle, { seed: 11 });
		const sample = generateSamplePipeline({ seed: 11 });
		expect(result.reports.map((r) => [r.feed, r.status])).toEqual([
			['competitions', 'committed'],
			['bids', 'committed'],
			['actions', 'committed']
		]);
		expect(result.batchIds).toHaveLength(3);
		for (const r of result.reports) {
			expect(r.rowsRejected).toBe(0);
			expect(r.groups.filter((g) => g.severity !== 'info')).toEqual([]);
			expect(r.changes.every((c) => c.updated === 0 && c.deleted === 0)).toBe(true);
		}
		expect(result.reports.map((r) => r.rowsWritten)).toEqual([
			sample.rows.competitions,
			sample.rows.bids,
			sample.rows.actions
		]);

		// The import history records them as sample imports.
		const batches = handle.sqlite
			.prepare(
				`SELECT is_sample, imported_by, status FROM import_batches WHERE id IN (${result.batchIds.join(',')})`
			)
			.all();
		expect(batches).toEqual(
			result.batchIds.map(() => ({
				is_sample: 1,
				imported_by: SAMPLE_IMPORTED_BY,
				status: 'committed'
			}))
		);

		// Every bid and action is sample; only the fictional rounds were added. Won bids make no
		// award: the council's ledger is not the published lists.
		expect(sampleRowCounts(handle.sqlite)).toEqual({
			competitions: sample.rows.competitions,
			bids: sample.rows.bids,
			awards: 0,
			actions: sample.rows.actions,
			targets: 0
		});
		expect(count(handle, 'SELECT count(*) FROM bids WHERE is_sample = 0')).toBe(0);
		expect(count(handle, 'SELECT count(*) FROM actions WHERE is_sample = 0')).toBe(0);
		expect(
			count(handle, 'SELECT count(*) FROM bids WHERE notes NOT LIKE ?', `${SAMPLE_NOTE}%`)
		).toBe(0);
		expect(
			count(
				handle,
				"SELECT count(*) FROM competitions WHERE is_sample = 1 AND scheme NOT LIKE 'Sample: %'"
			)
		).toBe(0);
		expect(count(handle, 'SELECT count(*) FROM competitions WHERE is_sample = 0')).toBe(
			realCompetitions
		);
		// Bids in real rounds point at the real competitions, which stay as published.
		expect(
			count(
				handle,
				`SELECT count(*) FROM bids b JOIN competitions c ON c.id = b.competition_id
				 WHERE c.is_sample = 0`
			)
		).toBeGreaterThan(0);
		// Sample awards never attach to a published award.
		expect(
			count(handle, 'SELECT count(*) FROM awards WHERE is_sample = 0 AND bid_id IS NOT NULL')
		).toBe(0);
		// Actions are linked to the bids that fund them.
		expect(count(handle, 'SELECT count(*) FROM action_funding')).toBeGreaterThan(0);

		// Only additions: what was there before is exactly as it was.
		expect(
			count(
				handle,
				`SELECT count(*) FROM import_changes WHERE op != 'insert' AND batch_id IN (${result.batchIds.join(',')})`
			)
		).toBe(0);
		expect(digestExcept(handle, result.batchIds)).toEqual(before);
	});

	it('removes in one step, restoring the exact previous state; removing again does nothing', async () => {
		const before = dataDigest(handle);
		await loadSamplePipeline(handle);
		expect(hasSampleData(handle.sqlite)).toBe(true);
		expect(dataDigest(handle)).not.toEqual(before);

		expect(await removeSamplePipeline(handle)).toBe(3);
		expect(dataDigest(handle)).toEqual(before);
		expect(hasSampleData(handle.sqlite)).toBe(false);
		expect(await removeSamplePipeline(handle)).toBe(0);
		expect(dataDigest(handle)).toEqual(before);

		// And it can be loaded again (another seed) and removed again.
		await loadSamplePipeline(handle, { seed: 99 });
		expect(await removeSamplePipeline(handle)).toBe(3);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('refuses to load twice, changing nothing', async () => {
		await loadSamplePipeline(handle);
		const loaded = dataDigest(handle);
		await expect(loadSamplePipeline(handle)).rejects.toBeInstanceOf(SampleAlreadyLoadedError);
		await expect(loadSamplePipeline(handle, { seed: 5 })).rejects.toThrow(
			/already loaded.*npm run demo -- --remove/
		);
		expect(dataDigest(handle)).toEqual(loaded);
	});

	it('imports cleanly whatever the seed or date', async () => {
		const before = dataDigest(handle);
		for (const [seed, asOf] of [
			[1, undefined],
			[2, '2025-07-05'],
			[3, '2027-06-30'],
			[123456789, undefined],
			[4, '2026-02-14']
		] as const) {
			const result = await loadSamplePipeline(handle, { seed, asOf });
			expect(result.reports.every((r) => r.status === 'committed')).toBe(true);
			expect(await removeSamplePipeline(handle)).toBe(3);
			expect(dataDigest(handle)).toEqual(before);
		}
	});

	it('backs out and fails loudly when a file would change a stored (real) row', async () => {
		// A council's own upload that happens to use a reference the sample also uses.
		const sample = Papa.parse<Record<string, string>>(generateSamplePipeline().bids, {
			header: true
		}).data[0]!;
		const real = await importFile(
			handle,
			'bids',
			toCsv([
				['reference', 'lead_authority', 'scheme', 'round', 'title', 'status'],
				[
					sample.reference!,
					sample.lead_authority!,
					'Levelling Up Fund',
					'Round 2',
					'Real bid',
					'lost'
				]
			])
		);
		expect(real.status).toBe('committed');
		const before = dataDigest(handle);
		await expect(loadSamplePipeline(handle)).rejects.toThrow(
			/did not import cleanly: it would change rows already stored, in bids/
		);
		expect(dataDigest(handle)).toEqual(before);
		expect(hasSampleData(handle.sqlite)).toBe(false);
	});
});

describe('loadSamplePipeline without the council register', () => {
	it('says the register is needed, and writes nothing', async () => {
		const handle = createTestDb();
		const before = dataDigest(handle);
		await expect(loadSamplePipeline(handle)).rejects.toThrow(/council register has no TRF/);
		expect(dataDigest(handle)).toEqual(before);
		handle.close();
	});
});
