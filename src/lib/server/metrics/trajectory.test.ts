import { describe, expect, it } from 'vitest';
import { desnzSeries } from '../../../../tests/helpers/progress-series';
import { sortedSeries } from './series';
import {
	emissionsTrend,
	headlineStatus,
	projectNetZero,
	STATUS_EXPLANATION,
	trendExplanation,
	TREND_EXPLANATION
} from './trajectory';

/** { year, valueKt } points from a first year and a list of values. */
const series = (from: number, values: number[]) =>
	values.map((valueKt, i) => ({ year: from + i, valueKt }));

describe('emissionsTrend', () => {
	it('fits the last 5 years by least squares (hand-worked straight line)', () => {
		// 2017–2023; the window is 2019–2023: 100, 90, 80, 70, 60. Mean 80 at 2021; slope −10 kt a
		// year; intercept 80 + 10 × 2021 = 20290. 2017 and 2018 (500 kt) must not pull the line.
		const t = emissionsTrend(series(2017, [500, 500, 100, 90, 80, 70, 60]));
		expect(t).toMatchObject({
			available: true,
			fromYear: 2019,
			toYear: 2023,
			meanKt: 80,
			slopeKtPerYear: -10,
			interceptKt: 20290,
			direction: 'falling'
		});
	});

	it('keeps 2020 and 2021 in the fit and flags them', () => {
		// A Covid dip: 100, 60, 70, 90, 80. Dropping 2020–21 would leave 100, 90, 80 (slope −10 on
		// 2019, 2022, 2023); kept in, ȳ = 80 and Σ(x−x̄)(y−ȳ) = −40 + 20 + 0 + 10 + 0 = −10: slope −1.
		const t = emissionsTrend(series(2019, [100, 60, 70, 90, 80]));
		if (!t.available) throw new Error(t.reason);
		expect(t.years).toEqual([2019, 2020, 2021, 2022, 2023]);
		expect(t.covidYears).toEqual([2020, 2021]);
		expect(t.slopeKtPerYear).toBeCloseTo(-1, 12);
		expect(TREND_EXPLANATION).toMatch(/2020 and 2021 \(Covid years\) kept in and flagged/);
	});

	it('flags no Covid years in a window without them', () => {
		const t = emissionsTrend(series(2010, [50, 40, 30, 20, 10]));
		expect(t.available && t.covidYears).toEqual([]);
	});

	it('fits on the years present when some of the window is missing, and lists them', () => {
		// 2019, 2021, 2023 on the line 100 − 10 (x − 2019): x̄ = 2021, ȳ = 80, slope −10 still.
		const t = emissionsTrend([
			{ year: 2019, valueKt: 100 },
			{ year: 2021, valueKt: 80 },
			{ year: 2023, valueKt: 60 }
		]);
		expect(t).toMatchObject({ available: true, missingYears: [2020, 2022], slopeKtPerYear: -10 });
	});

	it('fits a short series of 3 years in a 5-year window, but not one of 2', () => {
		const three = emissionsTrend(series(2021, [30, 20, 10]));
		expect(three).toMatchObject({ available: true, fromYear: 2019, missingYears: [2019, 2020] });
		const two = emissionsTrend(series(2022, [20, 10]));
		expect(two).toEqual({
			available: false,
			reason: 'a trend needs figures for at least 3 years of 2019–2023; there are 2 (2022, 2023)'
		});
	});

	it('is not available when the series ends before the window of the current release', () => {
		const t = emissionsTrend(series(2010, [9, 8, 7, 6, 5, 4, 3, 2, 1]), { windowEndYear: 2023 });
		expect(t).toEqual({
			available: false,
			reason: 'the figures end in 2018, before the 2019–2023 trend window'
		});
	});

	it('takes a configurable window, ending at the release year given', () => {
		// 3-year window 2020–2022 of 100, 90, 70, 60, 1000: slope (60 − 90) / 2 = −15; 2023 ignored.
		const t = emissionsTrend(series(2019, [100, 90, 70, 60, 1000]), {
			windowYears: 3,
			windowEndYear: 2022
		});
		expect(t).toMatchObject({ available: true, years: [2020, 2021, 2022], slopeKtPerYear: -15 });
		expect(trendExplanation(3)).toMatch(/last 3 years/);
		expect(() => emissionsTrend(series(2019, [1, 2]), { windowYears: 2 })).toThrow(
			/windowYears is 2/
		);
	});

	it('calls a real rising series rising and a real flat one flat', () => {
		// Argyll and Bute, territorial 2019–2023: 219.6 → 278.1 kt CO2e, slope +20.17 kt a year.
		const argyll = emissionsTrend(desnzSeries('S12000035', 'territorial'));
		expect(argyll).toMatchObject({ available: true, direction: 'rising' });
		expect(argyll.available && argyll.slopeKtPerYear).toBeCloseTo(20.173, 3);
		// Pembrokeshire, territorial: 1534.4 → 1536.2 kt, slope +0.35 kt a year on a mean of
		// 1475.2 kt: 0.02% a year, inside the 0.5% tolerance.
		const pembs = emissionsTrend(desnzSeries('W06000009', 'territorial'));
		expect(pembs).toMatchObject({ available: true, direction: 'flat' });
		expect(pembs.available && pembs.slopeKtPerYear).toBeCloseTo(0.3495, 4);
	});

	it('calls a fall slower than 0.5% of the average a year flat', () => {
		// Mean 1000, slope −4 (0.4%): flat; slope −6 (0.6%): falling.
		expect(emissionsTrend(series(2019, [1008, 1004, 1000, 996, 992]))).toMatchObject({
			direction: 'flat'
		});
		expect(emissionsTrend(series(2019, [1012, 1006, 1000, 994, 988]))).toMatchObject({
			direction: 'falling'
		});
	});

	it('fits zero and negative values (a sink) without special cases', () => {
		// 20, 10, 0, −10, −20: mean 0, slope −10.
		expect(emissionsTrend(series(2019, [20, 10, 0, -10, -20]))).toMatchObject({
			meanKt: 0,
			slopeKtPerYear: -10
		});
	});
});

describe('projectNetZero', () => {
	const project = (s: { year: number; valueKt: number }[]) => projectNetZero(s, emissionsTrend(s));

	it('is the first whole year the line is at or below zero', () => {
		// Line 80 − 10 (x − 2021) is exactly 0 in 2029.
		expect(project(series(2019, [100, 90, 80, 70, 60]))).toEqual({
			available: true,
			year: 2029,
			crossing: 2029,
			basis: 'trend'
		});
		// 101, 91, 81, 71, 61: crossing 2021 + 81 / 10 = 2029.1, and 2029 is still 1 kt above: 2030.
		expect(project(series(2019, [101, 91, 81, 71, 61]))).toMatchObject({ year: 2030 });
	});

	it('says "not on the current trend" for a rising or flat line', () => {
		const rising = desnzSeries('S12000035', 'territorial');
		expect(project(rising)).toEqual({
			available: true,
			year: null,
			basis: 'not on the current trend'
		});
		expect(project(series(2019, [50, 50, 50, 50, 50]))).toMatchObject({ year: null });
	});

	it('does not project a year already past when the line crosses zero inside the window', () => {
		// 100, 10, 5, 1, 0.5: ȳ = 23.3, slope −20.8, crossing 2021 + 23.3 / 20.8 ≈ 2022.1, but 2023
		// is still 0.5 kt: the earliest is 2024.
		expect(project(series(2019, [100, 10, 5, 1, 0.5]))).toMatchObject({
			year: 2024,
			basis: 'trend'
		});
	});

	it('reports net zero reached from the first year of the final run at or below zero', () => {
		// 2019–2025: 2021 dipped to 0 but 2022 rose again; from 2023 it stays at or below zero.
		expect(project(series(2019, [30, 20, 0, 10, 0, -5, 0]))).toMatchObject({
			year: 2023,
			basis: 'reached'
		});
		expect(project(series(2019, [-1, -2, -3]))).toMatchObject({ year: 2019, basis: 'reached' });
	});

	it('is not available without a trend or figures', () => {
		expect(project(series(2022, [20, 10]))).toMatchObject({ available: false });
		expect(project([])).toEqual({ available: false, reason: 'there are no emissions figures' });
	});
});

describe('headlineStatus', () => {
	const at = (year: number | null) => ({ available: true as const, year, basis: 'trend' as const });

	it('is green on or before the target year, amber up to 5 years after, red later or never', () => {
		expect(headlineStatus(at(2037), 2038)).toMatchObject({ colour: 'green', yearsAfterTarget: -1 });
		expect(headlineStatus(at(2038), 2038)).toMatchObject({ colour: 'green' });
		expect(headlineStatus(at(2039), 2038)).toMatchObject({ colour: 'amber' });
		expect(headlineStatus(at(2043), 2038)).toMatchObject({ colour: 'amber', yearsAfterTarget: 5 });
		expect(headlineStatus(at(2044), 2038)).toMatchObject({ colour: 'red', yearsAfterTarget: 6 });
		expect(headlineStatus(at(null), 2038)).toMatchObject({ colour: 'red', yearsAfterTarget: null });
		expect(headlineStatus(at(2030), 2038)).toMatchObject({ rule: STATUS_EXPLANATION });
	});

	it('is not available without a target year or a projection', () => {
		expect(headlineStatus(at(2030), null)).toEqual({
			available: false,
			reason: 'the target names no year'
		});
		expect(headlineStatus({ available: false, reason: 'x' }, 2038)).toEqual({
			available: false,
			reason: 'x'
		});
	});
});

describe('sortedSeries', () => {
	it('sorts by year and refuses a repeated year or a value that is not a number', () => {
		expect(sortedSeries(series(2020, [3, 2]).reverse()).map((p) => p.year)).toEqual([2020, 2021]);
		expect(() => sortedSeries(series(2020, [1, 2]).concat(series(2020, [5])))).toThrow(
			'year 2020 appears twice; expected one total a year'
		);
		expect(() => sortedSeries(series(2020, [NaN]))).toThrow('year 2020: valueKt is NaN');
		expect(() => sortedSeries([{ year: 2020, valueKt: 1, population: 0 }])).toThrow(
			/population is 0/
		);
	});
});
