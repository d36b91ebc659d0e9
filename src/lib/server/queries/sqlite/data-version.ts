/**
 * Whether what pages show may have changed, the SQLite way: three counters read in one statement
 * on the reading connection, for the caches of whole-country results (data-version-cache.ts).
 * - `data_generation` is bumped by triggers in the writing transaction of every import, refused
 *   file's record, undo and council record (schema.ts), in this process or another. Accounts do not
 *   bump it: a sign-in, a session or a failed sign-in by anyone never makes a page recompute.
 * - `total_changes()` counts the rows this connection itself wrote (tests and scripts read and
 *   write through one), which the counter may not see if they wrote around the import path.
 * - `schema_version` changes with a migration or a dropped table.
 */
import { sql } from 'drizzle-orm';
import { dataGeneration } from '../../db/schema';
import { preparedQuery, type Db } from '../connection';

const versionQuery = preparedQuery((db) =>
	db
		.select({
			generation: sql<number>`generation`,
			schema: sql<number>`schema_version`,
			own: sql<number>`total_changes()`
		})
		.from(sql`${dataGeneration}, pragma_schema_version`)
		.where(sql`id = 1`)
		.prepare()
);

/** What the data looks like from this connection, as one comparable string. */
export function dataVersion(db: Db): string {
	const v = versionQuery(db).get();
	// No row: a database migrated before the counter existed is mid-migration; never cache then.
	if (!v) return `none:${Math.random()}`;
	return `${v.generation}:${v.schema}:${v.own}`;
}
