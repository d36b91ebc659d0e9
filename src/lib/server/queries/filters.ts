/**
 * Optional filters inside one prepared statement: each filter's value is a placeholder, and a
 * null value switches the filter off, so every combination of filters runs the same statement.
 */
import { eq, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export const param = (name: string) => sql.placeholder(name);

/** `condition`, when the placeholder `name` is bound to a value; true when it is null. */
export const whenGiven = (name: string, condition: SQLWrapper): SQL =>
	or(isNull(param(name)), condition)!;

/** `condition`, unless the placeholder `name` is bound to 1 (e.g. "include sample rows"). */
export const unlessFlag = (name: string, condition: SQLWrapper): SQL =>
	or(eq(param(name), 1), condition)!;
