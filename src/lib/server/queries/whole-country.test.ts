/**
 * The server's arrangement after an import: the writer thread commits, the whole-country results
 * are computed again on their own worker thread, and the pages' read-only connection serves the
 * results from before until the new ones arrive, which equal a computation from scratch. The
 * writer's queue reports an import done only once they have arrived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '../db/client';
import { createTestDb, fixtureImportTask, loadAuthorities } from '../../../../tests/helpers/db';
import { performWrite } from '../import/write-worker';
import { queueWrite } from '../import/write-queue';
import { computeCompareRows, getCompareRows } from './compare';
import { listCompetitions } from './competitions';
import { computeNationalProgress, getNationalProgress } from './national-progress';
import { servedDataVersion } from './data-version-cache';
import { refreshWholeCountryOffThread, wholeCountryCurrent } from './whole-country';

let dir: string;
let dbPath: string;
let reader: DbHandle;
let stop: () => Promise<void>;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'nzl-whole-country-'));
	dbPath = join(dir, 'db.sqlite');
	const setup = createTestDb(dbPath);
	await loadAuthorities(setup);
	setup.close();
	reader = createDb(dbPath, { readonly: true });
	stop = refreshWholeCountryOffThread(reader);
}, 60_000);
afterAll(async () => {
	await stop();
	reader.close();
	rmSync(dir, { recursive: true, force: true });
});

const options = { measure: 'territorial', windowYears: 5, money: 'net-zero' } as const;

/** The same figures computed from scratch on a connection of their own. */
function fromScratch() {
	const fresh = createDb(dbPath, { readonly: true });
	try {
		return {
			progress: computeNationalProgress(options, fresh.db),
			compare: computeCompareRows(options, fresh.db)
		};
	} finally {
		fresh.close();
	}
}

describe('whole-country results after a commit', () => {
	it('are served from before it until the worker has computed them again', async () => {
		// Every kind of result kept is one the worker can compute (else it says so here).
		const failed = vi.spyOn(console, 'error');
		const rounds = listCompetitions({}, '2026-01-01', reader.db);
		const progressBefore = getNationalProgress(options, reader.db);
		const compareBefore = getCompareRows(options, reader.db);
		expect(progressBefore.councilsWithTarget).toBe(0);

		// Written as the writer thread writes, without its queue: nobody waits for the refresh.
		const written = await performWrite(fixtureImportTask(dbPath, 'mysociety-promises'), () => {});
		expect(written.kind === 'import' && written.report.status).toBe('committed');
		expect(getNationalProgress(options, reader.db)).toBe(progressBefore);
		expect(getCompareRows(options, reader.db)).toBe(compareBefore);
		expect(servedDataVersion(reader.db)).toBeNull();

		await wholeCountryCurrent();
		const progress = getNationalProgress(options, reader.db);
		expect(progress.councilsWithTarget).toBeGreaterThan(0);
		expect(progress.rows.find((r) => r.code === 'TRF')).toMatchObject({ targetYear: 2038 });
		const scratch = fromScratch();
		expect(progress).toEqual(scratch.progress);
		expect(getCompareRows(options, reader.db)).toEqual(scratch.compare);
		expect(servedDataVersion(reader.db)).not.toBeNull();
		expect(listCompetitions({}, '2026-01-01', reader.db)).toEqual(rounds);
		expect(failed).not.toHaveBeenCalled();
		failed.mockRestore();
	}, 60_000);

	it("the writer's queue says an import is done once the national figures show it", async () => {
		const before = getNationalProgress(options, reader.db);
		const queued = queueWrite(
			fixtureImportTask(dbPath, 'mysociety-emissions'),
			'the import of emissions.csv'
		);
		const result = await queued.done;
		expect(result.kind === 'import' && result.report.status).toBe('committed');
		// No wait of its own: the results are already those of the new data.
		expect(servedDataVersion(reader.db)).not.toBeNull();
		const after = getNationalProgress(options, reader.db);
		expect(after).not.toBe(before);
		expect(after).toEqual(fromScratch().progress);
	}, 60_000);
});
