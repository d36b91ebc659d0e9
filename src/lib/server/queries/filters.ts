/**
 * Optional filters inside one prepared statement: each filter's value is a placeholder, and a
 * null value switches the filter off, so every combination of filters runs the same statement.
 * Only for filters no index serves: "(? IS NULL OR column = ?)" cannot use an index, so a filter
 * on a council, which the large tables are indexed by, takes `oneOrEvery` instead.
 */
import { eq, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { preparedQuery, type Db } from './connection';

export const param = (name: string) => sql.placeholder(name);

/** `condition`, when the placeholder `name` is bound to a value; true when it is null. */
export const whenGiven = (name: string, condition: SQLWrapper): SQL =>
	or(isNull(param(name)), condition)!;

/** `condition`, unless the placeholder `name` is bound to 1 (e.g. "include sample rows"). */
export const unlessFlag = (name: string, condition: SQLWrapper): SQL =>
	or(eq(param(name), 1), condition)!;

/**
 * One query in two prepared forms: for one council (`oneCouncil` true: the statement filters on
 * it, so SQLite searches the council's index) and for every council (no filter at all).
 */
export function oneOrEvery<T>(
	build: (db: Db, oneCouncil: boolean) => T
): (db: Db, council: string | null | undefined) => T {
	const one = preparedQuery((db) => build(db, true));
	const every = preparedQuery((db) => build(db, false));
	return (db, council) => (council ? one(db) : every(db));
}
