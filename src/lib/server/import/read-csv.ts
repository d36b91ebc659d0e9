/**
 * Streams a CSV file as records, whatever Excel or a publisher wrote: UTF-8 with or without BOM,
 * Windows-1252 or UTF-16 (encoding.ts); comma, semicolon or tab delimited; quoted newlines; blank
 * rows, before the header too. Never holds the whole file in memory. (The file's checksum is
 * taken before, in spool.ts.) What cannot be read is said, with where: a broken encoding or an
 * unclosed quote stops the file; a row whose cells do not fit the header is refused (cells.ts).
 */
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { rowProblems, type RowProblem } from './cells';
import { BadBytes, describeBadBytes } from './bad-bytes';
import { decodingStream, type Encoding } from './encoding';
import { UnreadableFileError } from './unreadable';

export interface CsvReadResult {
	headers: string[];
	encoding: Encoding;
	delimiter: string;
}

/** Blank lines (or delimiters only) before the header row, as Excel leaves above a table. */
const LEADING_BLANK_LINES = /^\uFEFF?(?:[ \t,;|]*(?:\r\n|\n|\r))*/;

/** The text from the header row on (a BOM and blank lines before it removed). */
export const fromHeaderRow = (text: string) => text.replace(LEADING_BLANK_LINES, '');

/** The delimiter of the header row (quoted text ignored): the one that splits it most. */
export function headerDelimiter(input: string): string {
	const header = /^[^\r\n]*/.exec(fromHeaderRow(input))![0].replace(/"[^"]*"/g, '');
	let best = ',';
	let bestCount = 0;
	for (const d of [',', ';', '\t', '|']) {
		const n = header.split(d).length - 1;
		if (n > bestCount) [best, bestCount] = [d, n];
	}
	return best;
}

export function canonicalHeader(h: string): string {
	return h
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
}

/** A row with no content: every cell blank (Excel writes ",,,," for a formatted empty row). */
export function isBlankRow(values: string[]): boolean {
	return !values[0]?.trim() && values.every((v) => v.trim() === '');
}

/**
 * Parse a CSV file, calling onRecord for each non-blank data row with its 1-based row number in
 * spreadsheet terms (blank rows before the header are skipped but counted, as a spreadsheet
 * shows them) and, when the row's cells do not fit the header or hold what is not text, what is
 * wrong (see rowProblems).
 * Resolves once the whole file has been read; rejects with UnreadableFileError when the file
 * cannot be read as a table at all.
 */
export function readCsv(
	path: string,
	onHeaders: (headers: string[]) => void,
	onRecord: (values: string[], rowNumber: number, problems: RowProblem[] | null) => void,
	onBytes?: (bytesRead: number) => void
): Promise<CsvReadResult> {
	let encoding: Encoding = 'utf-8';
	let oddSeen = false;
	const input = createReadStream(path);
	const text = input.pipe(
		decodingStream(
			(e) => (encoding = e),
			onBytes,
			() => (oddSeen = true)
		)
	);
	let headers: string[] | null = null;
	let width = 0;
	let rowNumber = 0;
	let delimiter = ',';
	const reading = new Promise<CsvReadResult>((resolve, reject) => {
		input.on('error', reject);
		Papa.parse<string[]>(text as unknown as File, {
			header: false,
			skipEmptyLines: false,
			// Guessing from the data misreads a short comma file whose text contains ";".
			delimiter: headerDelimiter,
			// Chunks, not steps: a callback per 64 KB instead of per row is 20% faster on big files.
			chunk(result, parser) {
				// Reject before aborting: abort() calls complete(), whose resolve would win.
				const stop = (e: unknown) => {
					reject(e);
					parser.abort();
				};
				// Errors about a row Papa has not finished (the chunk's last) come again with it.
				const quote = result.errors.find(
					(e) => e.type === 'Quotes' && (e.row ?? Infinity) < result.data.length
				);
				if (quote) return stop(quoteError(quote, result.data, rowNumber, headers));
				for (const values of result.data) {
					rowNumber++;
					if (!headers) {
						if (isBlankRow(values)) continue;
						headers = values.map((h) => h.replace(/^\uFEFF/, '').trim());
						width = headers.findLastIndex((h) => h !== '') + 1;
						if (result.meta.delimiter) delimiter = result.meta.delimiter;
						try {
							onHeaders(headers);
						} catch (e) {
							return stop(e);
						}
						continue;
					}
					if (isBlankRow(values)) continue;
					try {
						onRecord(values, rowNumber, rowProblems(values, headers, width, oddSeen));
					} catch (e) {
						return stop(e);
					}
				}
			},
			complete() {
				resolve({ headers: headers ?? [], encoding, delimiter });
			},
			error(err: Error) {
				reject(err);
			}
		});
	});
	return reading.catch((e) => {
		throw e instanceof BadBytes ? describeBadBytes(path, e) : e;
	});
}

/** A quote Papa could not close or place: the rest of the file would be one cell, or garbled. */
function quoteError(
	error: Papa.ParseError,
	rows: string[][],
	rowsBefore: number,
	headers: string[] | null
): UnreadableFileError {
	const index = error.row ?? 0;
	const row = rowsBefore + index + 1;
	if (error.code !== 'MissingQuotes') {
		return new UnreadableFileError(
			`Row ${row} has a quote in the wrong place: text follows the closing quote of a quoted cell. Put quotes around the whole cell and double any quote inside it (""), then try again.`
		);
	}
	const cells = rows[index] ?? [];
	const cell = Math.max(cells.length - 1, 0);
	const column = headers?.[cell] ? `"${headers[cell]}"` : `${cell + 1}`;
	const start = (cells[cell] ?? '').replace(/\s+/g, ' ').trim().slice(0, 20);
	return new UnreadableFileError(
		`Row ${row}: the quote that opens the cell in column ${column} ("${start}…") is never closed, so the rest of the file would be read as that one cell. Close the quote, or double any quote inside a cell (""), then try again.`
	);
}
