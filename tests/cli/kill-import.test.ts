/**
 * A command-line import killed at random points (SIGKILL: no cleanup runs) leaves the database
 * whole every time: it opens, passes SQLite's integrity check, holds all of that file or none of
 * it (its rows and its history entry stand or fall together: one transaction), and the lock is
 * free for the next import. The kill points are drawn from a seed, printed, spread over the
 * whole run (start-up, reading, writing, commit, just after): `KILL_SEED=N` repeats a run's
 * draws (the machine's speed decides which phase each one lands in; the log says).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDesnz } from '../../scripts/generate-desnz';
import { copyDatabase } from '../../src/lib/server/db/backup';
import { createDb } from '../../src/lib/server/db/client';
import { mulberry32 } from '../../src/lib/server/demo/sample-pipeline';
import { currentWriter } from '../../src/lib/server/import/write-lock';
import { fixture, importFile } from '../helpers/db';
import { shippedDb } from '../helpers/shipped-db';

const ROWS = 150_000;
const SEED = process.env.KILL_SEED
	? Number(process.env.KILL_SEED)
	: Math.floor(Math.random() * 2 ** 31);
const FILE_NAME = 'desnz-synthetic.csv';

const dir = mkdtempSync(join(tmpdir(), 'nzl-kill-'));
const file = join(dir, FILE_NAME);
/** Migrated, with the shipped data loaded: each run starts from a copy of it. */
const base = join(dir, 'base.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Where to kill: once the import has read `percent` of the file (it says so on each progress
 * line), then `afterMs` later. Measured in the import's own progress rather than in time from
 * the start, so a seed lands in the same phase on a fast machine and on a busy one.
 */
interface KillPoint {
	percent: number;
	afterMs: number;
}

interface Run {
	/** From the first line saying 100% to the exit. */
	tailMs: number;
	/** Exit code, or null when killed. */
	code: number | null;
	/** The last progress line the import printed before it ended. */
	progress: string;
}

/** The CLI import of the big file into dbPath, killed at a point (if still running by then). */
function importKilledAt(dbPath: string, point?: KillPoint): Promise<Run> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/import.ts', '--accept-valid', file],
		{ env: { ...process.env, DATABASE_URL: dbPath }, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let progress = 'no progress line yet';
	let readAll = 0;
	let timer: NodeJS.Timeout | undefined;
	child.stderr.on('data', (chunk: Buffer) => {
		const lines = String(chunk).match(/[\d,]+ rows, [\d,]+ rows\/s, \d+%/g);
		if (!lines) return;
		progress = lines.at(-1)!;
		const percent = Number(/(\d+)%$/.exec(progress)![1]);
		if (percent === 100 && !readAll) readAll = Date.now();
		if (point && !timer && percent >= point.percent)
			timer = setTimeout(() => child.kill('SIGKILL'), point.afterMs);
	});
	return new Promise((resolve) =>
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ tailMs: readAll ? Date.now() - readAll : 0, code, progress });
		})
	);
}

const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

/** What the database holds of the big file: its history entries and its emission rows. */
function holdings(dbPath: string) {
	// Opened for writing, as the next program would: it recovers what the killed one left.
	const db = new Database(dbPath);
	try {
		return {
			integrity: db.pragma('integrity_check', { simple: true }),
			batches: db
				.prepare(
					'SELECT status, rows_written AS rowsWritten FROM import_batches WHERE file_name = ?'
				)
				.all(FILE_NAME),
			rows: count(
				db,
				`SELECT count(*) FROM emissions e JOIN emission_releases r ON r.id = e.release_id
				 WHERE r.dataset_key = 'desnz-la-ghg'`
			),
			// The undo log's batch marker is set inside the import's transaction, and cleared in it.
			openBatch: count(db, 'SELECT batch_id FROM import_context WHERE id = 1'),
			orphanChanges: count(
				db,
				'SELECT count(*) FROM import_changes WHERE batch_id NOT IN (SELECT id FROM import_batches)'
			),
			shipped: count(
				db,
				`SELECT count(*) FROM import_batches WHERE status = 'committed' AND file_name != '${FILE_NAME}'`
			)
		};
	} finally {
		db.close();
	}
}

let complete: { rows: number; tailMs: number; shipped: number };

beforeAll(async () => {
	console.log(`Killed-import test: seed ${SEED} (KILL_SEED=${SEED} repeats these kill points).`);
	await writeSyntheticDesnz(file, ROWS, 7);
	await shippedDb(base);
	// The whole import once, undisturbed: what "all of it" is, and how long writing it takes
	// after the last row is read.
	const whole = join(dir, 'whole.db');
	await copyDatabase(base, whole);
	const run = await importKilledAt(whole);
	expect(run.code).toBe(0);
	const held = holdings(whole);
	expect(held.batches).toEqual([{ status: 'committed', rowsWritten: ROWS }]);
	complete = { rows: held.rows, tailMs: run.tailMs, shipped: held.shipped };
	expect(complete.rows).toBeGreaterThan(0);
}, 120_000);

describe('an import killed at random points', () => {
	it('leaves all of the file or none of it, a whole database, and the lock free', async () => {
		const random = mulberry32(SEED);
		// Three while the file is read and written (one in each third), one in the last stretch:
		// the final writes, the commit, or just after it.
		const points: KillPoint[] = [
			...[0, 1, 2].map((third) => ({ percent: Math.floor((third + random()) * 33), afterMs: 0 })),
			{ percent: 100, afterMs: Math.round(random() * 1.2 * complete.tailMs) }
		];
		for (const [i, point] of points.entries()) {
			const dbPath = join(dir, `killed-${i}.db`);
			await copyDatabase(base, dbPath);
			const run = await importKilledAt(dbPath, point);
			const held = holdings(dbPath);
			const outcome = held.batches.length ? 'all of the file' : 'none of the file';
			const when =
				run.code === null ? `killed after "${run.progress}"` : `exited ${run.code} first`;
			console.log(
				`Kill ${i + 1}: at ${point.percent}% read + ${point.afterMs} ms of the ${complete.tailMs} ms the last writes and commit took (${when}): ${outcome}.`
			);

			expect(held.integrity).toBe('ok');
			expect(held.openBatch).toBeNull();
			expect(held.orphanChanges).toBe(0);
			expect(held.shipped).toBe(complete.shipped);
			if (held.batches.length) {
				expect(held.batches).toEqual([{ status: 'committed', rowsWritten: ROWS }]);
				expect(held.rows).toBe(complete.rows);
			} else expect(held.rows).toBe(0);
			// A dead holder is not reported as writing, and the next import takes the lock at once
			// (noWait: it would fail rather than wait): after the last kill, the same file, whole.
			expect(currentWriter(dbPath)).toBeNull();
			if (i < points.length - 1) {
				const handle = createDb(dbPath);
				const next = await importFile(handle, 'mysociety-promises', fixture('promises.csv'), {
					noWait: true
				});
				handle.close();
				expect(next.status).toBe('committed');
			} else {
				expect((await importKilledAt(dbPath)).code).toBe(0);
				const after = holdings(dbPath);
				expect(after).toMatchObject({ integrity: 'ok', rows: complete.rows, openBatch: null });
				expect(after.batches.at(-1)).toMatchObject({ status: 'committed' });
			}
			rmSync(dbPath);
		}
	}, 120_000);
});
