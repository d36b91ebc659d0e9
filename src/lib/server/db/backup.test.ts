/**
 * Backups: named in UK time, and consistent while another process writes in a loop (each of the
 * writer's transactions is in a copy whole or not at all, and every copy passes SQLite's check).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, backupLines, defaultBackupPath, ukStamp } from './backup';
import { createDb, migrateDb } from './client';

const MIGRATIONS = join(process.cwd(), 'drizzle');
const dir = mkdtempSync(join(tmpdir(), 'nzl-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function migratedDb(name: string) {
	const path = join(dir, name);
	const handle = createDb(path);
	migrateDb(handle, MIGRATIONS);
	handle.close();
	return path;
}

/**
 * Another process that commits batches in a loop, each with `rows_written` issues written in the
 * same transaction; it prints "ready" after its first 200 commits (about 8 MB) and runs until killed.
 * It never checkpoints, as when long reads keep checkpoints from finishing: what it commits then
 * lives only in the -wal file, which a plain copy of the database file would miss.
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
const batch = db.prepare("INSERT INTO import_batches (feed, file_name, checksum, imported_by, status, rows_written) VALUES ('test', ?, '', 'test', 'committed', ?)");
const issue = db.prepare("INSERT INTO import_issues (batch_id, severity, code, message) VALUES (?, 'info', 'test', ?)");
const note = 'x'.repeat(400);
const write = db.transaction((i) => {
	const n = 50 + (i % 150);
	const id = batch.run('file-' + i, n).lastInsertRowid;
	for (let k = 0; k < n; k++) issue.run(id, note);
});
for (let i = 0; ; i++) {
	write(i);
	if (i === 200) process.stdout.write('ready\\n');
}
`;

const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

describe('backup file names', () => {
	it('use UK time: GMT in winter, BST in summer', () => {
		expect(ukStamp(new Date('2025-01-15T09:08:07Z'))).toBe('20250115-090807');
		expect(ukStamp(new Date('2025-07-01T23:30:00Z'))).toBe('20250702-003000');
		expect(defaultBackupPath('var/net-zero-local.db', new Date('2025-07-01T12:00:00Z'))).toBe(
			join('var', 'backups', 'net-zero-local-20250701-130000.db')
		);
	});
});

describe('backupDatabase', () => {
	it('takes consistent copies while another process writes in a loop', async () => {
		const path = migratedDb('busy.db');
		const writer = spawn(process.execPath, ['-e', WRITER, path], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let errors = '';
		writer.stderr.on('data', (c: Buffer) => (errors += c));
		const exited = new Promise((r) => writer.once('exit', r));
		try {
			await new Promise<void>((resolve, reject) => {
				writer.stdout.once('data', () => resolve());
				writer.once('exit', (code) => reject(new Error(`the writer stopped (${code}): ${errors}`)));
			});
			const copies = [];
			for (let i = 0; i < 3; i++) {
				const result = await backupDatabase(path, join(dir, `busy-copy-${i}.db`));
				expect(result.integrity).toBe('ok');
				copies.push(result);
			}
			// The writer was still writing after the last copy: the copies were taken under it.
			const live = new Database(path, { readonly: true });
			const batchesNow = count(live, 'SELECT count(*) FROM import_batches');
			live.close();

			let previous = 0;
			for (const copy of copies) {
				const db = new Database(copy.path, { readonly: true });
				expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
				expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
				const batches = count(db, 'SELECT count(*) FROM import_batches');
				expect(batches).toBeGreaterThan(previous);
				const torn = count(
					db,
					`SELECT count(*) FROM import_batches b
					 WHERE rows_written != (SELECT count(*) FROM import_issues i WHERE i.batch_id = b.id)`
				);
				expect(torn).toBe(0);
				expect(copy.lastImport?.id).toBe(count(db, 'SELECT max(id) FROM import_batches'));
				previous = batches;
				db.close();
			}
			expect(batchesNow).toBeGreaterThan(previous);
			expect(existsSync(`${copies[0]!.path}-wal`)).toBe(false);
		} finally {
			writer.kill('SIGKILL');
			await exited;
		}
	}, 60_000);

	it('writes to the default place, or into a folder given, and never over a file', async () => {
		const path = migratedDb('plain.db');
		const now = new Date('2025-03-01T10:00:00Z');
		const first = await backupDatabase(path, undefined, now);
		expect(first.path).toBe(join(dir, 'backups', 'plain-20250301-100000.db'));
		expect(first.writer).toBeNull();
		expect(backupLines(first)[0]).toMatch(
			/^Backed up .*plain\.db to .*plain-20250301-100000\.db: /
		);
		expect(backupLines(first)[0]).toContain('no committed import');
		await expect(backupDatabase(path, undefined, now)).rejects.toMatchObject({
			exitCode: 2,
			message: expect.stringContaining('already exists')
		});

		const folder = join(dir, 'elsewhere');
		mkdirSync(folder);
		const second = await backupDatabase(path, folder, now);
		expect(second.path).toBe(join(folder, 'plain-20250301-100000.db'));
		expect(readdirSync(folder)).toEqual(['plain-20250301-100000.db']);

		await expect(backupDatabase(join(dir, 'missing.db'))).rejects.toMatchObject({
			exitCode: 1,
			message: expect.stringContaining('There is no database at')
		});
		expect(existsSync(join(dir, 'missing.db'))).toBe(false);
	});
});
