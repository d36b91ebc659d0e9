/**
 * The compare table as a download: the identifying fields, then the view's columns in the
 * table's order, with the measure beside the emissions figures. Browser-safe, so the page's
 * links and the API name the same fields.
 */
import type { CsvColumn } from '../csv';
import type { MoneyScope } from '../funding-purpose';
import { ROW_STATUS_WORDS } from '../progress-filter';
import { labelWithUnit, roundedCell, type CompareRow, type ColumnKey } from './columns';

const IDENTITY = ['code', 'gssCode', 'name'] as const;
/** Every field but ledAward, which a download shows as blank funding figures. */
export type DownloadField = Exclude<keyof CompareRow, 'ledAward'>;
const EMISSIONS = new Set<ColumnKey>(['emissionsChangePct', 'emissionsPerHeadT', 'emissionsYear']);

/** The fields of each downloaded row, in order. */
export function downloadFields(cols: readonly ColumnKey[]): DownloadField[] {
	const fields: DownloadField[] = [...IDENTITY, ...cols];
	// A figure is labelled with its measure: kept whenever an emissions figure is.
	if (cols.some((c) => EMISSIONS.has(c))) fields.push('measure');
	return fields;
}

/** The rows with only those fields, for JSON (downloadFields always leads with the identity). */
export function pickFields(rows: readonly CompareRow[], fields: readonly DownloadField[]) {
	return rows.map(
		(r) =>
			Object.fromEntries(fields.map((f) => [f, r[f]])) as Partial<Pick<CompareRow, DownloadField>> &
				Pick<CompareRow, (typeof IDENTITY)[number]>
	);
}

/** Headers of the fields that are not columns of the table. */
const FIELD_HEADERS: Partial<Record<DownloadField, string>> = {
	code: 'Code',
	gssCode: 'GSS code',
	name: 'Council',
	measure: 'Emissions measure'
};

/**
 * The CSV of those fields: the table's headers with their units (and for funding, the money
 * counted), statuses in the page's words, figures rounded as the table prints them. An unknown
 * figure is a blank cell, never 0, so a numeric column stays numbers.
 */
export function csvColumns(
	fields: readonly DownloadField[],
	money: MoneyScope
): CsvColumn<CompareRow>[] {
	return fields.map((f) => ({
		header: FIELD_HEADERS[f] ?? labelWithUnit(f, money),
		value: (r) => (f === 'status' ? ROW_STATUS_WORDS[r.status] : roundedCell(f, r[f]))
	}));
}
