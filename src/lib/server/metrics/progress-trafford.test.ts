/**
 * The worked example: Trafford's whole-area target (net zero by 2038, baseline 2005) against the
 * real DESNZ 2005–2023 series (tests/fixtures/progress), trend over 2019–2023. Every expected
 * figure below is worked out by hand in the comments from the rows of the fixture, so a reviewer
 * can check it with a calculator.
 */
import { describe, expect, it } from 'vitest';
import { desnzSeries } from '../../../../tests/helpers/progress-series';
import { carbonBudgetView } from './carbon-budget';
import { targetProgress, type ProgressTarget } from './target-progress';

const TRAFFORD = 'E08000009';
const target: ProgressTarget = { scope: 'whole_area', targetYear: 2038 };

function progress(measure: 'scope_of_influence' | 'territorial') {
	const p = targetProgress({ target, measure, series: desnzSeries(TRAFFORD, measure) });
	if (!p.available) throw new Error(p.reason);
	return p;
}

/** The value of a part that must be available, or the test fails with its reason. */
function got<T extends { available: boolean }>(part: T): Extract<T, { available: true }> {
	if (!part.available) throw new Error(`not available: ${(part as { reason?: string }).reason}`);
	return part as Extract<T, { available: true }>;
}

describe('Trafford, whole area, CO2 within the scope of influence (kt CO2)', () => {
	const p = progress('scope_of_influence');

	it('fits the 2019–2023 trend and projects net zero in 2044: red', () => {
		// Points (kt): 2019 1257.090, 2020 1050.722, 2021 1189.470, 2022 1074.824, 2023 996.516.
		// Sum 5568.622, mean ȳ = 1113.724; mean year x̄ = 2021; x − x̄ = −2, −1, 0, 1, 2; Σ(x − x̄)² = 10.
		// y − ȳ = 143.366, −63.002, 75.746, −38.901, −117.208.
		// Σ(x − x̄)(y − ȳ) = −286.732 + 63.002 + 0 − 38.901 − 234.416 = −497.047.
		// Slope = −497.047 / 10 = −49.705 kt a year.
		// Intercept = ȳ − slope × x̄ = 1113.724 + 49.7047 × 2021 = 1113.724 + 100453.127 = 101566.851.
		// Zero where 101566.851 − 49.7047 x = 0: x = 2021 + 1113.724 / 49.7047 = 2021 + 22.407 = 2043.41,
		// so 2043 is still above zero (≈ 20 kt) and 2044 is the first whole year at or below it.
		// 2044 is 6 years after 2038, more than the 5 that amber allows: red.
		const trend = got(p.trend);
		expect(trend.years).toEqual([2019, 2020, 2021, 2022, 2023]);
		expect(trend.missingYears).toEqual([]);
		expect(trend.covidYears).toEqual([2020, 2021]);
		expect(trend.meanKt).toBeCloseTo(1113.724, 3);
		expect(trend.slopeKtPerYear).toBeCloseTo(-49.7047, 4);
		expect(trend.interceptKt).toBeCloseTo(101566.851, 2);
		expect(trend.direction).toBe('falling');
		const projection = got(p.projection);
		expect(projection.basis).toBe('trend');
		expect(projection.crossing).toBeCloseTo(2043.407, 3);
		expect(projection.year).toBe(2044);
		expect(got(p.status)).toMatchObject({ colour: 'red', yearsAfterTarget: 6 });
	});

	it('needs 13.95% a year from 2023 against 5.64% a year achieved 2019→2023', () => {
		// Needed: baseline 2005 = 2091.460 kt; 5% of it = 104.573 kt; 2023 = 996.516 kt; 15 years.
		// 104.573 / 996.516 = 0.104939; ln = −2.254380; ÷ 15 = −0.150292; e^ = 0.860457;
		// 1 − 0.860457 = 13.954% a year; first-year cut 996.516 × 0.139543 = 139.057 kt.
		const needed = got(p.needed);
		expect(needed.years).toBe(15);
		expect(needed.goalKt).toBeCloseTo(104.573, 3);
		expect(needed.reductionPct).toBeCloseTo(13.954, 3);
		expect(needed.firstYearCutKt).toBeCloseTo(139.057, 2);
		expect(needed.alreadyAtGoal).toBe(false);
		// Achieved: 996.516 / 1257.090 = 0.792717; ln = −0.232290; ÷ 4 = −0.058072; e^ = 0.943582;
		// 1 − 0.943582 = 5.642% a year; (1257.090 − 996.516) / 4 = 65.143 kt a year.
		const achieved = got(p.achieved);
		expect([achieved.fromYear, achieved.toYear]).toEqual([2019, 2023]);
		expect(achieved.reductionPct).toBeCloseTo(5.642, 3);
		expect(achieved.averageCutKtPerYear).toBeCloseTo(65.143, 3);
	});

	it('stands 45.9 kt above the straight-line path, and 52% below 2005', () => {
		// Path in 2023: 2091.460 × (2038 − 2023) / (2038 − 2005) = 2091.460 × 15 / 33 = 950.664 kt.
		// 996.516 − 950.664 = 45.852 kt above; 45.852 / 2091.460 = 2.192% of the baseline.
		const path = got(p.path);
		expect(path.pathKt).toBeCloseTo(950.664, 3);
		expect(path.aboveKt).toBeCloseTo(45.852, 3);
		expect(path.abovePctOfBaseline).toBeCloseTo(2.192, 3);
		// Change: 996.516 − 2091.460 = −1094.944 kt = −52.353%. Per head: 2091.460 kt over 215,430
		// people = 9.7083 t; 996.516 kt over 237,480 = 4.1962 t; 4.1962 / 9.7083 − 1 = −56.777%.
		expect(got(p.baseline)).toMatchObject({ year: 2005, yearFrom: 'default', valueFrom: 'series' });
		const change = got(p.change);
		expect(change.totalKt).toBeCloseTo(-1094.944, 3);
		expect(change.pct).toBeCloseTo(-52.353, 3);
		const perHead = got(change.perHead);
		expect(perHead.baselineT).toBeCloseTo(9.7083, 4);
		expect(perHead.latestT).toBeCloseTo(4.1962, 4);
		expect(perHead.pct).toBeCloseTo(-56.777, 3);
		expect(p.targetPassed).toBe(false);
	});
});

describe('Trafford, whole area, territorial greenhouse gases (kt CO2e)', () => {
	const p = progress('territorial');

	it('projects net zero in 2051 (red), needing 14.99% a year against 4.14% achieved', () => {
		// Points (kt): 2019 1649.996, 2020 1430.456, 2021 1570.864, 2022 1442.224, 2023 1393.071.
		// Mean 1497.322; y − ȳ = 152.674, −66.867, 73.542, −55.098, −104.251.
		// Σ(x − x̄)(y − ȳ) = −305.348 + 66.867 + 0 − 55.098 − 208.502 = −502.081; slope −50.208 kt a year.
		// Intercept 1497.322 + 50.2081 × 2021 = 102967.962. Zero at 2021 + 1497.322 / 50.2081 =
		// 2021 + 29.822 = 2050.82, so 2051: 13 years after 2038, red.
		// Needed: 5% of 2436.311 = 121.816; 121.816 / 1393.071 = 0.087444; ln ÷ 15 = −0.162451;
		// e^ = 0.850058: 14.994% a year, first-year cut 208.880 kt.
		// Achieved: 1393.071 / 1649.996 = 0.844288; ln ÷ 4 = −0.042316; e^ = 0.958567: 4.143% a year;
		// (1649.996 − 1393.071) / 4 = 64.231 kt a year.
		// Path 2023: 2436.311 × 15 / 33 = 1107.414; 1393.071 − 1107.414 = 285.657 kt above (11.725%).
		const trend = got(p.trend);
		expect(trend.slopeKtPerYear).toBeCloseTo(-50.2081, 4);
		expect(trend.interceptKt).toBeCloseTo(102967.962, 2);
		expect(got(p.projection).year).toBe(2051);
		expect(got(p.status)).toMatchObject({ colour: 'red', yearsAfterTarget: 13 });
		expect(got(p.needed).reductionPct).toBeCloseTo(14.994, 3);
		expect(got(p.needed).firstYearCutKt).toBeCloseTo(208.88, 2);
		expect(got(p.achieved).reductionPct).toBeCloseTo(4.143, 3);
		expect(got(p.achieved).averageCutKtPerYear).toBeCloseTo(64.231, 3);
		expect(got(p.path).aboveKt).toBeCloseTo(285.657, 3);
		expect(got(p.path).abovePctOfBaseline).toBeCloseTo(11.725, 3);
		expect(p.measureLabel).toMatch(/Territorial/);
	});
});

describe('Trafford, whole area, territorial: emissions 2024–2038 on each path (kt CO2e)', () => {
	const p = progress('territorial');
	const view = got(
		carbonBudgetView({
			targetYear: 2038,
			series: desnzSeries(TRAFFORD, 'territorial'),
			unit: 'kt CO2e',
			trend: p.trend,
			budget: {}
		})
	);

	it('adds up 14,929 kt on the trend, 9,751 kt on a straight line and 8,876 kt cutting 11.72% a year', () => {
		// Fifteen years, 2024–2038. Trend: 1497.322 − 50.2081 × (year − 2021), above zero to 2050,
		// so nothing is floored; a straight line's sum is the number of years times its middle
		// year's value: 15 × (1497.322 − 50.2081 × 10) = 15 × 995.241 = 14928.6.
		expect(got(view.paths.trend).totalKt).toBeCloseTo(14928.6, 0);
		// 2038 on the trend: 1497.322 − 50.2081 × 17 = 643.784 kt.
		expect(got(view.paths.trend).targetYearKt).toBeCloseTo(643.784, 2);
		// Straight line from 1393.071 (2023) to 0 (2038): 1393.071 × (15 − 1) / 2 = 9751.50.
		expect(view.paths.straightLine.totalKt).toBeCloseTo(9751.5, 1);
		// Carbon law: 0.8828¹⁵ = 0.154147; 1393.071 × 0.8828 = 1229.803; × (1 − 0.154147) =
		// 1040.233; ÷ 0.1172 = 8875.71. Left in 2038: 1393.071 × 0.154147 = 214.74 kt, 15.41%.
		expect(view.paths.carbonLaw.totalKt).toBeCloseTo(8875.71, 1);
		expect(view.paths.carbonLaw.residualKt).toBeCloseTo(214.74, 1);
		expect(view.paths.carbonLaw.residualPctOfLatest).toBeCloseTo(15.415, 2);
		expect(view.budget).toEqual({
			available: false,
			reason: 'the council has not set a carbon budget'
		});
	});
});
