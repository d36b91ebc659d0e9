import { describe, expect, it } from 'vitest';
import {
	trajectoryColumns,
	trajectoryConfig,
	trajectoryKeyTable,
	trajectoryTable,
	trajectoryYears,
	type TrajectoryInput
} from './trajectory-config';

// A made-up series, small enough to check by hand: 1000 kt in 2005 falling 40 kt a year.
const points = [2005, 2006, 2007, 2008, 2009].map((year, i) => ({ year, valueKt: 1000 - 40 * i }));
const input: TrajectoryInput = {
	points,
	targetYear: 2030,
	baseline: { year: 2005, valueKt: 1000 },
	// Through (2007, 920) falling 40 a year: zero at 2007 + 920 / 40 = 2030.
	trend: { fromYear: 2005, meanYear: 2007, meanKt: 920, slopeKtPerYear: -40 },
	projectionYear: 2030,
	interim: [{ year: 2020, targetKt: 500 }]
};

describe('trajectory chart', () => {
	it('runs the axis from the first figure to 2050 at least, or further for a later projection', () => {
		expect(trajectoryYears(input)).toHaveLength(2050 - 2005 + 1);
		expect(trajectoryYears({ ...input, projectionYear: 2061 }).at(-1)).toBe(2061);
		expect(trajectoryYears({ ...input, points: [], baseline: null, interim: [] })).toEqual([]);
	});

	it('draws the straight-line path from the baseline to zero in the target year, and no further', () => {
		const byYear = new Map(trajectoryColumns(input).map((c) => [c.year, c]));
		expect(byYear.get(2005)!.path).toBe(1000);
		// 1000 × (2030 − 2018) / 25 = 480.
		expect(byYear.get(2018)!.path).toBeCloseTo(480, 9);
		expect(byYear.get(2030)!.path).toBe(0);
		expect(byYear.get(2031)!.path).toBeNull();
	});

	it('carries the trend from its window to the projected year, never below zero', () => {
		const cols = trajectoryColumns({ ...input, projectionYear: null });
		const byYear = new Map(cols.map((c) => [c.year, c]));
		expect(byYear.get(2009)!.trend).toBe(840);
		expect(byYear.get(2030)!.trend).toBe(0);
		// With no projected year (flat or rising) the line runs to the end of the axis, clamped at 0.
		expect(byYear.get(2040)!.trend).toBe(0);
		const projected = new Map(trajectoryColumns(input).map((c) => [c.year, c]));
		expect(projected.get(2031)!.trend).toBeNull();
	});

	it('marks 2030, 2050 and a target year that is neither', () => {
		const marks = (targetYear: number) =>
			(
				trajectoryConfig({ ...input, targetYear }, 'kt CO2e').options!.plugins as {
					yearMarkers: { years: string[] };
				}
			).yearMarkers.years;
		expect(marks(2030)).toEqual(['2030', '2050']);
		expect(marks(2038)).toEqual(['2030', '2050', '2038']);
	});

	it('labels the y axis with the unit and shows interim targets as points', () => {
		const config = trajectoryConfig(input, 'kt CO2e a year');
		expect((config.options!.scales!.y as { title: { text: string } }).title.text).toBe(
			'kt CO2e a year'
		);
		const interim = config.data.datasets.find((d) => d.label === 'Interim target')!;
		expect(interim.data[2020 - 2005]).toBe(500);
		expect(trajectoryConfig({ ...input, interim: [] }, 'kt').data.datasets).toHaveLength(3);
	});

	it('tabulates only the years some line has, rounded to 0.1 kt', () => {
		const table = trajectoryTable(input);
		expect(table.columns).toEqual([
			'Year',
			'Published',
			'Straight-line path',
			'Trend',
			'Interim target'
		]);
		expect(table.rows[0]).toEqual(['2005', 1000, 1000, 1000, null]);
		expect(table.rows.at(-1)![0]).toBe('2030');
	});
});

describe('trajectory numbers for paper', () => {
	it('keeps the baseline, the trend years, the latest, 2030, interim, target and 2050', () => {
		const years = trajectoryKeyTable(input, [2007, 2008, 2009]).rows.map((r) => r[0]);
		// 2050 has no line left (the path and the trend end in 2030), so it has no row.
		expect(years).toEqual(['2005', '2007', '2008', '2009', '2020', '2030']);
		const later = trajectoryKeyTable({ ...input, targetYear: 2050, projectionYear: null }, []);
		expect(later.rows.map((r) => r[0])).toEqual(['2005', '2009', '2020', '2030', '2050']);
	});
});
