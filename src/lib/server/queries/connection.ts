/**
 * Where queries get their connection. Pages and the API call a query without one and it reads
 * through the server's read-only connection (set by the init hook); tests and scripts pass their
 * own database as the last argument. Routes therefore never import the database module.
 */
import type Database from 'better-sqlite3';
import { getDatabase } from '../db';
import type { Db } from '../db/client';

export type { Db };

/** The server's read-only connection. */
export function serverDb(): Db {
	return getDatabase().db;
}

/**
 * The better-sqlite3 connection under a Drizzle database, for the one reader not on Drizzle
 * (the council resolver), which take it directly.
 */
export function sqliteOf(db: Db): Database.Database {
	return (db as Db & { $client: Database.Database }).$client;
}

/**
 * A query prepared once per connection. Pages run the same few queries on every request, and
 * building and preparing the SQL costs more than running it; placeholders carry the values.
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Db) => T {
	const byConnection = new WeakMap<Db, T>();
	return (db) => {
		let query = byConnection.get(db);
		if (query === undefined) byConnection.set(db, (query = build(db)));
		return query;
	};
}
