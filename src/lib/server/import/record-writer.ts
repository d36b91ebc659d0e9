/**
 * The one writer of imported records. A feed hands it records of a schema table with the table's
 * natural key; it writes them with statements built from the Drizzle table objects
 * (record-statements.ts).
 *
 * Rules every feed gets for free:
 * - Only the columns a record carries are written. A value `undefined` means "this file does not
 *   have that column", and the stored value stays; `null` means the file's cell is blank. (The
 *   2022 climate plans sheet has no `last_update`: importing it used to blank that field.)
 * - A row whose values are all as stored is not rewritten (ON CONFLICT … DO UPDATE … WHERE some
 *   value differs), so a re-import changes nothing and the undo log stays empty.
 * - A blank never replaces a stored value, and a record older than the stored one (by the feed's
 *   `datedBy` date) never replaces its values, unless the import allows it (set-back.ts).
 *
 * `batch_id` (the import that last changed a row) and `is_sample` are filled in from the import
 * for tables that have them; batch_id alone is not a change. The undo log is kept by triggers
 * (drizzle migrations), so everything written here can be undone.
 */
import type Database from 'better-sqlite3';
import type { RecordWriter, TableRecord } from '../rows/feed';
import type { IssueCollector } from '../rows/issues';
import { guard, needsStoredRow, reportSetBack } from './set-back';
import { q, tableStatements, type TableInfo } from './record-statements';

export interface RecordWriterOptions {
	batchId: number;
	isSample: boolean;
	/** Write blanks over stored values and older records over newer (the user asked). */
	allowOlder?: boolean;
	/** Where what is kept or set back is reported (absent: counted only). */
	issues?: IssueCollector;
}

export function createRecordWriter(
	sqlite: Database.Database,
	options: RecordWriterOptions
): RecordWriter {
	const {
		info,
		column,
		upsertStatement,
		selectStatement,
		deleteStatement,
		insertStatement,
		updateStatement
	} = tableStatements(sqlite);
	let written = 0;
	let unchanged = 0;
	let setBack = 0;
	let keptNewer = false;
	let lastRowid: number | null = null;
	let rowNumber: number | null = null;
	const allowOlder = options.allowOlder ?? false;

	/**
	 * The record's values with what it may not set back held back (counted and reported), and the
	 * rowid of the stored row it was judged against, if one was read (`judged`: the stored row was
	 * looked for, so a null rowid means there is none).
	 */
	function guarded(
		t: TableInfo,
		record: TableRecord
	): { values: Record<string, unknown>; rowid: number | null; judged: boolean } {
		keptNewer = false;
		const values = record.values as Record<string, unknown>;
		if (!needsStoredRow(record)) return { values, rowid: null, judged: false };
		const keyFields = [...record.key].sort();
		const stored = selectStatement(t, keyFields, 'rowid AS "rowid", *').get(
			...keyFields.map((k) => (values[k] == null ? null : column(t, k).mapToDriverValue(values[k])))
		) as Record<string, unknown> | undefined;
		if (!stored) return { values, rowid: null, judged: true };
		const g = guard(t.columns, record, stored, allowOlder);
		setBack += g.setBack.length;
		keptNewer = g.older && !allowOlder;
		if (options.issues) reportSetBack(options.issues, rowNumber, t.columns, record, g, allowOlder);
		return { values: g.values, rowid: stored.rowid as number, judged: true };
	}

	/** The columns a record writes, in a stable order, with their stored values. */
	function driverValues(t: TableInfo, values: Record<string, unknown>, adding = true) {
		const fields: string[] = [];
		const params: unknown[] = [];
		const all: Record<string, unknown> = { ...values };
		if (t.hasBatch) all.batchId = options.batchId;
		// A row this import adds is sample when the import is; an update leaves it as it was.
		if (t.hasSample && adding && all.isSample === undefined) all.isSample = options.isSample;
		for (const field of Object.keys(all).sort()) {
			const v = all[field];
			if (v === undefined) continue;
			fields.push(field);
			params.push(v === null ? null : column(t, field).mapToDriverValue(v));
		}
		return { fields, params };
	}

	function upsertByLookup(
		t: TableInfo,
		fields: string[],
		params: unknown[],
		key: readonly string[]
	): boolean {
		const at = (f: string) => params[fields.indexOf(f)];
		const found = selectStatement(t, [...key].sort(), q('id')).get(...[...key].sort().map(at)) as
			{ id: number } | undefined;
		if (!found) {
			const inserted = insertStatement(t, fields).run(...params);
			lastRowid = Number(inserted.lastInsertRowid);
			return inserted.changes > 0;
		}
		lastRowid = found.id;
		const others = fields.filter((f) => !key.includes(f));
		if (!others.length) return false;
		const named = Object.fromEntries(others.map((f, i) => [`p${i}`, at(f)]));
		return updateStatement(t, others).run({ ...named, id: found.id }).changes > 0;
	}

	const writer: RecordWriter = {
		upsert(record: TableRecord) {
			const t = info(record.table);
			const { values, rowid, judged } = guarded(t, record);
			const { fields, params } = driverValues(t, values, rowid === null);
			let changed: boolean;
			lastRowid = rowid;
			if (rowid !== null) {
				// Judged against its stored row: update that row with the values not held back (an
				// upsert's INSERT would need every NOT NULL column, held back or not).
				const set = fields.filter((f) => !record.key.includes(f as never));
				const named = Object.fromEntries(
					set.map((f) => [`p${set.indexOf(f)}`, params[fields.indexOf(f)]])
				);
				changed =
					set.length > 0 &&
					updateStatement(t, set, 'rowid').run({ ...named, id: rowid }).changes > 0;
			} else {
				// SQLite's unique indexes treat NULLs as distinct, so ON CONFLICT never fires for a key
				// with a blank part (a target without a year): match it with IS instead.
				if (record.key.some((k) => values[k] === null)) {
					changed = upsertByLookup(t, fields, params, record.key);
				} else {
					const run = upsertStatement(t, fields, record.key, record.addOnly).run(...params);
					changed = run.changes > 0;
					// No stored row was found: this statement inserted the row.
					if (judged && changed) lastRowid = Number(run.lastInsertRowid);
				}
			}
			if (record.counted !== false) {
				if (changed) written++;
				else unchanged++;
			}
			return changed;
		},
		idOf(table, where) {
			const t = info(table);
			const fields = Object.keys(where).sort();
			const params = fields.map((f) => {
				const v = (where as Record<string, unknown>)[f];
				return v === null || v === undefined ? null : column(t, f).mapToDriverValue(v);
			});
			const row = selectStatement(t, fields, q('id')).get(...params) as { id: number } | undefined;
			return row?.id;
		},
		ensure(table, key, values = {}) {
			const found = writer.idOf(table, key);
			if (found !== undefined) return found;
			const t = info(table);
			const { fields, params } = driverValues(t, { ...values, ...key });
			return Number(insertStatement(t, fields).run(...params).lastInsertRowid);
		},
		insert(table, values) {
			const t = info(table);
			const { fields, params } = driverValues(t, values as Record<string, unknown>);
			return Number(insertStatement(t, fields).run(...params).lastInsertRowid);
		},
		update(table, id, values) {
			const t = info(table);
			const { fields, params } = driverValues(t, values as Record<string, unknown>, false);
			const named = Object.fromEntries(fields.map((f, i) => [`p${i}`, params[i]]));
			return updateStatement(t, fields).run({ ...named, id }).changes > 0;
		},
		remove(table, id) {
			return deleteStatement(info(table), ['id']).run(id).changes > 0;
		},
		replaceChildren(table, parent, rows) {
			const t = info(table);
			const parentFields = Object.keys(parent).sort();
			const parentParams = parentFields.map((f) =>
				column(t, f).mapToDriverValue((parent as Record<string, unknown>)[f])
			);
			if (!rows.length) {
				// No children wanted: a change only when some are stored.
				return deleteStatement(t, parentFields).run(...parentParams).changes > 0;
			}
			// The child columns compared: those the new rows give (batch_id is not a change).
			const childFields = [
				...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => !(k in parent))))
			].sort();
			const names = childFields.map((f) => q(column(t, f).name)).join(', ');
			const stored = selectStatement(t, parentFields, names)
				.raw()
				.all(...parentParams) as unknown[][];
			const wanted = rows.map((r) =>
				childFields.map((f) => {
					const v = (r as Record<string, unknown>)[f];
					return v === null || v === undefined ? null : column(t, f).mapToDriverValue(v);
				})
			);
			const key = (list: unknown[][]) => JSON.stringify(list.map((x) => JSON.stringify(x)).sort());
			if (key(stored) === key(wanted)) return false;
			deleteStatement(t, parentFields).run(...parentParams);
			return writer.addChildren(table, parent, rows);
		},
		addChildren(table, parent, rows) {
			const t = info(table);
			for (const r of rows) {
				const { fields, params } = driverValues(t, { ...r, ...parent });
				insertStatement(t, fields).run(...params);
			}
			return rows.length > 0;
		},
		lastRowid: () => lastRowid,
		counts: () => ({ written, unchanged }),
		atRow(n) {
			rowNumber = n;
		},
		valuesSetBack: () => setBack,
		keptNewer: () => keptNewer
	};
	return writer;
}
