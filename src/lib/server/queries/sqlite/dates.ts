/**
 * Parts of ISO dates stored as text (YYYY-MM-DD), the SQLite way. Another engine would read them
 * from a date type instead: the only place to change.
 */
import { sql, type SQLWrapper } from 'drizzle-orm';

/** The year of an ISO date, as an integer; null for null. */
export const yearOf = (isoDate: SQLWrapper) =>
	sql<number | null>`CAST(substr(${isoDate}, 1, 4) AS INTEGER)`;

/** The month of an ISO date, YYYY-MM; null for null. */
export const monthOf = (isoDate: SQLWrapper) => sql<string | null>`substr(${isoDate}, 1, 7)`;
