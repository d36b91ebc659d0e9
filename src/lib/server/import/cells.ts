/**
 * Whether a data row's cells fit the header row, checked as each row is read and before any feed
 * sees it: the count of cells (a row cut short, as a truncated download ends mid-number, or a
 * stray delimiter), a cell longer than a spreadsheet cell can be, a NUL character. Each problem
 * names the row, the column and the value. Cheap enough for the million-row path: a comparison
 * per row and a length per cell; cells are searched for NUL only once the file has shown one.
 */
import { shownValue, type IssueCollector } from '../rows/issues';

/** Excel's own limit on one cell: longer text cannot have come from a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;

export interface RowProblem {
	column: string;
	value: string;
	code: string;
	message: string;
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What is wrong with a row's cells, or null. `width` counts the header's columns up to the last
 * named one (Excel may leave unnamed empty columns at the end); empty cells past the header are
 * harmless. An over-long cell is shortened in `values` too, so no copy of it is kept.
 */
export function rowProblem(
	values: string[],
	headers: readonly string[],
	width: number,
	nulSeen: boolean
): RowProblem | null {
	const n = values.length;
	if (n < width) {
		return {
			column: headers[n - 1] || `column ${n}`,
			value: values[n - 1] ?? '',
			code: 'short_row',
			message: `the row ends after this cell: ${n} cells where the header row has ${width} (is the row cut short?)`
		};
	}
	for (let i = headers.length; i < n; i++) {
		if (values[i]!.trim() === '') continue;
		return {
			column: `column ${i + 1}`,
			value: values[i]!,
			code: 'long_row',
			message: `a cell past the header row's ${headers.length} columns (a value holding the delimiter needs quotes)`
		};
	}
	for (let i = 0; i < n; i++) {
		const length = values[i]!.length;
		if (length <= MAX_CELL_CHARS) continue;
		values[i] = shownValue(values[i]!);
		return {
			column: headers[i] || `column ${i + 1}`,
			value: values[i]!,
			code: 'too_long',
			message: `${count(length)} characters, more than a spreadsheet cell holds (${count(MAX_CELL_CHARS)})`
		};
	}
	if (nulSeen) {
		for (let i = 0; i < n; i++) {
			if (!values[i]!.includes('\0')) continue;
			return {
				column: headers[i] || `column ${i + 1}`,
				value: values[i]!,
				code: 'nul_character',
				message: 'contains a NUL character (byte 0), which text never has: is the file damaged?'
			};
		}
	}
	return null;
}

/**
 * The record a feed reads (its canonical column names → cells), or null after reporting the
 * row's problem. `mapped` gives each cell's column, or null for a column the feed does not read.
 */
export function recordOf(
	values: string[],
	rowNumber: number,
	problem: RowProblem | null,
	mapped: readonly (string | null)[],
	issues: IssueCollector
): Record<string, string> | null {
	if (problem) {
		issues.error(rowNumber, problem.column, problem.value, problem.code, problem.message);
		return null;
	}
	const record: Record<string, string> = {};
	for (let i = 0; i < mapped.length; i++) {
		const key = mapped[i];
		if (key) record[key] = values[i] ?? '';
	}
	return record;
}
