/**
 * What an import may not set back unless the user asks. An older edition of a sheet leaves cells
 * blank that a newer one filled, and carries older titles and dates: importing the 2022 climate
 * plans sheet after the shipped one blanked dates and reverted titles. So, in the one writer
 * (record-writer.ts), for every feed:
 * - a blank cell never replaces a stored value (unless the feed says the field's null is stated:
 *   `mayClear`);
 * - a record dated before the stored one (the feed's `datedBy` field: a plan's date_retrieved), or
 *   undated where the stored one is dated (unless the feed says an undated record is of unknown
 *   age), changes none of its stored values; it may still fill the stored record's blanks, which
 *   sets nothing back.
 * With `allowOlder` (the user's explicit choice: `--allow-older`, or the import page's checkbox)
 * such values are written. Either way each one is counted, so a check (a dry run) can say "would
 * set back N values", and each row is named in the report.
 */
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { TableRecord } from '../rows/feed';
import type { IssueCollector } from '../rows/issues';

/** A table's columns by field name, as the writer knows them. */
export type Columns = Record<string, SQLiteColumn>;

export interface Guarded {
	/** The record's values, a value held back made undefined (not written). */
	values: Record<string, unknown>;
	/** The fields whose stored value the record would set back. */
	setBack: string[];
	/** The record is dated before the stored one (or undated where it is dated). */
	older: boolean;
	/** The date field that decided it, if any. */
	datedBy: string | null;
}

const driver = (c: SQLiteColumn, v: unknown) => (v === null ? null : c.mapToDriverValue(v));

/** Whether the record needs its stored row read to be judged (a blank to keep, or a date). */
export function needsStoredRow(record: TableRecord): boolean {
	if (record.addOnly) return false;
	if (record.datedBy !== undefined) return true;
	const values = record.values as Record<string, unknown>;
	return Object.keys(values).some(
		(f) => values[f] === null && !record.key.includes(f as never) && !mayClear(record, f)
	);
}

const mayClear = (record: TableRecord, field: string) =>
	(record.mayClear as readonly string[] | undefined)?.includes(field) ?? false;

/**
 * The values to write over `stored` (the row with the record's key, by SQL column name), and
 * what they would set back. With allowOlder nothing is held back; it is only counted.
 */
export function guard(
	columns: Columns,
	record: TableRecord,
	stored: Record<string, unknown>,
	allowOlder: boolean
): Guarded {
	const values = { ...(record.values as Record<string, unknown>) };
	// The first of the record's dates that the stored record has decides.
	const datedBy = datedFields(record).find((f) => stored[columns[f]!.name] != null) ?? null;
	let older = false;
	if (datedBy) {
		const column = columns[datedBy]!;
		const was = stored[column.name] as string;
		const given = values[datedBy];
		const now = given == null ? null : (driver(column, given) as string);
		// ISO dates compare as text. A record without the date (blank, or its file has no such
		// column) is not newer than a dated one, unless the feed says its age is unknown.
		older = now === null ? record.undated !== 'unknown' : now < was;
	}
	const setBack: string[] = [];
	for (const field of Object.keys(values)) {
		const v = values[field];
		if (v === undefined || record.key.includes(field as never)) continue;
		if (field === 'batchId' || field === 'isSample') continue;
		const column = columns[field]!;
		const was = stored[column.name];
		// A stored blank is filled whatever the record's date: nothing is set back.
		if (was == null || driver(column, v) === was) continue;
		if (!older && !(v === null && !mayClear(record, field))) continue;
		setBack.push(field);
		if (!allowOlder) values[field] = undefined;
	}
	return { values, setBack, older: older && setBack.length > 0, datedBy };
}

/** The record's date fields, in the order they decide. */
const datedFields = (record: TableRecord): string[] =>
	record.datedBy === undefined ? [] : [record.datedBy].flat();

/** One issue per row for an older record, one per blank cell otherwise, against the file row. */
export function reportSetBack(
	issues: IssueCollector,
	rowNumber: number | null,
	columns: Columns,
	record: TableRecord,
	g: Guarded,
	allowOlder: boolean
): void {
	if (!g.setBack.length) return;
	const add = allowOlder ? issues.info.bind(issues) : issues.warn.bind(issues);
	if (g.older) {
		const column = columns[g.datedBy!]!.name;
		const value = (record.values as Record<string, unknown>)[g.datedBy!];
		const message = allowOlder
			? `dated before the stored record: its values were written over the newer ones, as asked`
			: `dated before the stored record (or undated): the newer stored values are kept`;
		add(rowNumber, column, value == null ? '' : String(value), 'older_than_stored', message);
		return;
	}
	for (const field of g.setBack) {
		const message = allowOlder
			? 'blank: the stored value was cleared, as asked'
			: 'blank: the stored value is kept';
		add(rowNumber, columns[field]!.name, '', 'blank_over_stored', message);
	}
}

/** The report's sentence: what the file sets back, or would (nothing when it sets back nothing). */
export function setBackSentence(count: number, allowed: boolean, dryRun: boolean): string | null {
	if (!count) return null;
	const n = `${count.toLocaleString('en-GB')} stored value${count === 1 ? '' : 's'}`;
	const what = '(blanks over values, older records over newer)';
	if (allowed) return `${dryRun ? 'Would set back' : 'Set back'} ${n} ${what}, as asked.`;
	return `This file would set back ${n} ${what}: ${count === 1 ? 'it is' : 'they are'} kept as stored.`;
}
