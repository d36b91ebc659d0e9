/**
 * Backups of the database through SQLite's online backup API (better-sqlite3's `backup`), which
 * copies a consistent snapshot while the server serves and an import writes: the copy is taken
 * in one step inside one read transaction, so it holds exactly what was committed when it began
 * (in WAL mode the writer goes on meanwhile). A plain file copy of an open database can catch a
 * half-written page or miss the -wal file. No write lock is needed, so a backup never waits.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ukOffsetMinutes } from '../../domain/dates';
import { currentWriter, type WriterInfo } from '../import/write-lock';

/** A refusal or failure said in one sentence; exit 2 for bad arguments, 1 otherwise. */
export class BackupError extends Error {
	constructor(
		message: string,
		readonly exitCode: 1 | 2 = 1
	) {
		super(message);
	}
}

/** What a database file holds, as a backup or restore reports it. */
export interface DatabaseFacts {
	path: string;
	bytes: number;
	lastImport: { id: number; fileName: string; finishedAt: string | null } | null;
	/** `ok`, or SQLite's first few problems. */
	integrity: string;
}

export interface BackupResult extends DatabaseFacts {
	source: string;
	ms: number;
	/** Who was writing when the copy was taken: their rows are not in it. */
	writer: WriterInfo | null;
}

/**
 * Pages per step: all of them. Copied a few pages at a time, the backup would start again after
 * every write another connection commits, and could chase a busy writer for ever.
 */
const ALL_PAGES = 0x7fffffff;

/** UK wall-clock time as YYYYMMDD-HHMMSS, for file names that sort by date. */
export function ukStamp(now: Date = new Date()): string {
	const wall = new Date(now.getTime() + ukOffsetMinutes(now) * 60_000).toISOString();
	return wall.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** var/backups/net-zero-local-YYYYMMDD-HHMMSS.db beside a database at var/net-zero-local.db. */
export function defaultBackupPath(dbPath: string, now: Date = new Date()): string {
	const name = basename(dbPath, extname(dbPath));
	return join(dirname(dbPath), 'backups', `${name}-${ukStamp(now)}.db`);
}

/** Copy the database at dbPath to `to` (a new file, or a folder to put one in). */
export async function backupDatabase(
	dbPath: string,
	to?: string,
	now: Date = new Date()
): Promise<BackupResult> {
	if (!existsSync(dbPath)) throw new BackupError(`There is no database at ${dbPath} to back up.`);
	let target = to ?? defaultBackupPath(dbPath, now);
	if (to && statSync(to, { throwIfNoEntry: false })?.isDirectory())
		target = join(to, basename(defaultBackupPath(dbPath, now)));
	if (existsSync(target))
		throw new BackupError(`${target} already exists: give the backup a new name.`, 2);
	mkdirSync(dirname(target), { recursive: true });

	const started = Date.now();
	const writer = currentWriter(dbPath);
	await copyDatabase(dbPath, target);
	return { ...databaseFacts(target), source: dbPath, ms: Date.now() - started, writer };
}

/**
 * Copy a database file to a new one through the backup API, written under a `.partial` name and
 * renamed once whole, so an interrupted backup never leaves a file that looks finished. The copy
 * is left in rollback-journal mode: one self-contained file, with no -wal beside it to forget.
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
	if (existsSync(to)) throw new BackupError(`${to} already exists: it was left as it is.`);
	const partial = `${to}.partial`;
	rmSync(partial, { force: true });
	const source = new Database(from, { readonly: true, fileMustExist: true });
	try {
		await source.backup(partial, { progress: () => ALL_PAGES });
		const copy = new Database(partial);
		copy.pragma('journal_mode = DELETE');
		copy.close();
		renameSync(partial, to);
	} catch (e) {
		rmSync(partial, { force: true });
		throw new BackupError(`Could not copy ${from} to ${to}: ${(e as Error).message}.`);
	} finally {
		source.close();
	}
}

/** Size, last committed import and SQLite's integrity check of a database file. */
export function databaseFacts(path: string): DatabaseFacts {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const problems = (db.pragma('integrity_check(3)') as { integrity_check: string }[]).map(
			(r) => r.integrity_check
		);
		const lastImport = db
			.prepare(
				`SELECT id, file_name AS fileName, finished_at AS finishedAt FROM import_batches
				 WHERE status = 'committed' ORDER BY id DESC LIMIT 1`
			)
			.get() as DatabaseFacts['lastImport'] | undefined;
		return {
			path,
			bytes: statSync(path).size,
			lastImport: lastImport ?? null,
			integrity: problems.join('; ')
		};
	} finally {
		db.close();
	}
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A holder's description ("the import of x.csv") at the start of a sentence. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "import 12 (promises.csv, finished 2025-01-31T10:00:00Z)", or that there is none. */
export function describeLastImport(facts: DatabaseFacts): string {
	const last = facts.lastImport;
	if (!last) return 'no committed import';
	return `last committed import ${last.id} (${last.fileName}, finished ${last.finishedAt ?? 'at an unknown time'})`;
}

/** The lines `npm run backup` prints. */
export function backupLines(r: BackupResult): string[] {
	const lines = [
		`Backed up ${r.source} to ${r.path}: ${megabytes(r.bytes)} in ${r.ms} ms, ${describeLastImport(r)}.`,
		`Integrity check of the copy: ${r.integrity}.`
	];
	if (r.writer)
		lines.push(
			`${capitalised(r.writer.what)} (process ${r.writer.pid}) was writing at the time: the copy holds what was committed before it, not its rows.`
		);
	return lines;
}
