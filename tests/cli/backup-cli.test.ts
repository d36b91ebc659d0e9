/**
 * `npm run backup` and `npm run restore` as a user runs them: what they say, their exit codes
 * (0 done, 1 refused or failed, 2 bad arguments), and a round trip through both. Their main()
 * runs in this process, except for one backup and the restore refused while this process
 * writes, which run as programs (tsx, a process of their own).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb } from '../../src/lib/server/db/client';
import { beginWrite } from '../../src/lib/server/import/write-lock';
import { runMain, runScript } from '../helpers/cli';
import { MIGRATIONS_DIR } from '../helpers/db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-backup-cli-'));
const dbPath = join(dir, 'app.db');

const run = (script: 'backup' | 'restore', args: string[]) => runMain(script, args, dbPath);
const spawned = (script: 'backup' | 'restore', args: string[]) => runScript(script, args, dbPath);

function addBatch(fileName: string) {
	const db = new Database(dbPath);
	db.prepare(
		"INSERT INTO import_batches (feed, file_name, checksum, imported_by, status) VALUES ('test', ?, '', 'test', 'committed')"
	).run(fileName);
	db.close();
}

const batchNames = () => {
	const db = new Database(dbPath, { readonly: true });
	const names = db.prepare('SELECT file_name FROM import_batches ORDER BY id').pluck().all();
	db.close();
	return names;
};

beforeAll(() => {
	const handle = createDb(dbPath);
	migrateDb(handle, MIGRATIONS_DIR);
	handle.close();
	addBatch('first.csv');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup and npm run restore', () => {
	it('refuse bad arguments in one sentence with exit 2', async () => {
		const cases: [r: Awaited<ReturnType<typeof run>>, said: RegExp][] = [
			[await run('backup', ['--frobnicate']), /^Option --frobnicate is not understood here/],
			[
				await run('backup', ['somewhere.db']),
				/^Unexpected argument "somewhere\.db": name the copy/
			],
			[await run('backup', ['--to']), /^Option --to needs a path/],
			[await run('restore', []), /^No backup named: npm run restore -- PATH\.$/],
			[await run('restore', ['a.db', 'b.db']), /^One backup at a time/],
			[await run('restore', [join(dir, 'none.db')]), /^There is no backup file .*none\.db\.$/],
			[await run('restore', [dir]), /is a folder, not a backup file\.$/]
		];
		for (const [r, said] of cases) {
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr.trim()).toMatch(said);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
	}, 60_000);

	it('back up, then restore the copy over later changes, keeping them aside', async () => {
		const copy = join(dir, 'copies', 'one.db');
		const backup = spawned('backup', ['--to', copy]);
		expect(backup.code, backup.stderr).toBe(0);
		expect(backup.stdout).toMatch(/^Backed up .*app\.db to .*one\.db: \d+\.\d MB in \d+ ms, /);
		expect(backup.stdout).toContain('last committed import 1 (first.csv, finished');
		expect(backup.stdout).toContain('Integrity check of the copy: ok.');
		expect((await run('backup', ['--to', copy])).code).toBe(2);

		addBatch('second.csv');
		const restore = await run('restore', [copy]);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stdout).toMatch(/^Restored .*app\.db from .*one\.db: .*integrity check: ok\./);
		expect(restore.stdout).toMatch(
			/The database it replaced is kept as .*app\.db\.before-restore-\d{8}-\d{6}\./
		);
		expect(batchNames()).toEqual(['first.csv']);
		const kept = readdirSync(dir).find((f) => f.startsWith('app.db.before-restore-'));
		expect(kept).toBeDefined();
		const before = new Database(join(dir, kept!), { readonly: true });
		expect(before.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(2);
		before.close();
	}, 60_000);

	it('refuses to restore with exit 1 while an import writes', async () => {
		const copy = join(dir, 'copies', 'two.db');
		expect((await run('backup', ['--to', copy])).code).toBe(0);
		const writer = createDb(dbPath);
		const lock = await beginWrite(writer.sqlite, dbPath, 'the import of big.csv');
		try {
			// Another program writes: restore runs as a program of its own, as it would then.
			const r = spawned('restore', [copy]);
			expect(r.code).toBe(1);
			expect(r.stderr.trim()).toMatch(
				new RegExp(
					`^The import of big\\.csv \\(process ${process.pid}\\) is writing to .*app\\.db: let it finish`
				)
			);
		} finally {
			writer.sqlite.exec('ROLLBACK');
			lock.release();
			writer.close();
		}
		expect(existsSync(`${dbPath}-writer.json`)).toBe(false);
	}, 60_000);
});
