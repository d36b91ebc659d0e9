/**
 * The compare table as a download: the identifying fields, then the view's columns in the
 * table's order, with the measure beside the emissions figures. Browser-safe, so the page's
 * links and the API name the same fields.
 */
import type { CsvColumn } from '../csv';
import { ROW_STATUS_WORDS } from '../progress-filter';
import { labelWithUnit, roundedCell, type CompareRow, type ColumnKey } from './columns';

const IDENTITY = ['code', 'gssCode', 'name'] as const;
const EMISSIONS = new Set<ColumnKey>(['emissionsChangePct', 'emissionsPerHeadT', 'emissionsYear']);

/** The fields of each downloaded row, in order. */
export function downloadFields(cols: readonly ColumnKey[]): (keyof CompareRow)[] {
	const fields: (keyof CompareRow)[] = [...IDENTITY, ...cols];
	// A figure is labelled with its measure: kept whenever an emissions figure is.
	if (cols.some((c) => EMISSIONS.has(c))) fields.push('measure');
	return fields;
}

/** The rows with only those fields, for JSON (downloadFields always leads with the identity). */
export function pickFields(rows: readonly CompareRow[], fields: readonly (keyof CompareRow)[]) {
	return rows.map(
		(r) =>
			Object.fromEntries(fields.map((f) => [f, r[f]])) as Partial<CompareRow> &
				Pick<CompareRow, (typeof IDENTITY)[number]>
	);
}

/** Headers of the fields that are not columns of the table. */
const FIELD_HEADERS: Partial<Record<keyof CompareRow, string>> = {
	code: 'Code',
	gssCode: 'GSS code',
	name: 'Council',
	measure: 'Emissions measure'
};

/**
 * The CSV of those fields: the table's headers with their units, statuses in the page's words,
 * figures rounded as the table prints them.
 */
export function csvColumns(fields: readonly (keyof CompareRow)[]): CsvColumn<CompareRow>[] {
	return fields.map((f) => ({
		header: FIELD_HEADERS[f] ?? labelWithUnit(f),
		value: (r) => (f === 'status' ? ROW_STATUS_WORDS[r.status] : roundedCell(f, r[f]))
	}));
}
