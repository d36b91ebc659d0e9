/**
 * The carbon-budget view worked by hand on round numbers: latest figure 100 kt in 2023, target
 * 2028 (five years to add up, 2024–2028), a trend falling 10 kt a year. Every expected figure is
 * in the comments, so a reviewer can check it with a calculator.
 */
import { describe, expect, it } from 'vitest';
import { carbonBudgetView, CARBON_LAW_RATE_PCT } from './carbon-budget';
import { CARBON_BUDGET_UNIT } from './target-context';
import { emissionsTrend } from './trajectory';

/** { year, valueKt } points from a first year and a list of values. */
const series = (from: number, values: number[]) =>
	values.map((valueKt, i) => ({ year: from + i, valueKt }));

/** 2019–2023: 140, 130, 120, 110, 100. Trend: mean 120 in 2021, slope −10 kt a year. */
const FALLING = series(2019, [140, 130, 120, 110, 100]);

function view(
	points: { year: number; valueKt: number }[],
	options: {
		targetYear?: number | null;
		unit?: string;
		carbonBudgetKt?: number | null;
		budgetStartYear?: number | null;
		notJudged?: string | null;
	} = {}
) {
	return carbonBudgetView({
		targetYear: options.targetYear === undefined ? 2028 : options.targetYear,
		series: points,
		unit: options.unit ?? 'kt CO2e',
		trend: emissionsTrend(points),
		budget: {
			carbonBudgetKt: options.carbonBudgetKt ?? null,
			budgetStartYear: options.budgetStartYear ?? null
		},
		notJudged: options.notJudged
	});
}

/** The value of a part that must be available, or the test fails with its reason. */
function got<T extends { available: boolean }>(part: T): Extract<T, { available: true }> {
	if (!part.available) throw new Error(`not available: ${(part as { reason?: string }).reason}`);
	return part as Extract<T, { available: true }>;
}

describe('carbonBudgetView: the three paths', () => {
	const v = got(view(FALLING));

	it('adds up the years after the latest figures to the target year, both included', () => {
		expect(v).toMatchObject({ unit: 'kt CO2e', fromYear: 2024, toYear: 2028 });
		expect(v.latest).toEqual({ year: 2023, valueKt: 100 });
		expect(v.years).toEqual([2024, 2025, 2026, 2027, 2028]);
	});

	it('carries the trend forward: 90 + 80 + 70 + 60 + 50 = 350 kt', () => {
		// The line is 120 − 10 × (year − 2021): 2024 90, 2025 80, 2026 70, 2027 60, 2028 50.
		const trend = got(v.paths.trend);
		expect(trend.yearly.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([90, 80, 70, 60, 50]);
		expect(trend.totalKt).toBeCloseTo(350, 9);
		expect(trend.targetYearKt).toBeCloseTo(50, 9);
		expect([trend.fitFromYear, trend.fitToYear]).toEqual([2019, 2023]);
	});

	it('runs a straight line from 100 kt to zero in 2028: 80 + 60 + 40 + 20 + 0 = 200 kt', () => {
		// 100 × (2028 − year) / 5. In closed form latest × (years − 1) / 2 = 100 × 4 / 2 = 200.
		expect(v.paths.straightLine.yearly).toEqual([80, 60, 40, 20, 0]);
		expect(v.paths.straightLine.totalKt).toBe(200);
		expect(v.paths.straightLine.targetYearKt).toBe(0);
	});

	it('cuts 11.72% a year: 349.37 kt in all, 53.62 kt (53.62%) left in 2028', () => {
		// Each year keeps 0.8828 of the one before: 100 × 0.8828 = 88.28; × 0.8828 = 77.934;
		// 68.800; 60.736; 53.618. Sum 88.28 + 77.934 + 68.800 + 60.736 + 53.618 = 349.368,
		// as the closed form 100 × 0.8828 × (1 − 0.8828⁵) / 0.1172 = 88.28 × 0.463819 / 0.1172.
		const law = v.paths.carbonLaw;
		expect(CARBON_LAW_RATE_PCT).toBe(11.72);
		expect(law.yearly[0]).toBeCloseTo(88.28, 9);
		expect(law.yearly[1]).toBeCloseTo(77.933584, 9);
		expect(law.totalKt).toBeCloseTo(349.368, 3);
		expect(law.residualKt).toBeCloseTo(53.618, 3);
		expect(law.residualPctOfLatest).toBeCloseTo(53.618, 3);
		expect(law.ratePct).toBe(11.72);
	});

	it('floors the trend at zero once the line crosses it', () => {
		// 2021–2023: 30, 20, 10: the line is 20 − 10 × (year − 2022), so 2024 0, 2025 −10, 2026
		// −20, floored: 0 + 0 + 0 = 0 kt. The straight line from 10 kt: 10 × 2/3 + 10 × 1/3 + 0 = 10.
		const low = got(view(series(2021, [30, 20, 10]), { targetYear: 2026 }));
		expect(got(low.paths.trend).yearly).toEqual([0, 0, 0]);
		expect(got(low.paths.trend).totalKt).toBe(0);
		expect(low.paths.straightLine.totalKt).toBeCloseTo(10, 9);
	});

	it('adds up a rising trend as it rises: 150 + 160 + 170 + 180 + 190 = 850 kt', () => {
		// 2019–2023: 100, 110, 120, 130, 140: mean 120 in 2021, slope +10. The straight line from
		// 140 kt: 140 × 4 / 2 = 280 kt.
		const up = got(view(series(2019, [100, 110, 120, 130, 140])));
		expect(got(up.paths.trend).totalKt).toBeCloseTo(850, 9);
		expect(up.paths.straightLine.totalKt).toBeCloseTo(280, 9);
	});

	it('gives the other paths when there is no trend, and says why the trend is missing', () => {
		// Two years are a difference, not a trend (MIN_TREND_POINTS is 3).
		const two = got(view(series(2022, [110, 100])));
		expect(two.paths.trend).toMatchObject({ available: false });
		expect(!two.paths.trend.available && two.paths.trend.reason).toMatch(/^there is no trend: /);
		expect(two.paths.straightLine.totalKt).toBe(200);
	});

	it('covers a single year when the target is the year after the latest figures', () => {
		// 2024 only: straight line 100 × 0 / 1 = 0; carbon law 88.28; trend 90.
		const one = got(view(FALLING, { targetYear: 2024 }));
		expect(one.years).toEqual([2024]);
		expect(one.paths.straightLine.totalKt).toBe(0);
		expect(one.paths.carbonLaw.totalKt).toBeCloseTo(88.28, 9);
		expect(got(one.paths.trend).totalKt).toBeCloseTo(90, 9);
	});
});

describe('carbonBudgetView: not worked out', () => {
	it('when the target year is the latest year, or has passed, or is not named', () => {
		expect(view(FALLING, { targetYear: 2023 })).toEqual({
			available: false,
			reason: 'the target year 2023 is the latest year with figures: no years are left to add up'
		});
		expect(view(FALLING, { targetYear: 2020 })).toEqual({
			available: false,
			reason: 'the target year 2020 has passed: the figures run to 2023'
		});
		expect(view(FALLING, { targetYear: null })).toEqual({
			available: false,
			reason: 'the target names no year'
		});
	});

	it('when the figures are old, with their reason', () => {
		expect(view(FALLING, { notJudged: 'these figures are old' })).toEqual({
			available: false,
			reason: 'these figures are old'
		});
	});

	it('when there are no figures, or the latest is zero', () => {
		expect(view([])).toMatchObject({ available: false, reason: 'there are no emissions figures' });
		expect(view(series(2021, [20, 10, 0]))).toMatchObject({
			available: false,
			reason: expect.stringMatching(/^the latest figure \(2023\) is 0 kt CO2e/)
		});
	});
});

describe("carbonBudgetView: the council's own budget", () => {
	it('says so when the council has none', () => {
		expect(got(view(FALLING)).budget).toEqual({
			available: false,
			reason: 'the council has not set a carbon budget'
		});
	});

	it('takes off the years used, and says the trend overshoots and when it runs out', () => {
		// Budget 690 kt from 2020. Used 2020–2023: 130 + 120 + 110 + 100 = 460; left 230 kt.
		// Trend 350 kt: over by 120. Its running sum: 2024 90, 2025 170, 2026 240 ≥ 230: used up
		// in 2026. Straight line 200 kt: 30 kt within. Carbon law 349.368: over by 119.368.
		const b = got(got(view(FALLING, { carbonBudgetKt: 690, budgetStartYear: 2020 })).budget);
		expect(b).toMatchObject({
			budgetKt: 690,
			startYear: 2020,
			used: { fromYear: 2020, toYear: 2023, kt: 460 },
			leftKt: 230,
			fromYear: 2024,
			toYear: 2028,
			usedUpIn: null,
			trendUsesUpIn: 2026
		});
		expect(got(b.paths.trend).overKt).toBeCloseTo(120, 9);
		expect(got(b.paths.trend).over).toBe(true);
		expect(b.paths.straightLine).toMatchObject({ kt: 200, overKt: -30, over: false });
		expect(b.paths.carbonLaw.overKt).toBeCloseTo(119.368, 3);
	});

	it('keeps a budget the trend stays within, with no year it runs out', () => {
		// Budget 1,000 kt from 2020: 1000 − 460 = 540 left; trend 350 is 190 within.
		const b = got(got(view(FALLING, { carbonBudgetKt: 1000, budgetStartYear: 2020 })).budget);
		expect(b.leftKt).toBe(540);
		expect(got(b.paths.trend).overKt).toBeCloseTo(-190, 9);
		expect(b.trendUsesUpIn).toBeNull();
	});

	it('says when the published years have already spent the budget, and by how much every path overshoots', () => {
		// Budget 400 kt from 2020: running sum 130, 250, 360, 460 ≥ 400 in 2023; left 400 − 460 =
		// −60. Each path is over by its total + 60: trend 410, straight line 260.
		const b = got(got(view(FALLING, { carbonBudgetKt: 400, budgetStartYear: 2020 })).budget);
		expect(b.leftKt).toBe(-60);
		expect(b.usedUpIn).toBe(2023);
		expect(b.trendUsesUpIn).toBeNull();
		expect(got(b.paths.trend).overKt).toBeCloseTo(410, 9);
		expect(b.paths.straightLine.overKt).toBe(260);
	});

	it('compares a budget that starts after the latest figures over its own years only', () => {
		// Budget 100 kt from 2026: nothing used; covers 2026–2028. Trend 70 + 60 + 50 = 180: over by
		// 80, running sum 70, 130 ≥ 100 in 2027. Straight line 40 + 20 + 0 = 60: 40 within.
		const b = got(got(view(FALLING, { carbonBudgetKt: 100, budgetStartYear: 2026 })).budget);
		expect(b).toMatchObject({ used: null, leftKt: 100, fromYear: 2026, trendUsesUpIn: 2027 });
		expect(got(b.paths.trend).kt).toBeCloseTo(180, 9);
		expect(b.paths.straightLine).toMatchObject({ kt: 60, overKt: -40 });
	});

	it('will not subtract years it has no figures for', () => {
		// 2021 is missing from the budget's years 2020–2023.
		const gap = [140, 130, 110, 100].map((valueKt, i) => ({
			year: [2019, 2020, 2022, 2023][i]!,
			valueKt
		}));
		expect(got(view(gap, { carbonBudgetKt: 690, budgetStartYear: 2020 })).budget).toEqual({
			available: false,
			reason: 'figures are missing for 2021, so what is left of the budget cannot be worked out'
		});
	});

	it('never compares a budget in kt CO2e with figures in another unit', () => {
		expect(CARBON_BUDGET_UNIT).toBe('kt CO2e');
		const co2 = view(FALLING, { unit: 'kt CO2', carbonBudgetKt: 690, budgetStartYear: 2020 });
		expect(got(co2).budget).toMatchObject({
			available: false,
			reason: expect.stringMatching(
				/^the budget is in kt CO2e and these figures are in kt CO2: the two cannot be compared/
			)
		});
	});

	it('asks for a start year, and one not after the target year', () => {
		expect(got(view(FALLING, { carbonBudgetKt: 690 })).budget).toEqual({
			available: false,
			reason: 'the carbon budget has no start year'
		});
		expect(got(view(FALLING, { carbonBudgetKt: 690, budgetStartYear: 2030 })).budget).toMatchObject(
			{ available: false, reason: expect.stringMatching(/after the target year 2028/) }
		);
	});
});
