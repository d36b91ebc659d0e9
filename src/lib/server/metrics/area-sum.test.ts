import { describe, expect, it } from 'vitest';
import { leftOutSentences, sumMemberSeries, yearSpans } from './area-sum';

const series = (from: number, values: (number | null)[], population?: number | null) =>
	values.flatMap((v, i) =>
		v === null ? [] : [{ year: from + i, valueKt: v, population: population ?? null }]
	);

describe('sumMemberSeries', () => {
	it('adds the members year by year, population too', () => {
		const sum = sumMemberSeries([
			{ code: 'A', name: 'Ash', points: series(2021, [10, 20, 30], 1000) },
			{ code: 'B', name: 'Birch', points: series(2021, [1, 2, 3], 500) }
		]);
		expect(sum.points).toEqual([
			{ year: 2021, valueKt: 11, population: 1500 },
			{ year: 2022, valueKt: 22, population: 1500 },
			{ year: 2023, valueKt: 33, population: 1500 }
		]);
		expect(sum.yearsLeftOut).toEqual([]);
		expect(leftOutSentences(sum)).toEqual([]);
	});

	it('leaves out a year any member lacks, and says whose', () => {
		// Birch has no 2022 and stops in 2023; Cedar starts in 2022.
		const sum = sumMemberSeries([
			{ code: 'A', name: 'Ash', points: series(2020, [10, 10, 10, 10, 10]) },
			{ code: 'B', name: 'Birch', points: series(2020, [1, 1, null, 1]) },
			{ code: 'C', name: 'Cedar', points: series(2022, [5, 5, 5]) }
		]);
		expect(sum.points.map((p) => [p.year, p.valueKt])).toEqual([[2023, 16]]);
		expect(sum.yearsLeftOut).toEqual([
			{ year: 2020, missing: ['Cedar'] },
			{ year: 2021, missing: ['Cedar'] },
			{ year: 2022, missing: ['Birch'] },
			{ year: 2024, missing: ['Birch'] }
		]);
		expect(leftOutSentences(sum)).toEqual([
			'2020–2021 are left out of the sum: Cedar has no figure for them.',
			'2022 and 2024 are left out of the sum: Birch has no figure for them.'
		]);
	});

	it('sums no year when a member has no figures at all, and says so once', () => {
		const sum = sumMemberSeries([
			{ code: 'A', name: 'Ash', points: series(2022, [10, 10]) },
			{ code: 'B', name: 'Birch', points: null },
			{ code: 'C', name: 'Cedar', points: [] }
		]);
		expect(sum.points).toEqual([]);
		expect(sum.withoutFigures).toEqual(['Birch', 'Cedar']);
		expect(leftOutSentences(sum)).toEqual([
			'Birch and Cedar have no figures in this measure, so no year can be summed.'
		]);
	});

	it('leaves the population out of a year a member has none for', () => {
		const sum = sumMemberSeries([
			{ code: 'A', name: 'Ash', points: series(2023, [10], 1000) },
			{ code: 'B', name: 'Birch', points: series(2023, [1], null) }
		]);
		expect(sum.points).toEqual([{ year: 2023, valueKt: 11, population: null }]);
	});

	it('refuses a member series with a year twice, as every progress series does', () => {
		expect(() =>
			sumMemberSeries([
				{
					code: 'A',
					name: 'Ash',
					points: [
						{ year: 2023, valueKt: 1 },
						{ year: 2023, valueKt: 2 }
					]
				}
			])
		).toThrow(/year 2023 appears twice/);
	});
});

describe('yearSpans', () => {
	it('writes runs of years as ranges', () => {
		expect(yearSpans([2023])).toBe('2023');
		expect(yearSpans([2021, 2020, 2022])).toBe('2020–2022');
		expect(yearSpans([2005, 2006, 2010, 2012, 2013])).toBe('2005–2006, 2010 and 2012–2013');
		expect(yearSpans([])).toBe('');
	});
});
