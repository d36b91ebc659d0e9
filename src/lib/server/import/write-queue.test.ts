/**
 * The server's writer: write tasks run one at a time on worker threads (the TypeScript source,
 * through tsx, as in development), each saying what it waits for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	countRows,
	createTestDb,
	fixtureImportTask,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { beginWrite } from './write-lock';
import { queueWrite } from './write-queue';

let dir: string;
let dbPath: string;
let handle: DbHandle;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'nzl-queue-'));
	dbPath = join(dir, 'db.sqlite');
	handle = createTestDb(dbPath);
	await loadAuthorities(handle);
}, 60_000);
afterAll(() => {
	handle.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('queueWrite', () => {
	it('runs two imports queued at once one after the other; both commit', async () => {
		const first = queueWrite(fixtureImportTask(dbPath, 'mysociety-promises'), 'the import of A');
		const waits: (string | null)[] = [];
		const second = queueWrite(
			fixtureImportTask(dbPath, 'mysociety-declarations'),
			'the import of B',
			{ onWaiting: (w) => waits.push(w) }
		);
		expect(second.waitingFor).toBe('the import of A');
		const [a, b] = await Promise.all([first.done, second.done]);
		expect(a.kind === 'import' && a.report.status).toBe('committed');
		expect(b.kind === 'import' && b.report.status).toBe('committed');
		// It waited for the first, then ran.
		expect(waits).toEqual(['the import of A', null]);
		expect(countRows(handle, 'targets')).toBeGreaterThan(0);
		expect(countRows(handle, 'declarations')).toBeGreaterThan(0);
	}, 60_000);

	it('says which other program it waits for, and goes on once that program has finished', async () => {
		const other = createTestDb(dbPath);
		const lock = await beginWrite(other.sqlite, dbPath, 'the import of big-release.csv');
		const waits: (string | null)[] = [];
		const write = queueWrite(fixtureImportTask(dbPath, 'mysociety-plans'), 'the import of plans', {
			onWaiting: (w) => waits.push(w)
		});
		await expect
			.poll(() => waits.at(-1), { timeout: 20_000 })
			.toBe('the import of big-release.csv');
		expect(write.waitingFor).toBe('the import of big-release.csv');
		other.sqlite.exec('ROLLBACK');
		lock.release();
		other.close();
		const done = await write.done;
		expect(done.kind === 'import' && done.report.status).toBe('committed');
	}, 60_000);

	it('undoes an import on the writer thread, and refuses with the reason when it cannot', async () => {
		const imported = await queueWrite(
			fixtureImportTask(dbPath, 'whlg-participation'),
			'the import of whlg'
		).done;
		const batchId = imported.kind === 'import' ? imported.report.batchId! : -1;
		const undo = await queueWrite({ kind: 'undo', dbPath, batchId }, 'an undo').done;
		expect(undo).toEqual({ kind: 'undo', result: expect.objectContaining({ ok: true, batchId }) });
		const again = await queueWrite({ kind: 'undo', dbPath, batchId }, 'an undo').done;
		expect(again.kind === 'undo' && again.result.ok).toBe(false);
	}, 60_000);

	it('a failing task rejects with its message and does not stop the queue', async () => {
		const bad = queueWrite(
			{ ...fixtureImportTask(dbPath, 'mysociety-plans'), feedKey: 'no-such-feed' },
			'a bad import'
		);
		const next = queueWrite({ kind: 'undo', dbPath, batchId: 99999 }, 'an undo');
		await expect(bad.done).rejects.toThrow('Unknown feed "no-such-feed".');
		const undo = await next.done;
		expect(undo.kind === 'undo' && undo.result).toMatchObject({ ok: false });
	}, 60_000);
});
