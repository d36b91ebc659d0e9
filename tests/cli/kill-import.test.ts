/**
 * An import killed part-way (SIGKILL: no cleanup runs) leaves the database whole: it opens,
 * passes SQLite's integrity check, holds none of that file, and the history has no entry for it
 * (the batch's record is written in the same transaction as its rows). The next import runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticDesnz } from '../../scripts/generate-desnz';
import { readManifest } from '../../src/lib/server/import/load-default-data';
import { currentWriter } from '../../src/lib/server/import/write-lock';
import { DATA_DIR } from '../helpers/db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-kill-'));
const dbPath = join(dir, 'kill.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Start the CLI import; resolves with the child once it has reported `progressLines` lines. */
function importUntil(file: string, progressLines: number) {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/import.ts', '--accept-valid', file],
		{ env: { ...process.env, DATABASE_URL: dbPath }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let seen = 0;
	let output = '';
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const reached = new Promise<void>((resolve, reject) => {
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk;
			seen += (String(chunk).match(/rows\/s/g) ?? []).length;
			if (seen >= progressLines) resolve();
		});
		void exited.then((code) => reject(new Error(`import exited (${code}) first:\n${output}`)));
	});
	reached.catch(() => {}); // awaited by the caller that needs it
	return { child, reached, exited };
}

const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

describe('a killed import', () => {
	it('leaves the database whole, without the file and without a history entry', async () => {
		const file = join(dir, 'desnz-synthetic.csv');
		await writeSyntheticDesnz(file, 150_000, 7);
		// Kill at a different point each run: after 1 to 4 progress lines.
		const lines = 1 + Math.floor(Math.random() * 4);
		const run = importUntil(file, lines);
		await run.reached;
		run.child.kill('SIGKILL');
		await run.exited;

		const db = new Database(dbPath);
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(
			count(db, "SELECT count(*) FROM import_batches WHERE file_name = 'desnz-synthetic.csv'")
		).toBe(0);
		expect(
			count(
				db,
				"SELECT count(*) FROM emissions e JOIN emission_releases r ON r.id = e.release_id WHERE r.dataset_key = 'desnz-la-ghg'"
			)
		).toBe(0);
		// The shipped data loaded before the import is all there.
		const shipped = readManifest(DATA_DIR).datasets.flatMap((d) => d.files).length;
		expect(count(db, "SELECT count(*) FROM import_batches WHERE status = 'committed'")).toBe(
			shipped
		);
		db.close();
		// A dead holder is not reported as writing.
		expect(currentWriter(dbPath)).toBeNull();

		const again = importUntil(file, Number.POSITIVE_INFINITY);
		expect(await again.exited).toBe(0);
		const after = new Database(dbPath, { readonly: true });
		expect(
			count(after, "SELECT count(*) FROM import_batches WHERE file_name = 'desnz-synthetic.csv'")
		).toBe(1);
		after.close();
	}, 180_000);
});
