/**
 * Writing an emissions release. Rows of a new release are plain inserts (a release is never
 * written twice: the same file again reuses its release and writes nothing), duplicates within a
 * file are caught in memory with compact numeric keys, and for a large file the table's index is
 * dropped during the load and rebuilt once at the end (about half the cost of maintaining it row
 * by row, measured on a million rows).
 *
 * This is the bulk writer the feed contract names (rows/feed.ts): emissions rows do not go
 * through the record writer because a release is hundreds of thousands of rows and the import
 * must stay at least half as fast as sqlite3's own `.import`. Its statements are still built
 * from the Drizzle table object, never from a table name written as a string.
 */
import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { authorityPopulations, emissions } from '../db/schema';
import type { ImportContext, TableRecord } from '../rows/feed';

/** Distinct sub-sector and gas labels a numeric duplicate key has room for. */
const [SUB_SECTORS, GASES] = [2 ** 14, 2 ** 8];

/** Files above this size load with the emissions index suspended. */
const BULK_BYTES = 16 * 1024 * 1024;

export interface EmissionRow {
	authority_code: string;
	year: number;
	sector: string;
	sub_sector: string;
	gas: string;
	territorial_kt: number | null;
	influence_kt: number | null;
	is_aggregate: boolean;
}

/** Drop a table's indexes inside the current transaction; the returned function recreates them. */
export function suspendIndexes(sqlite: Database.Database, table: SQLiteTable): () => void {
	const indexes = sqlite
		.prepare(
			"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
		)
		.all(getTableConfig(table).name) as { name: string; sql: string }[];
	for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
	return () => {
		for (const i of indexes) sqlite.exec(i.sql);
	};
}

export function emissionRowWriter(ctx: ImportContext, releaseId: number) {
	const e = emissions;
	// In the order write() passes its values.
	const columns = [
		e.releaseId,
		e.authorityCode,
		e.year,
		e.subSector,
		e.gas,
		e.sector,
		e.territorialKt,
		e.influenceKt,
		e.isAggregate
	].map((c) => `"${c.name}"`);
	const insert = ctx.sqlite.prepare(
		`INSERT INTO "${getTableConfig(e).name}" (${columns.join(', ')}) ` +
			`VALUES (${columns.map(() => '?').join(', ')})`
	);
	const restoreIndexes =
		ctx.fileBytes > BULK_BYTES ? suspendIndexes(ctx.sqlite, emissions) : () => {};
	// Key = year, sub-sector and gas as one small integer, per authority: ~20 MB for a million rows
	// (2^8 years × 2^14 sub-sectors × 2^8 gases stays below 2^31, V8's fast small integers). A part
	// past its range would spill into the next and make distinct rows equal: such a row (a file
	// with hundreds of gas labels) is keyed by its text instead, still exactly.
	const seen = new Map<string, Set<number | string>>();
	const subSectorIds = new Map<string, number>();
	const gasIds = new Map<string, number>();
	const id = (map: Map<string, number>, value: string) => {
		let n = map.get(value);
		if (n === undefined) map.set(value, (n = map.size));
		return n;
	};
	return {
		/** False when the file already had this authority, year, sub-sector and gas. */
		write(r: EmissionRow): boolean {
			let keys = seen.get(r.authority_code);
			if (!keys) seen.set(r.authority_code, (keys = new Set()));
			const year = r.year - 1900;
			const sub = id(subSectorIds, r.sub_sector);
			const gas = id(gasIds, r.gas);
			const key =
				sub < SUB_SECTORS && gas < GASES && year >= 0 && year < 256
					? (year * SUB_SECTORS + sub) * GASES + gas
					: `${r.year}\u0000${r.sub_sector}\u0000${r.gas}`;
			if (keys.has(key)) return false;
			keys.add(key);
			insert.run(
				releaseId,
				r.authority_code,
				r.year,
				r.sub_sector,
				r.gas,
				r.sector,
				r.territorial_kt,
				r.influence_kt,
				r.is_aggregate ? 1 : 0
			);
			return true;
		},
		finish(): void {
			restoreIndexes();
			seen.clear();
		}
	};
}

/**
 * A council's population in a year as the release gives it, for the import's record writer
 * (a few hundred rows per file, so it goes the ordinary way, not the bulk one).
 */
export function populationRecord(
	authorityCode: string,
	year: number,
	population: number,
	datasetKey: string
): TableRecord<typeof authorityPopulations> {
	return {
		table: authorityPopulations,
		values: { authorityCode, year, population, datasetKey },
		key: ['authorityCode', 'year', 'datasetKey'],
		counted: false
	};
}
