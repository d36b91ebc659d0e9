/**
 * The file's own text for the rows an import preview shows, read again from the upload: the
 * pipeline keeps parsed rows only, and an officer checks those against what the file said. Reads
 * no further than the last row wanted (the preview is the first ten valid rows).
 */
import { readCsv } from './read-csv';

class Enough extends Error {}

/** Each wanted row's cells by the file's column names, in the order of `rowNumbers`. */
export async function readRowCells(
	path: string,
	rowNumbers: readonly number[]
): Promise<Record<string, string>[]> {
	const wanted = new Set(rowNumbers);
	const last = Math.max(0, ...rowNumbers);
	const found = new Map<number, Record<string, string>>();
	let headers: string[] = [];
	if (wanted.size) {
		await readCsv(
			path,
			(h) => (headers = h),
			(values, rowNumber) => {
				if (wanted.has(rowNumber))
					found.set(rowNumber, Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
				if (rowNumber >= last) throw new Enough();
			}
		).catch((e) => {
			if (!(e instanceof Enough)) throw e;
		});
	}
	return rowNumbers.map((n) => found.get(n) ?? {});
}
