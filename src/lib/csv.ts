/**
 * CSV out, the one way every export writes it (API downloads, rejected rows, templates and the
 * charts' "Download CSV", which runs in the browser): papaparse's `unparse`, with spreadsheet
 * formulas neutralised. Our CSVs are opened in Excel, and a council name, bid title or source link
 * that someone typed as `=HYPERLINK(...)` or `-1+2` would otherwise run as a formula there.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell Excel or LibreOffice would read as a formula: starting with `=`, `+`, `-`, `@`, tab
 * or CR. A plain number written as text ("-12.5", as rows set aside keep their cells) is left
 * alone: a spreadsheet reads it as the number, which runs nothing, and the file re-imports as it
 * was. papaparse never escapes a cell that is a JavaScript number, so figures stay numbers.
 */
const FORMULA = /^(?![+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$)[=+\-@\t\r]/i;

export interface CsvOptions {
	/** Line ending; Excel's own is CRLF. */
	newline?: '\r\n' | '\n';
	/**
	 * false only for CSV that goes straight into our own importer and is never offered to a person:
	 * the importer keeps the `'` the escaping adds, so escaping there would change what is stored.
	 */
	escapeFormulae?: boolean;
}

/** A header row and data rows as CSV text (no trailing line break); null and undefined as empty. */
export function toCsv(
	columns: readonly string[],
	rows: readonly (readonly CsvCell[])[],
	{ newline = '\r\n', escapeFormulae = true }: CsvOptions = {}
): string {
	return Papa.unparse(
		{ fields: [...columns], data: rows.map((r) => [...r]) },
		{ newline, escapeFormulae: escapeFormulae ? FORMULA : false }
	);
}

/** A column of a download: its header in the page's words, with the unit, and its cell. */
export interface CsvColumn<T> {
	header: string;
	value: (row: T) => CsvCell;
}

/** Rows as CSV through their columns. */
export function csvFrom<T>(
	columns: readonly CsvColumn<T>[],
	rows: readonly T[],
	options?: CsvOptions
): string {
	return toCsv(
		columns.map((c) => c.header),
		rows.map((r) => columns.map((c) => c.value(r))),
		options
	);
}

/** Starts every CSV download, so Excel reads the file as UTF-8 whatever the computer's locale. */
export const BOM = '\uFEFF';

/** A CSV download, BOM first. */
export function csvResponse(csv: string, fileName: string): Response {
	return new Response(BOM + csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
}
