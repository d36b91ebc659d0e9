/**
 * Rows of one file that name the same record. A row repeated exactly (pasted twice) is stored
 * once and reported; two rows with the same key and different values are an error naming both
 * rows, and the later is not written: which is right cannot be guessed, and "the last one wins"
 * silently stored £9m for a round a row above gave as £3m. (The DESNZ feed refuses repeats the
 * same way.) Used by the record writer every feed gets and by the templates' own writers.
 */
import type { ImportContext } from './feed';

/** How a repeat is named in the report: the column and value that identify the record. */
export interface RepeatName {
	column: string | null;
	value: string;
	/** What the key is, in words: "round", "key authority_code TRF, year 2023". */
	label: string;
}

const shown = (v: unknown): string => {
	if (v === null || v === undefined) return '(blank)';
	if (typeof v === 'object' && 'date' in v) return String((v as { date: string }).date);
	if (Array.isArray(v)) return v.map(shown).join('; ');
	return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The fields two rows give differently, as "budget: 3000000 in row 2, 9000000 here". */
function differences(first: object, later: object, firstRow: number): string {
	const a = first as Record<string, unknown>;
	const b = later as Record<string, unknown>;
	const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
		(k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])
	);
	const listed = fields
		.slice(0, 3)
		.map((k) => `${k}: ${shown(a[k])} in row ${firstRow}, ${shown(b[k])} here`);
	if (fields.length > 3) listed.push(`${fields.length - 3} more`);
	return listed.join('; ');
}

/**
 * A check for one import: true when the row is the first with its key (write it), false after
 * reporting a repeat (write nothing). `row` is what the row stands for, compared whole; it is kept,
 * and must not be changed after (no caller does: parsed rows are made afresh for each file row).
 * Rows are compared as JSON only when a key repeats: writing every row as JSON was a sixth of the
 * writing thread's time in a 100,000-bid import where no key repeats.
 */
export function repeatedRows(ctx: ImportContext) {
	const seen = new Map<string, { rowNumber: number; row: object }>();
	return (key: string, rowNumber: number, name: RepeatName, row: object): boolean => {
		const first = seen.get(key);
		if (!first) {
			seen.set(key, { rowNumber, row });
			return true;
		}
		if (JSON.stringify(first.row) === JSON.stringify(row)) {
			const message = 'repeats an earlier row of the file exactly: stored once';
			ctx.issues.warn(rowNumber, name.column, name.value, 'repeated_row', message);
			return false;
		}
		const message = `row ${first.rowNumber} gives the same ${name.label} with other values (${differences(first.row, row, first.rowNumber)}): correct or delete one of the two rows`;
		ctx.issues.error(rowNumber, name.column, name.value, 'conflicting_rows', message);
		return false;
	};
}
