/**
 * Database client factory. One better-sqlite3 connection per process (it is synchronous, so one
 * connection is both simplest and fastest); Drizzle on top for typed queries.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
	/** The file path (or ':memory:'), so a worker thread can open its own connection. */
	url: string;
	db: Db;
	sqlite: Database.Database;
	close(): void;
}

/**
 * Open (creating the folder if needed) and configure a database file; ':memory:' for tests.
 * `readonly` is the server's page connection: SQLite itself refuses any write through it, so no
 * request can ever wait for the write lock.
 */
export function createDb(url: string, options: { readonly?: boolean } = {}): DbHandle {
	if (options.readonly) {
		const sqlite = new Database(url, { readonly: true, fileMustExist: true });
		sqlite.pragma('foreign_keys = ON');
		return { url, db: drizzle(sqlite, { schema }), sqlite, close: () => sqlite.close() };
	}
	if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
	const sqlite = configureConnection(new Database(url));
	const db = drizzle(sqlite, { schema });
	return { url, db, sqlite, close: () => sqlite.close() };
}

/**
 * The settings of every writing connection (also one the tests open on a copy of a database held
 * in memory): WAL, foreign keys enforced, waiting up to 5 s for another writer, and temporary
 * storage in memory. An import is one transaction, and each of its statements on a table with
 * undo triggers keeps a statement journal (the pages it changes, to undo that statement alone on
 * an error): on disk that is a write call for every page, 1.2 million of them for 30,000 bids,
 * a fifth of the import's time. In memory it costs a copy; it only holds one statement's pages.
 */
export function configureConnection(sqlite: Database.Database): Database.Database {
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('temp_store = MEMORY');
	return sqlite;
}

/**
 * Apply the committed drizzle-kit migrations. Idempotent. drizzle-kit changes a column by making
 * the table anew and dropping the old one, and its `PRAGMA foreign_keys=OFF` is ignored inside the
 * migrator's transaction: with foreign keys on, dropping `bids` would delete every bid's partners
 * and history by cascade. So keys are off while migrating (outside the transaction, where the
 * pragma works), and checked after.
 */
export function migrateDb(handle: DbHandle, migrationsFolder: string): void {
	handle.sqlite.pragma('foreign_keys = OFF');
	try {
		migrate(handle.db, { migrationsFolder });
		const broken = handle.sqlite.pragma('foreign_key_check') as { table: string }[];
		if (broken.length)
			throw new Error(
				`The migration left ${broken.length} rows pointing at rows that do not exist (first in ${broken[0]!.table}).`
			);
	} finally {
		handle.sqlite.pragma('foreign_keys = ON');
	}
}
