/**
 * Restoring a backup: the round trip, the replaced database kept, and each refusal (a server
 * running, an import writing, another program with the file open, a damaged backup, one from a
 * newer version of the code) leaving the database as it was.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { beginWrite } from '../import/write-lock';
import { backupDatabase } from './backup';
import { createDb, migrateDb } from './client';
import { restoreDatabase } from './restore';
import { announceServer } from './server-presence';

const MIGRATIONS = join(process.cwd(), 'drizzle');
const root = mkdtempSync(join(tmpdir(), 'nzl-restore-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated database with the batches named, and a backup of it. */
async function setUp(...files: string[]) {
	dir = join(root, String(++n));
	const dbPath = join(dir, 'live.db');
	const handle = createDb(dbPath);
	migrateDb(handle, MIGRATIONS);
	for (const f of files) addBatch(handle.sqlite, f);
	handle.close();
	const backup = (await backupDatabase(dbPath, join(dir, 'copy.db'))).path;
	return { dbPath, backup };
}

function addBatch(db: Database.Database, fileName: string) {
	db.prepare(
		"INSERT INTO import_batches (feed, file_name, checksum, imported_by, status) VALUES ('test', ?, '', 'test', 'committed')"
	).run(fileName);
}

function batches(path: string): string[] {
	const db = new Database(path, { readonly: true });
	const names = db.prepare('SELECT file_name FROM import_batches ORDER BY id').pluck().all();
	db.close();
	return names as string[];
}

function change(path: string, fn: (db: Database.Database) => void) {
	const db = new Database(path);
	fn(db);
	db.close();
}

const kept = () => readdirSync(dir).filter((f) => f.includes('.before-restore-'));

describe('restoreDatabase', () => {
	it('brings the backup back and keeps the database it replaced', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		change(dbPath, (db) => addBatch(db, 'b.csv'));

		const now = new Date('2025-06-01T08:00:00Z');
		const result = await restoreDatabase(dbPath, backup, MIGRATIONS, now);
		expect(batches(dbPath)).toEqual(['a.csv']);
		expect(result).toMatchObject({
			integrity: 'ok',
			pendingMigrations: 0,
			keptAs: `${dbPath}.before-restore-20250601-090000`,
			lastImport: { fileName: 'a.csv' }
		});
		expect(batches(result.keptAs!)).toEqual(['a.csv', 'b.csv']);
		// Still the app's database: WAL mode, and no stray -wal beside it once closed.
		const db = new Database(dbPath);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		db.close();
		expect(existsSync(`${dbPath}-wal`)).toBe(false);
	});

	it('never writes over a database kept by an earlier restore', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		change(dbPath, (db) => addBatch(db, 'b.csv'));
		const now = new Date('2025-06-01T08:00:00Z');
		const first = await restoreDatabase(dbPath, backup, MIGRATIONS, now);
		await expect(restoreDatabase(dbPath, backup, MIGRATIONS, now)).rejects.toThrow(
			`${first.keptAs} already exists`
		);
		expect(batches(first.keptAs!)).toEqual(['a.csv', 'b.csv']);
	});

	it('restores where there was no database yet', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		rmSync(dbPath);
		const result = await restoreDatabase(dbPath, backup, MIGRATIONS);
		expect(result.keptAs).toBeNull();
		expect(batches(dbPath)).toEqual(['a.csv']);
	});

	it('is refused while an import holds the write lock', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		change(dbPath, (db) => addBatch(db, 'b.csv'));
		const writer = createDb(dbPath);
		const lock = await beginWrite(writer.sqlite, dbPath, 'the import of big.csv');
		try {
			await expect(restoreDatabase(dbPath, backup, MIGRATIONS)).rejects.toMatchObject({
				exitCode: 1,
				message: expect.stringMatching(/^The import of big\.csv is writing to .*live\.db/)
			});
		} finally {
			writer.sqlite.exec('ROLLBACK');
			lock.release();
			writer.close();
		}
		expect(batches(dbPath)).toEqual(['a.csv', 'b.csv']);
		expect(kept()).toEqual([]);
	});

	it('is refused while the server runs on the database', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		announceServer(dbPath);
		await expect(restoreDatabase(dbPath, backup, MIGRATIONS)).rejects.toThrow(
			`The server (process ${process.pid}) is running on ${dbPath}: stop it`
		);
		rmSync(`${dbPath}-server.json`);
		expect(kept()).toEqual([]);
	});

	it('is refused while any other program has the database open', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		const reader = new Database(dbPath, { readonly: true });
		reader.prepare('SELECT count(*) FROM import_batches').get();
		try {
			await expect(restoreDatabase(dbPath, backup, MIGRATIONS)).rejects.toThrow(
				/^Another program has .*live\.db open/
			);
		} finally {
			reader.close();
		}
		expect(kept()).toEqual([]);
		await restoreDatabase(dbPath, backup, MIGRATIONS);
		expect(kept()).toHaveLength(1);
	});

	it('refuses a file that is not a database, and one from a newer version', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		const junk = join(dir, 'junk.db');
		writeFileSync(junk, 'not a database at all, but long enough to be read as a header…');
		await expect(restoreDatabase(dbPath, junk, MIGRATIONS)).rejects.toThrow(
			`${junk} is not a SQLite database`
		);

		change(backup, (db) =>
			db
				.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
				.run('from-the-future', Date.parse('2099-01-01'))
		);
		await expect(restoreDatabase(dbPath, backup, MIGRATIONS)).rejects.toThrow(
			/comes from a newer version of Net Zero Local \(its database structure is of 2099-01-01/
		);
		expect(batches(dbPath)).toEqual(['a.csv']);
		expect(kept()).toEqual([]);
	});

	it('counts the migrations an older backup lacks', async () => {
		const { dbPath, backup } = await setUp('a.csv');
		change(backup, (db) =>
			db.exec(
				'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)'
			)
		);
		expect((await restoreDatabase(dbPath, backup, MIGRATIONS)).pendingMigrations).toBe(1);
	});

	it('refuses a damaged backup', async () => {
		const { dbPath, backup } = await setUp(...Array.from({ length: 400 }, (_, i) => `f${i}.csv`));
		// Overwrite a page in the middle of the table with garbage.
		const db = new Database(backup);
		const pages = db.pragma('page_count', { simple: true }) as number;
		db.close();
		const bytes = Buffer.alloc(4096, 0x5a);
		const { openSync, writeSync, closeSync } = await import('node:fs');
		const fd = openSync(backup, 'r+');
		writeSync(fd, bytes, 0, bytes.length, (pages - 2) * 4096);
		closeSync(fd);
		await expect(restoreDatabase(dbPath, backup, MIGRATIONS)).rejects.toMatchObject({
			exitCode: 1,
			message: expect.stringMatching(/copy\.db (is damaged|cannot be read)/)
		});
		expect(kept()).toEqual([]);
	});
});
