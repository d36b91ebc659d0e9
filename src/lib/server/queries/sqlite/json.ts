/**
 * JSON arrays inside SQL, the SQLite way (json_each). Used where a list must travel as one bound
 * value so that one prepared statement serves a list of any length.
 */
import { sql, type SQLWrapper } from 'drizzle-orm';

/** `column` is one of the values of a JSON array (a column, or a bound JSON text). */
export const inJsonArray = (column: SQLWrapper, array: SQLWrapper) =>
	sql`${column} IN (SELECT value FROM json_each(${array}))`;
