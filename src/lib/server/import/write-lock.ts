/**
 * Taking SQLite's write lock without freezing anything. Only one connection can write at a time,
 * across processes (the server's writer thread, a command-line import, the demo loader). Instead
 * of letting better-sqlite3 block its thread for `busy_timeout` and then fail with "database is
 * locked", a writer asks for the lock in short tries, says once who it is waiting for, and waits
 * as long as it takes (or gives up at once when asked not to wait).
 *
 * Who holds the lock is announced in a small file beside the database (`<db>-writer.json`), since
 * the database itself cannot be read for it: the holder's rows are not committed yet.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

export interface WriterInfo {
	/** What is being written, as a person would say it: "the import of promises.csv". */
	what: string;
	pid: number;
	startedAt: string;
}

export class DatabaseBusy extends Error {
	constructor(readonly holder: WriterInfo | null) {
		super(
			`The database is busy: ${describeHolder(holder)} is writing to it. Try again when it has finished.`
		);
	}
}

export interface WaitOptions {
	/** Called once each time the holder changes while this writer waits. */
	onWait?: (holder: WriterInfo | null) => void;
	/** Fail at once with DatabaseBusy instead of waiting. */
	noWait?: boolean;
	/** How long one try blocks this thread (ms): short, so progress can be reported. */
	tryMs?: number;
}

const holderPath = (dbPath: string) => `${dbPath}-writer.json`;

/** Who is writing now, if anyone announced it (and is still alive). */
export function currentWriter(dbPath: string): WriterInfo | null {
	if (dbPath === ':memory:') return null;
	try {
		const info = JSON.parse(readFileSync(holderPath(dbPath), 'utf8')) as WriterInfo;
		return isAlive(info.pid) ? info : null;
	} catch {
		return null;
	}
}

export function describeHolder(holder: WriterInfo | null): string {
	if (!holder) return 'another program';
	const where = holder.pid === process.pid ? '' : ` (process ${holder.pid})`;
	return `${holder.what}${where}`;
}

/**
 * BEGIN IMMEDIATE, waiting in short tries while another connection writes. Resolves once this
 * connection holds the write lock and has announced itself; `release` must follow COMMIT or
 * ROLLBACK.
 */
export async function beginWrite(
	sqlite: Database.Database,
	dbPath: string,
	what: string,
	options: WaitOptions = {}
): Promise<{ release(): void }> {
	const previousTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
	sqlite.pragma(`busy_timeout = ${options.noWait ? 0 : (options.tryMs ?? 200)}`);
	let lastHolder: string | undefined;
	try {
		for (;;) {
			try {
				sqlite.exec('BEGIN IMMEDIATE');
				break;
			} catch (e) {
				if (!isBusy(e)) throw e;
				const holder = currentWriter(dbPath);
				if (options.noWait) throw new DatabaseBusy(holder);
				const key = holder ? `${holder.pid}:${holder.startedAt}` : '';
				if (key !== lastHolder) {
					lastHolder = key;
					options.onWait?.(holder);
				}
				// Let the event loop breathe between tries (progress lines, signals).
				await new Promise((r) => setTimeout(r, 20));
			}
		}
	} finally {
		sqlite.pragma(`busy_timeout = ${previousTimeout}`);
	}
	announce(dbPath, what);
	return { release: () => withdraw(dbPath) };
}

/**
 * Run fn in one write transaction once the lock is ours: committed when fn returns, rolled back
 * when it throws.
 */
export async function inWriteTransaction<T>(
	sqlite: Database.Database,
	dbPath: string,
	what: string,
	fn: () => T,
	options: WaitOptions = {}
): Promise<T> {
	const lock = await beginWrite(sqlite, dbPath, what, options);
	try {
		const result = fn();
		sqlite.exec('COMMIT');
		return result;
	} catch (e) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		throw e;
	} finally {
		lock.release();
	}
}

/** SQLite's answer when another connection holds the lock. */
export function isBusy(e: unknown): boolean {
	const code = (e as { code?: string }).code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function announce(dbPath: string, what: string) {
	if (dbPath === ':memory:') return;
	const info: WriterInfo = { what, pid: process.pid, startedAt: new Date().toISOString() };
	try {
		writeFileSync(holderPath(dbPath), JSON.stringify(info));
	} catch {
		// Only a courtesy for whoever waits: never a reason to fail the write itself.
	}
}

function withdraw(dbPath: string) {
	if (dbPath === ':memory:') return;
	try {
		const info = JSON.parse(readFileSync(holderPath(dbPath), 'utf8')) as WriterInfo;
		if (info.pid === process.pid) rmSync(holderPath(dbPath), { force: true });
	} catch {
		// Already gone.
	}
}

/** Whether a process still runs (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as { code?: string }).code === 'EPERM';
	}
}
