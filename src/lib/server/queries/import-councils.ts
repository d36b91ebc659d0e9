/**
 * The councils an import changed, so its record can link to their pages. Read from the undo log:
 * each row the import inserted, updated or deleted, joined back to its table's council columns
 * (every foreign key to authorities, found in the schema so a new table is covered without
 * listing it here; for the authorities table, the row's own code), plus the councils in any
 * emissions release it added (emissions are logged by release, not row by row).
 */
import { and, asc, eq, exists, inArray, is, sql } from 'drizzle-orm';
import { alias, getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { authorities, emissionReleases, emissions, importChanges } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';
import { param } from './filters';

export interface ChangedCouncils {
	/** How many councils in all. */
	count: number;
	/** The first `limit` of them by name. */
	councils: { code: string; name: string }[];
}

/** [table, column] pairs naming the council a logged row is about. */
function councilColumns(): [string, string][] {
	const pairs: [string, string][] = [['authorities', 'code']];
	for (const table of Object.values(schema) as unknown[]) {
		if (!is(table, SQLiteTable)) continue;
		const config = getTableConfig(table);
		// An authority's county or successor is another council, not the row that changed.
		if (config.name === 'authorities' || config.name === 'emissions') continue;
		for (const fk of config.foreignKeys) {
			const ref = fk.reference();
			if (getTableConfig(ref.foreignTable).name !== 'authorities') continue;
			for (const column of ref.columns) pairs.push([config.name, column.name]);
		}
	}
	return pairs;
}

/**
 * The councils a batch changed. SQLite-only, as the undo log it reads is: a logged row is found
 * by its rowid, and a deleted row's council is read from its JSON image (json_extract).
 */
const changedQuery = preparedQuery((db) => {
	const batch = param('batch');
	// Names come from the schema, never from input; the row's current value, else (deleted
	// since, or deleted by this import) its value before the change.
	const logged = councilColumns().map(
		([table, column]) =>
			sql`SELECT coalesce(t.${sql.identifier(column)}, json_extract(c.before, ${`$.${column}`})) AS code
			FROM ${importChanges} c LEFT JOIN ${sql.identifier(table)} t ON t.rowid = c.row_id
			WHERE c.batch_id = ${batch} AND c.table_name = ${table}`
	);
	// Per council through the emissions index, not a scan of a release's million rows.
	const a = alias(authorities, 'a');
	const released = db
		.select({ code: a.code })
		.from(a)
		.where(
			exists(
				db
					.select({ one: sql`1` })
					.from(emissions)
					.where(
						and(
							eq(emissions.authorityCode, a.code),
							inArray(
								emissions.releaseId,
								db
									.select({ id: emissionReleases.id })
									.from(emissionReleases)
									.where(eq(emissionReleases.batchId, batch))
							)
						)
					)
			)
		);
	return db
		.select({
			code: authorities.code,
			name: authorities.niceName,
			total: sql<number>`count(*) OVER ()`
		})
		.from(authorities)
		.where(sql`${authorities.code} IN (${sql.join([...logged, released.getSQL()], sql` UNION `)})`)
		.orderBy(asc(authorities.niceName), asc(authorities.code))
		.limit(param('limit'))
		.prepare();
});

export function listChangedCouncils(
	batchId: number,
	limit = 50,
	db: Db = serverDb()
): ChangedCouncils {
	const rows = changedQuery(db).all({ batch: batchId, limit });
	return {
		count: rows[0]?.total ?? 0,
		councils: rows.map(({ code, name }) => ({ code, name }))
	};
}
