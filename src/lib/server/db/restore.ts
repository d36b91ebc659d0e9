/**
 * Bringing a backup back. Refused while anything uses the database (the server, an import, any
 * program with it open), since that program would go on with the data it had; refused for a
 * damaged backup and for one made by a newer version of the code (its structure would be
 * unknown here). The database it replaces is kept beside it as `*.before-restore-TIMESTAMP`.
 *
 * Both copies go through SQLite's backup API rather than file renames: the live database is in
 * WAL mode, and a file moved in under its -wal and -shm files would be mixed with theirs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { currentWriter, describeHolder } from '../import/write-lock';
import {
	BackupError,
	capitalised,
	copyDatabase,
	databaseFacts,
	ukStamp,
	type DatabaseFacts
} from './backup';
import { runningServer } from './server-presence';

export interface RestoreResult extends DatabaseFacts {
	from: string;
	/** Where the replaced database was kept; null when there was none. */
	keptAs: string | null;
	/** Migrations this code has that the backup lacks: applied when the app next opens it. */
	pendingMigrations: number;
}

const JournalSchema = z.object({
	entries: z.array(z.object({ tag: z.string(), when: z.number() })).min(1)
});

/** Restore the backup at `from` over the database at dbPath. */
export async function restoreDatabase(
	dbPath: string,
	from: string,
	migrationsDir: string,
	now: Date = new Date()
): Promise<RestoreResult> {
	const stat = statSync(from, { throwIfNoEntry: false });
	if (!stat) throw new BackupError(`There is no backup file ${from}.`, 2);
	if (!stat.isFile()) throw new BackupError(`${from} is a folder, not a backup file.`, 2);
	const backup = checkBackup(from);
	const pendingMigrations = migrationsAhead(from, backup.migratedUpTo, migrationsDir);

	let keptAs: string | null = null;
	if (existsSync(dbPath)) {
		refuseWhileInUse(dbPath);
		keptAs = `${dbPath}.before-restore-${ukStamp(now)}`;
		await copyDatabase(dbPath, keptAs);
	}
	const source = new Database(from, { readonly: true, fileMustExist: true });
	try {
		// Into the live file under SQLite's own locks, in one step: one transaction on the target.
		await source.backup(dbPath, { progress: () => 0x7fffffff });
	} catch (e) {
		throw new BackupError(
			`Could not restore ${from} over ${dbPath}: ${(e as Error).message}.${keptAs ? ` The database as it was is kept as ${keptAs}.` : ''}`
		);
	} finally {
		source.close();
	}
	const facts = databaseFacts(dbPath);
	// Closed last by a writable connection, the restored pages are folded into the file itself
	// and its -wal and -shm removed: it stands alone, as a stopped app's database should.
	const live = new Database(dbPath);
	live.pragma('wal_checkpoint(TRUNCATE)');
	live.close();
	return { ...facts, from, keptAs, pendingMigrations };
}

/** The backup opens, passes the integrity check and is a database of this app. */
function checkBackup(path: string): { migratedUpTo: number } {
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		const problems = (db.pragma('integrity_check(3)') as { integrity_check: string }[]).map(
			(r) => r.integrity_check
		);
		if (problems.join() !== 'ok')
			throw new BackupError(`${path} is damaged (${problems.join('; ')}): it was not restored.`);
		const hasHistory = db
			.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
			.get();
		if (!hasHistory)
			throw new BackupError(`${path} is not a Net Zero Local database: it has no migrations.`);
		const last = db.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get();
		return { migratedUpTo: Number(last ?? 0) };
	} catch (e) {
		if (e instanceof BackupError) throw e;
		const code = (e as { code?: string }).code;
		if (code === 'SQLITE_NOTADB')
			throw new BackupError(`${path} is not a SQLite database: it was not restored.`);
		throw new BackupError(`${path} cannot be read: ${(e as Error).message}.`);
	} finally {
		db?.close();
	}
}

/**
 * How many of this code's migrations the backup lacks. Drizzle's migrator orders migrations by
 * their journal time, and records the time of each one it applies: a backup with a later one
 * than this code knows was made by a newer version, whose tables this code may misread.
 */
function migrationsAhead(path: string, migratedUpTo: number, migrationsDir: string): number {
	const journal = JournalSchema.parse(
		JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8'))
	);
	const newest = Math.max(...journal.entries.map((e) => e.when));
	if (migratedUpTo > newest) {
		const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
		throw new BackupError(
			`${path} comes from a newer version of Net Zero Local (its database structure is of ${day(migratedUpTo)}, this code's of ${day(newest)}): update the code before restoring it.`
		);
	}
	return journal.entries.filter((e) => e.when > migratedUpTo).length;
}

/**
 * Refuse while another program uses the database. The announcements name who; SQLite's lock is
 * the proof for anyone else: any connection that has read the file holds a shared lock on it in
 * WAL mode, so an exclusive lock is ours only when nobody has it open.
 */
function refuseWhileInUse(dbPath: string) {
	const server = runningServer(dbPath);
	if (server)
		throw new BackupError(
			`The server (process ${server.pid}) is running on ${dbPath}: stop it (Ctrl+C where it runs) and restore again.`
		);
	const writer = currentWriter(dbPath);
	if (writer)
		throw new BackupError(
			`${capitalised(describeHolder(writer))} is writing to ${dbPath}: let it finish or stop it, then restore again.`
		);
	const db = new Database(dbPath, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 0');
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('ROLLBACK');
	} catch {
		throw new BackupError(
			`Another program has ${dbPath} open (the server or an import?): stop it and restore again.`
		);
	} finally {
		db.close();
	}
}
