/**
 * Whether a data row's cells fit the header row, checked as each row is read and before any feed
 * sees it: the count of cells (a row cut short, as a truncated download ends mid-number, or a
 * stray delimiter), a cell longer than a spreadsheet cell can be, a NUL character, a character
 * that is not text. Each problem names the row, the column and the value. Cheap enough for the
 * million-row path: a comparison per row and a length per cell; cells are searched for odd
 * characters only once the file has shown one (encoding.ts looks once per chunk).
 *
 * Characters that are not text, in any cell of any feed:
 * - a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) makes a name or
 *   title display in another order than it is stored ("‮slaeD" shows as "Deals"): refused;
 * - any other control character (C0 but tab and line breaks, DEL, C1: BEL, BS, ESC, a PDF's
 *   stray U+0002) shows as nothing, or garbles a terminal: removed, and reported, so what is
 *   stored is what the cell shows. Tab and line breaks stay where a cell holds them.
 */
import { shownValue, type IssueCollector } from '../rows/issues';
import { visible } from './report-text';

/** Excel's own limit on one cell: longer text cannot have come from a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;

export interface RowProblem {
	column: string;
	value: string;
	code: string;
	message: string;
	/** A warning leaves the row in (its cell cleaned); an error refuses it. Default: error. */
	severity?: 'error' | 'warning';
}

/** Bidirectional embeddings, overrides and isolates: text would read otherwise than stored. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Control characters that are not tab or a line break (NUL has its own message). */
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Either, for encoding.ts to say once whether a chunk has any (with NUL). */
export const ODD_CHARACTER =
	// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What is wrong with a row's cells, or null. `width` counts the header's columns up to the last
 * named one (Excel may leave unnamed empty columns at the end); empty cells past the header are
 * harmless. An over-long cell is shortened in `values` too, so no copy of it is kept; control
 * characters are removed from `values` (a warning each cell).
 */
export function rowProblems(
	values: string[],
	headers: readonly string[],
	width: number,
	oddSeen: boolean
): RowProblem[] | null {
	const one = rowProblem(values, headers, width, oddSeen);
	if (one) return [one];
	return oddSeen ? controlCharacters(values, headers) : null;
}

function rowProblem(
	values: string[],
	headers: readonly string[],
	width: number,
	oddSeen: boolean
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
	if (oddSeen) {
		for (let i = 0; i < n; i++) {
			const column = headers[i] || `column ${i + 1}`;
			if (values[i]!.includes('\0'))
				return {
					column,
					value: values[i]!,
					code: 'nul_character',
					message: 'contains a NUL character (byte 0), which text never has: is the file damaged?'
				};
			if (BIDI.test(values[i]!))
				return {
					column,
					value: visible(values[i]!),
					code: 'bidi_control',
					message:
						'contains a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which makes text read otherwise than it is stored: remove it'
				};
		}
	}
	return null;
}

/** Removes control characters from the cells (in place), a warning for each cell cleaned. */
function controlCharacters(values: string[], headers: readonly string[]): RowProblem[] | null {
	let found: RowProblem[] | null = null;
	for (let i = 0; i < values.length; i++) {
		const cell = values[i]!;
		if (!CONTROL.test(cell)) continue;
		CONTROL.lastIndex = 0;
		(found ??= []).push({
			column: headers[i] || `column ${i + 1}`,
			value: visible(cell),
			code: 'control_character',
			severity: 'warning',
			message: 'control characters, which are not text, removed: stored as the cell shows'
		});
		values[i] = cell.replace(CONTROL, '');
	}
	return found;
}

/**
 * The record a feed reads (its canonical column names → cells), or null after reporting the
 * row's problem. `mapped` gives each cell's column, or null for a column the feed does not read.
 */
export function recordOf(
	values: string[],
	rowNumber: number,
	problems: readonly RowProblem[] | null,
	mapped: readonly (string | null)[],
	issues: IssueCollector
): Record<string, string> | null {
	let refused = false;
	for (const p of problems ?? []) {
		const severity = p.severity ?? 'error';
		issues.add({
			rowNumber,
			column: p.column,
			value: p.value,
			severity,
			code: p.code,
			message: p.message
		});
		if (severity === 'error') refused = true;
	}
	if (refused) return null;
	const record: Record<string, string> = {};
	for (let i = 0; i < mapped.length; i++) {
		const key = mapped[i];
		if (key) record[key] = values[i] ?? '';
	}
	return record;
}
