/**
 * The national benchmark's reading of the importer's progress lines (scripts/bench/import-pace.ts):
 * the rate over the first and the last 10,000 rows, each line being a count and the rate since
 * the first row was read.
 */
import { describe, expect, it } from 'vitest';
import { importPace, paceWords } from '../../scripts/bench/import-pace';

/** Progress lines as the importer writes them to a log, at these seconds since the first row. */
const lines = (points: [rows: number, seconds: number][]) =>
	points
		.map(
			([rows, s]) =>
				`  ${rows.toLocaleString('en-GB')} rows, ${Math.round(rows / s).toLocaleString('en-GB')} rows/s, 50%`
		)
		.join('\n');

describe('importPace', () => {
	it('takes the first 10,000 rows from the first row read and the last 10,000 up to the end', () => {
		// 10,000 rows a second, then the last 10,000 in 2 s; the end repeated as the import finishes.
		const stderr = `Preparing…\n${lines([
			[10_000, 1],
			[20_000, 2],
			[30_000, 4],
			[30_000, 4.5]
		])}\nbids.csv [bids]: imported\n`;
		const pace = importPace(stderr)!;
		expect(pace.first.rows).toBe(10_000);
		expect(pace.first.rate).toBeCloseTo(10_000, 0);
		expect(pace.last.rows).toBe(10_000);
		expect(pace.last.rate).toBeCloseTo(5_000, 0);
		expect(paceWords(pace)).toBe(
			'first 10,000 rows at 10,000 rows/s, last 10,000 at 5,000 (0.50 of the first)'
		);
	});

	it('stretches to the nearest progress lines when they are not 10,000 apart', () => {
		// The parse thread reports in batches of 4,096 rows.
		const pace = importPace(
			lines([
				[4_096, 0.4],
				[8_192, 0.8],
				[12_288, 1.2],
				[16_384, 1.6],
				[20_480, 2],
				[24_576, 2.4],
				[25_000, 2.5]
			])
		)!;
		expect(pace.first.rows).toBe(12_288);
		expect(pace.last).toMatchObject({ rows: 25_000 - 12_288 });
		expect(pace.first.rate).toBeCloseTo(10_240, -1);
	});

	it('has no pace for a file too small for a first and a last stretch', () => {
		expect(importPace(lines([[9_000, 1]]))).toBeNull();
		expect(importPace('')).toBeNull();
	});
});
