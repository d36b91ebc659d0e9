/**
 * Prepared statements cached per connection: pages run the same few queries on every request, and
 * preparing is a measurable share of a 1 ms query.
 */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sqlite: Database.Database, sql: string): Database.Statement {
	let byText = cache.get(sqlite);
	if (!byText) cache.set(sqlite, (byText = new Map()));
	let stmt = byText.get(sql);
	if (!stmt) byText.set(sql, (stmt = sqlite.prepare(sql)));
	return stmt;
}

export function all<T>(sqlite: Database.Database, sql: string, ...params: unknown[]): T[] {
	return statement(sqlite, sql).all(...params) as T[];
}

export function get<T>(
	sqlite: Database.Database,
	sql: string,
	...params: unknown[]
): T | undefined {
	return statement(sqlite, sql).get(...params) as T | undefined;
}

/** A row as SQLite returns it: booleans arrive as 0/1. */
export type SqliteRow<T, BooleanKeys extends keyof T> = Omit<T, BooleanKeys> &
	Record<BooleanKeys, number>;
