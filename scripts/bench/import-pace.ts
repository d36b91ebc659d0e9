/**
 * How an import's rate changes as it goes, from the command-line importer's progress lines: the
 * rows/s over the file's first and last 10,000 rows, so an import that slows as its tables grow
 * shows in the national benchmark (a last rate well below the first).
 */
export interface ImportPace {
	first: { rows: number; rate: number };
	last: { rows: number; rate: number };
}

/** Rows between the progress points the pace is taken over: the first and the last stretch. */
export const PACE_ROWS = 10_000;

/**
 * The pace of one import, from the command line's progress lines ("  10,000 rows, 9,812 rows/s,
 * 9%", each a count and the rate since the first row was read): the rate over the first
 * PACE_ROWS rows and over the last (from the last point at least PACE_ROWS before the end). A
 * table that slows the import as it grows shows as a last rate below the first. Null when the
 * file has too few rows for two stretches.
 */
export function importPace(stderr: string): ImportPace | null {
	// Each count's first line (the last is repeated when the import ends), as seconds since the
	// first row: count / rate.
	const points = new Map<number, number>([[0, 0]]);
	for (const m of stderr.matchAll(/^\s*([\d,]+) rows?, ([\d,]+) rows\/s/gm)) {
		const [rows, rate] = [m[1]!, m[2]!].map((x) => Number(x.replace(/,/g, ''))) as [number, number];
		if (!points.has(rows) && rate > 0) points.set(rows, rows / rate);
	}
	const marks = [...points].sort((a, b) => a[0] - b[0]);
	const end = marks[marks.length - 1]!;
	const firstEnd = marks.find(([rows]) => rows >= PACE_ROWS);
	const lastStart = marks.filter(([rows]) => rows <= end[0] - PACE_ROWS).pop();
	if (!firstEnd || !lastStart || lastStart[0] < firstEnd[0]) return null;
	const stretch = (from: [number, number], to: [number, number]) => ({
		rows: to[0] - from[0],
		rate: (to[0] - from[0]) / (to[1] - from[1])
	});
	return { first: stretch(marks[0]!, firstEnd), last: stretch(lastStart, end) };
}

/** "first 10,000 rows at 9,812 rows/s, last 10,000 at 9,406 (0.96 of the first)". */
export function paceWords(pace: ImportPace): string {
	const n = (x: number) => Math.round(x).toLocaleString('en-GB');
	return `first ${n(pace.first.rows)} rows at ${n(pace.first.rate)} rows/s, last ${n(pace.last.rows)} at ${n(pace.last.rate)} (${(pace.last.rate / pace.first.rate).toFixed(2)} of the first)`;
}
