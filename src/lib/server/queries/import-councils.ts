/**
 * The councils an import changed, so its record can link to their pages. Read from the undo log:
 * each row the import inserted, updated or deleted, joined back to its table's council columns
 * (every foreign key to authorities, found in the schema so a new table is covered without
 * listing it here; for the authorities table, the row's own code), plus the councils in any
 * emissions release it added (emissions are logged by release, not row by row).
 */
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { all } from './statements';

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

let changedSql: string | null = null;

function sql(): string {
	if (changedSql) return changedSql;
	// Names come from the schema, never from input; the row's current value, else (deleted
	// since, or deleted by this import) its value before the change.
	const logged = councilColumns().map(
		([table, column]) =>
			`SELECT coalesce(t."${column}", json_extract(c.before, '$.${column}')) AS code
			 FROM import_changes c LEFT JOIN "${table}" t ON t.rowid = c.row_id
			 WHERE c.batch_id = @batch AND c.table_name = '${table}'`
	);
	const released = `SELECT a.code FROM authorities a WHERE EXISTS (
		SELECT 1 FROM emissions e WHERE e.authority_code = a.code
		AND e.release_id IN (SELECT id FROM emission_releases WHERE batch_id = @batch))`;
	changedSql = `WITH changed(code) AS (${[...logged, released].join(' UNION ')})
		SELECT a.code, a.nice_name AS name, count(*) OVER () AS total
		FROM authorities a WHERE a.code IN (SELECT code FROM changed)
		ORDER BY a.nice_name, a.code LIMIT @limit`;
	return changedSql;
}

export function listChangedCouncils(
	sqlite: Database.Database,
	batchId: number,
	limit = 50
): ChangedCouncils {
	const rows = all<{ code: string; name: string; total: number }>(sqlite, sql(), {
		batch: batchId,
		limit
	});
	return {
		count: rows[0]?.total ?? 0,
		councils: rows.map(({ code, name }) => ({ code, name }))
	};
}
