import { describe, expect, it } from 'vitest';
import type { YearValue } from './series';
import {
	carbonBudgetUsed,
	pathPosition,
	reductionAchieved,
	reductionNeeded
} from './target-context';
import { baselineFor, targetProgress, type ProgressTarget } from './target-progress';
import { emissionsTrend } from './trajectory';

// A made-up area, in round numbers: 1000 kt in 2005 (100,000 people), then a straight fall of 40 kt
// a year from 600 kt in 2019 to 440 kt in 2023 (80,000 people). Trend: mean 520 at 2021, slope −40,
// zero at 2021 + 520 / 40 = 2034.
const AREA: YearValue[] = [
	{ year: 2005, valueKt: 1000, population: 100_000 },
	{ year: 2019, valueKt: 600 },
	{ year: 2020, valueKt: 560 },
	{ year: 2021, valueKt: 520 },
	{ year: 2022, valueKt: 480 },
	{ year: 2023, valueKt: 440, population: 80_000 }
];
const AREA_2040: ProgressTarget = { scope: 'whole_area', targetYear: 2040 };

function progress(target: ProgressTarget, series: YearValue[] = AREA) {
	const p = targetProgress({ target, measure: 'territorial', series });
	if (!p.available) throw new Error(p.reason);
	return p;
}

describe('targetProgress on a hand-worked series', () => {
	const p = progress(AREA_2040);

	it('projects 2034, green for 2040, with the 2005 baseline stated as the default', () => {
		expect(p.projection).toMatchObject({ year: 2034, basis: 'trend' });
		expect(p.status).toMatchObject({ available: true, colour: 'green', yearsAfterTarget: -6 });
		expect(p.baseline).toMatchObject({
			year: 2005,
			valueKt: 1000,
			yearFrom: 'default',
			valueFrom: 'series'
		});
		expect(p.measureLabel).toBe(
			'Territorial greenhouse gas emissions of the whole area (kt CO2e), DESNZ'
		);
	});

	it('gives change since baseline in total and per head', () => {
		// 440 − 1000 = −560 kt, −56%. Per head 1000 kt / 100,000 = 10 t; 440 kt / 80,000 = 5.5 t: −45%.
		expect(p.change).toMatchObject({
			available: true,
			fromYear: 2005,
			toYear: 2023,
			totalKt: -560
		});
		expect(p.change.available && p.change.pct).toBeCloseTo(-56, 10);
		expect(p.change.available && p.change.perHead).toEqual({
			available: true,
			baselineT: 10,
			latestT: 5.5,
			changeT: -4.5,
			pct: -45
		});
	});

	it('places 2023 against the straight-line path', () => {
		// Path 2023: 1000 × (2040 − 2023) / (2040 − 2005) = 1000 × 17 / 35 = 485.714 kt; 440 is
		// 45.714 kt below it, −4.571% of the baseline.
		expect(p.path).toMatchObject({ available: true, year: 2023, latestKt: 440 });
		expect(p.path.available && p.path.pathKt).toBeCloseTo(485.714, 3);
		expect(p.path.available && p.path.aboveKt).toBeCloseTo(-45.714, 3);
		expect(p.path.available && p.path.abovePctOfBaseline).toBeCloseTo(-4.571, 3);
	});

	it('sets the compound cut needed against the one achieved over the window', () => {
		// Needed: 1 − (50 / 440)^(1/17) = 1 − e^(ln 0.113636 / 17) = 1 − e^(−0.127927) = 12.008%;
		// first-year cut 440 × 0.120082 = 52.836 kt.
		expect(p.needed).toMatchObject({
			available: true,
			years: 17,
			goalKt: 50,
			alreadyAtGoal: false
		});
		expect(p.needed.available && p.needed.reductionPct).toBeCloseTo(12.008, 3);
		expect(p.needed.available && p.needed.firstYearCutKt).toBeCloseTo(52.836, 3);
		// Achieved: 1 − (440 / 600)^(1/4) = 1 − 0.925391 = 7.461%; (600 − 440) / 4 = 40 kt a year.
		expect(p.achieved).toMatchObject({
			available: true,
			fromYear: 2019,
			toYear: 2023,
			averageCutKtPerYear: 40
		});
		expect(p.achieved.available && p.achieved.reductionPct).toBeCloseTo(7.461, 3);
	});

	it('passes a configurable window on to the trend', () => {
		const short = targetProgress({
			target: AREA_2040,
			measure: 'territorial',
			series: AREA,
			trend: { windowYears: 3 }
		});
		expect(short.available && short.trend).toMatchObject({ years: [2021, 2022, 2023] });
		expect(short.available && short.achieved).toMatchObject({
			fromYear: 2021,
			averageCutKtPerYear: 40
		});
	});
});

describe('targetProgress edge cases', () => {
	it('handles a target year already past: no cut can be needed, the path is at zero, red', () => {
		const p = progress({ scope: 'whole_area', targetYear: 2020 });
		expect(p.targetPassed).toBe(true);
		expect(p.needed).toEqual({
			available: false,
			reason: 'the target year 2020 is not after the latest figures (2023)'
		});
		expect(p.path).toMatchObject({ pathKt: 0, aboveKt: 440, abovePctOfBaseline: 44 });
		expect(p.status).toMatchObject({ colour: 'red', yearsAfterTarget: 14 });
	});

	it('needs no cut when the latest year is already at or under 5% of the baseline', () => {
		const low = AREA.map((p) => (p.year === 2023 ? { ...p, valueKt: 40 } : p));
		expect(progress(AREA_2040, low).needed).toMatchObject({
			reductionPct: 0,
			firstYearCutKt: 0,
			alreadyAtGoal: true
		});
		expect(
			reductionNeeded({ year: 2005, valueKt: 1000 }, 2040, { year: 2023, valueKt: 50 })
		).toMatchObject({
			alreadyAtGoal: true
		});
	});

	it("uses the target's own baseline year and figure, and says so", () => {
		const own = progress({ ...AREA_2040, baselineYear: 2019, baselineKt: 620 });
		expect(own.baseline).toMatchObject({
			year: 2019,
			valueKt: 620,
			yearFrom: 'target',
			valueFrom: 'target'
		});
		const yearOnly = progress({ ...AREA_2040, baselineYear: 2019 });
		expect(yearOnly.baseline).toMatchObject({
			year: 2019,
			valueKt: 600,
			valueFrom: 'series',
			note: null
		});
	});

	it('sets aside a baseline figure without a year, with a note', () => {
		expect(baselineFor({ ...AREA_2040, baselineKt: 900 }, AREA)).toMatchObject({
			year: 2005,
			valueKt: 1000,
			note: "the target's baseline of 900 kt names no year, so the 2005 figure of this series is used"
		});
	});

	it('says plainly when the baseline year has no figure, and everything built on it too', () => {
		const p = progress({
			...AREA_2040,
			baselineYear: 2010,
			interim: [{ year: 2030, reductionPct: 50 }]
		});
		const reason = 'there is no figure for the baseline year 2010 in this series';
		expect(p.baseline).toEqual({ available: false, reason });
		expect(p.change).toEqual({ available: false, reason });
		expect(p.path).toEqual({ available: false, reason });
		expect(p.needed).toEqual({ available: false, reason });
		expect(p.interim).toEqual([
			{ year: 2030, reductionPct: 50, result: { available: false, reason } }
		]);
		// The trend and status do not depend on the baseline.
		expect(p.status).toMatchObject({ colour: 'green' });
	});

	it('refuses percentages of a zero baseline rather than dividing by it', () => {
		const p = progress({ ...AREA_2040, baselineYear: 2005, baselineKt: 0 });
		expect(p.change).toMatchObject({
			available: false,
			reason: expect.stringMatching(/baseline is 0 kt/)
		});
		expect(p.path).toMatchObject({
			available: false,
			reason: expect.stringMatching(/baseline is 0 kt/)
		});
		expect(p.needed).toMatchObject({ available: false });
	});

	it('has no compound rate achieved when the window ends at zero, but reports net zero reached', () => {
		const zero = [...AREA.slice(0, 5), { year: 2023, valueKt: 0 }];
		const p = progress(AREA_2040, zero);
		expect(p.achieved).toEqual({
			available: false,
			reason: 'a compound rate needs figures above zero at both ends; 2023 is 0 kt'
		});
		expect(p.projection).toMatchObject({ year: 2023, basis: 'reached' });
		expect(p.status).toMatchObject({ colour: 'green' });
	});

	it('has no per-head change without the populations', () => {
		const noPeople = AREA.map(({ year, valueKt }) => ({ year, valueKt }));
		const p = progress(AREA_2040, noPeople);
		expect(p.change.available && p.change.perHead).toEqual({
			available: false,
			reason: 'there is no population for 2005'
		});
	});

	it('measures council operations only by the council’s own figures', () => {
		const ops: ProgressTarget = { scope: 'council_operations', targetYear: 2030 };
		expect(targetProgress({ target: ops, measure: 'scope_of_influence', series: AREA })).toEqual({
			available: false,
			reason: `a council operations target is measured by the council's own reported emissions, not by "CO2 emissions within the council's scope of influence (kt CO2), DESNZ"`
		});
		expect(
			targetProgress({ target: ops, measure: 'council_reported', series: AREA })
		).toMatchObject({
			available: true,
			measure: 'council_reported'
		});
		expect(
			targetProgress({ target: AREA_2040, measure: 'council_reported', series: AREA })
		).toMatchObject({
			available: false
		});
	});

	it('is not available without figures or without a target year', () => {
		expect(targetProgress({ target: AREA_2040, measure: 'territorial', series: [] })).toMatchObject(
			{
				available: false,
				reason:
					'there are no figures in this measure (Territorial greenhouse gas emissions of the whole area (kt CO2e), DESNZ)'
			}
		);
		const p = progress({ scope: 'whole_area', targetYear: null });
		expect(p.status).toEqual({ available: false, reason: 'the target names no year' });
		expect(p.path).toEqual({ available: false, reason: 'the target names no year' });
	});
});

describe('interim targets', () => {
	it('judges past years on their figure and later years on the trend line, in year order', () => {
		const p = progress({
			...AREA_2040,
			interim: [
				{ year: 2030, reductionPct: 70 },
				{ year: 2022, reductionPct: 55 },
				{ year: 2020, reductionPct: 40 },
				{ year: 2010, reductionPct: 10 }
			]
		});
		expect(p.interim).toEqual([
			{
				year: 2010,
				reductionPct: 10,
				result: { available: false, reason: 'there is no figure for 2010' }
			},
			// 2020: target 1000 × 0.6 = 600; figure 560: met.
			{
				year: 2020,
				reductionPct: 40,
				result: { available: true, targetKt: 600, basis: 'figure', valueKt: 560, meets: true }
			},
			// 2022: target 450; figure 480: missed.
			{
				year: 2022,
				reductionPct: 55,
				result: { available: true, targetKt: 450, basis: 'figure', valueKt: 480, meets: false }
			},
			// 2030: target 300; trend 520 − 40 × 9 = 160: on course.
			{
				year: 2030,
				reductionPct: 70,
				result: { available: true, targetKt: 300, basis: 'trend', valueKt: 160, meets: true }
			}
		]);
	});
});

describe('carbonBudgetUsed', () => {
	it('sums the years from the budget start to the latest year', () => {
		// 600 + 560 + 520 + 480 + 440 = 2600 kt of 5000: 52%.
		expect(carbonBudgetUsed(AREA, { carbonBudgetKt: 5000, budgetStartYear: 2019 })).toEqual({
			available: true,
			fromYear: 2019,
			toYear: 2023,
			budgetKt: 5000,
			usedKt: 2600,
			remainingKt: 2400,
			sharePct: 52
		});
		expect(
			progress({ ...AREA_2040, carbonBudgetKt: 5000, budgetStartYear: 2022 }).budget
		).toMatchObject({
			usedKt: 920
		});
	});

	it('does not fill gaps or guess a start', () => {
		expect(carbonBudgetUsed(AREA, { carbonBudgetKt: 5000, budgetStartYear: 2017 })).toEqual({
			available: false,
			reason: 'figures are missing for 2017, 2018'
		});
		expect(carbonBudgetUsed(AREA, {})).toEqual({
			available: false,
			reason: 'the council has not set a carbon budget'
		});
		expect(carbonBudgetUsed(AREA, { carbonBudgetKt: 5000 })).toMatchObject({
			reason: 'the carbon budget has no start year'
		});
		expect(carbonBudgetUsed(AREA, { carbonBudgetKt: 5000, budgetStartYear: 2025 })).toMatchObject({
			reason: 'there are no figures yet for the budget period, which starts in 2025'
		});
		expect(carbonBudgetUsed(AREA, { carbonBudgetKt: -1, budgetStartYear: 2019 })).toMatchObject({
			available: false
		});
	});

	it('sets a budget (kt CO2e) against figures in kt CO2e only', () => {
		const budget = { carbonBudgetKt: 5000, budgetStartYear: 2019 };
		expect(carbonBudgetUsed(AREA, budget, 'kt CO2e')).toMatchObject({ available: true });
		expect(carbonBudgetUsed(AREA, budget, 'kt CO2')).toEqual({
			available: false,
			reason:
				'the budget is in kt CO2e and these figures are in kt CO2: the two cannot be compared (choose the measure in kt CO2e)'
		});
	});
});

describe('context functions on their own', () => {
	it('refuse a path whose target is not after its baseline, or with no figures', () => {
		expect(pathPosition({ year: 2005, valueKt: 10 }, 2005, { year: 2023, valueKt: 5 })).toEqual({
			available: false,
			reason: 'the target year 2005 is not after the baseline year 2005'
		});
		expect(pathPosition({ year: 2005, valueKt: 10 }, 2030, undefined)).toMatchObject({
			available: false
		});
		expect(
			pathPosition({ year: 2025, valueKt: 10 }, 2030, { year: 2023, valueKt: 5 })
		).toMatchObject({
			reason: 'the latest figures (2023) are before the baseline year 2025'
		});
	});

	it('report a rise as a negative reduction achieved', () => {
		const rising = [
			{ year: 2019, valueKt: 100 },
			{ year: 2020, valueKt: 110 },
			{ year: 2021, valueKt: 121 }
		];
		const achieved = reductionAchieved(rising, emissionsTrend(rising));
		// 121 / 100 over 2 years is +10% a year: a reduction of −10%, and −10.5 kt a year.
		expect(achieved.available && achieved.reductionPct).toBeCloseTo(-10, 10);
		expect(achieved).toMatchObject({ averageCutKtPerYear: -10.5 });
	});
});
