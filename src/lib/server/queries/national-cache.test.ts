/**
 * The cached national progress and compare table on the server's arrangement: a read-only
 * connection for pages, and imports and undos written through the writer's own connection (the
 * same function the writer thread runs). The next read after a commit or an undo has the new
 * figures; with nothing written, it is the stored result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../db/client';
import { actions } from '../db/schema';
import { createTestDb, fixtureImportTask, loadAuthorities } from '../../../../tests/helpers/db';
import { performWrite, type WriteTask } from '../import/write-worker';
import { getCompareRows } from './compare';
import { getNationalProgress } from './national-progress';

let dir: string;
let dbPath: string;
let reader: DbHandle;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'nzl-national-cache-'));
	dbPath = join(dir, 'db.sqlite');
	const setup = createTestDb(dbPath);
	await loadAuthorities(setup);
	setup.close();
	reader = createDb(dbPath, { readonly: true });
}, 60_000);
afterAll(() => {
	reader.close();
	rmSync(dir, { recursive: true, force: true });
});

async function write(task: WriteTask) {
	const result = await performWrite(task, () => {});
	if (result.kind === 'import') expect(result.report.status).toBe('committed');
	if (result.kind === 'undo') expect(result.result.ok).toBe(true);
	return result;
}

const importPromises = () => write(fixtureImportTask(dbPath, 'mysociety-promises'));

const options = { measure: 'territorial', windowYears: 5, money: 'net-zero' } as const;
const progressOf = (code: string) =>
	getNationalProgress(options, reader.db).rows.find((r) => r.code === code);
const compareOf = (code: string) =>
	getCompareRows(options, reader.db).rows.find((r) => r.code === code);

describe('the national figures after a write', () => {
	it('serve the stored result while nothing is written', () => {
		expect(getNationalProgress(options, reader.db)).toBe(getNationalProgress(options, reader.db));
		expect(getCompareRows(options, reader.db)).toBe(getCompareRows(options, reader.db));
		// Another window is another result.
		expect(getNationalProgress({ ...options, windowYears: 6 }, reader.db)).not.toBe(
			getNationalProgress(options, reader.db)
		);
	});

	it("show an import's targets on the next read, and lose them after its undo", async () => {
		expect(progressOf('TRF')).toMatchObject({ status: 'no_target', targetYear: null });
		expect(compareOf('TRF')).toMatchObject({ areaTargetYear: null, status: 'no_target' });
		const before = getNationalProgress(options, reader.db).councilsWithTarget;
		expect(before).toBe(0);

		const imported = await importPromises();
		expect(progressOf('TRF')).toMatchObject({ targetYear: 2038 });
		expect(compareOf('TRF')).toMatchObject({ areaTargetYear: 2038 });
		expect(getNationalProgress(options, reader.db).councilsWithTarget).toBeGreaterThan(0);

		const batchId = imported.kind === 'import' ? imported.report.batchId! : -1;
		await write({ kind: 'undo', dbPath, batchId });
		expect(progressOf('TRF')).toMatchObject({ status: 'no_target', targetYear: null });
		expect(compareOf('TRF')).toMatchObject({ areaTargetYear: null, status: 'no_target' });
		expect(getNationalProgress(options, reader.db).councilsWithTarget).toBe(0);
	}, 60_000);

	it('show figures written around the import path once the change counter moves', () => {
		const other = createDb(dbPath);
		try {
			expect(compareOf('TRF')?.actionsTotal).toBeNull();
			other.db
				.insert(actions)
				.values({
					authorityCode: 'TRF',
					reference: 'A1',
					title: 'Retrofit the town hall',
					status: 'complete'
				})
				.run();
			// Every import and undo moves the counter in its transaction; a write made by hand
			// does not, so the cached figures stand until it is moved (docs/operating.md).
			expect(compareOf('TRF')?.actionsTotal).toBeNull();
			other.sqlite.exec('UPDATE data_generation SET generation = generation + 1');
			expect(compareOf('TRF')).toMatchObject({ actionsTotal: 1, actionsComplete: 1 });
		} finally {
			other.close();
		}
	});
});
