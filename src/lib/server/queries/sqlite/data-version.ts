/**
 * Whether the database may have changed, the SQLite way: three counters read in one statement on
 * the reading connection, for the cache of whole-country results (data-version-cache.ts).
 * Another engine would need its own signal (a change counter table, notifications).
 * - `data_version` changes whenever ANOTHER connection commits, in this process or another.
 * - `total_changes()` counts the rows this connection itself wrote, which `data_version` ignores.
 * - `schema_version` changes with a migration or a dropped table, which neither counts.
 */
import { sql } from 'drizzle-orm';
import { preparedQuery, type Db } from '../connection';

const versionQuery = preparedQuery((db) =>
	db
		.select({
			others: sql<number>`data_version`,
			schema: sql<number>`schema_version`,
			own: sql<number>`total_changes()`
		})
		.from(sql`pragma_data_version, pragma_schema_version`)
		.prepare()
);

/** What the database looks like from this connection, as one comparable string. */
export function dataVersion(db: Db): string {
	const v = versionQuery(db).get()!;
	return `${v.others}:${v.schema}:${v.own}`;
}
