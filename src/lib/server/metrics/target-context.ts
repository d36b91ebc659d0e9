/**
 * The context printed with the headline status, never instead of it: where the latest year stands
 * against a straight-line path to zero, the yearly cut needed from now against the cut achieved
 * over the trend window, and how much of a carbon budget has been used. Pure; unit-tested.
 */
import { notAvailable, sortedSeries, yearsFrom, type YearValue } from './series';
import type { EmissionsTrend } from './trajectory';

/** "Net zero" here is a 95% cut: the last 5% of the baseline is left to removals and offsets. */
export const RESIDUAL_SHARE = 0.05;

export const PATH_EXPLANATION =
	'The straight-line path runs from the baseline figure in the baseline year to zero in the target year; the latest year is shown in kt above (+) or below (−) that path and as a % of the baseline.';
export const NEEDED_EXPLANATION = `The reduction needed is the same % cut every year that takes the latest year's emissions to ${RESIDUAL_SHARE * 100}% of the baseline by the target year, with what that cut is in kt in its first year.`;
export const ACHIEVED_EXPLANATION =
	'The reduction achieved is the compound yearly % cut between the first and last years of the trend window, with the average kt cut a year between those two years.';
/** The unit the targets template records a carbon budget in (all greenhouse gases). */
export const CARBON_BUDGET_UNIT = 'kt CO2e';

export const BUDGET_EXPLANATION = `The carbon budget used is the sum of each year's emissions from the budget's start year to the latest year, as a % of the budget the council set, which is in ${CARBON_BUDGET_UNIT} and is set against figures in that unit only.`;

/** Why a budget cannot be set against figures in `unit`, or null when it can. */
export function budgetUnitMismatch(unit: string | undefined) {
	return unit === undefined || unit === CARBON_BUDGET_UNIT
		? null
		: notAvailable(
				`the budget is in ${CARBON_BUDGET_UNIT} and these figures are in ${unit}: the two cannot be compared (choose the measure in ${CARBON_BUDGET_UNIT})`
			);
}

export interface Baseline {
	year: number;
	valueKt: number;
}

const noYear = () => notAvailable('the target names no year');

/** The latest figure against the straight line from the baseline to zero in the target year. */
export function pathPosition(
	baseline: Baseline,
	targetYear: number | null,
	latest: YearValue | undefined
) {
	if (targetYear === null) return noYear();
	if (targetYear <= baseline.year) {
		return notAvailable(
			`the target year ${targetYear} is not after the baseline year ${baseline.year}`
		);
	}
	if (!(baseline.valueKt > 0)) {
		return notAvailable(
			`the baseline is ${baseline.valueKt} kt: a path to zero needs a baseline above zero`
		);
	}
	if (!latest) return notAvailable('there are no emissions figures');
	if (latest.year < baseline.year) {
		return notAvailable(
			`the latest figures (${latest.year}) are before the baseline year ${baseline.year}`
		);
	}
	// After the target year the path stays at zero rather than going negative.
	const yearsLeft = Math.max(0, targetYear - latest.year);
	const pathKt = (baseline.valueKt * yearsLeft) / (targetYear - baseline.year);
	const aboveKt = latest.valueKt - pathKt;
	return {
		available: true as const,
		year: latest.year,
		latestKt: latest.valueKt,
		pathKt,
		aboveKt,
		abovePctOfBaseline: (aboveKt / baseline.valueKt) * 100
	};
}

/**
 * The same % cut every year that takes the latest year's emissions to RESIDUAL_SHARE of the
 * baseline by the target year (compound: each year's cut is that % of the year before).
 */
export function reductionNeeded(
	baseline: Baseline,
	targetYear: number | null,
	latest: YearValue | undefined
) {
	if (targetYear === null) return noYear();
	if (!latest) return notAvailable('there are no emissions figures');
	const years = targetYear - latest.year;
	if (years <= 0) {
		return notAvailable(
			`the target year ${targetYear} is not after the latest figures (${latest.year})`
		);
	}
	if (!(baseline.valueKt > 0)) {
		return notAvailable(
			`the baseline is ${baseline.valueKt} kt: a % of it needs a baseline above zero`
		);
	}
	const goalKt = RESIDUAL_SHARE * baseline.valueKt;
	// Already at or under the goal: no cut is needed to reach it (a negative rate would read as
	// "emissions may rise", which is not what a target says).
	if (latest.valueKt <= goalKt) {
		return {
			available: true as const,
			years,
			goalKt,
			reductionPct: 0,
			firstYearCutKt: 0,
			alreadyAtGoal: true
		};
	}
	const rate = 1 - (goalKt / latest.valueKt) ** (1 / years);
	return {
		available: true as const,
		years,
		goalKt,
		reductionPct: rate * 100,
		firstYearCutKt: latest.valueKt * rate,
		alreadyAtGoal: false
	};
}

/** The compound yearly cut achieved between the first and last years the trend was fitted on. */
export function reductionAchieved(series: readonly YearValue[], trend: EmissionsTrend) {
	if (!trend.available) return notAvailable(`there is no trend window: ${trend.reason}`);
	const points = sortedSeries(series);
	const first = points.find((p) => p.year === trend.years[0])!;
	const last = points.find((p) => p.year === trend.years.at(-1))!;
	for (const p of [first, last]) {
		if (!(p.valueKt > 0)) {
			return notAvailable(
				`a compound rate needs figures above zero at both ends; ${p.year} is ${p.valueKt} kt`
			);
		}
	}
	const span = last.year - first.year;
	return {
		available: true as const,
		fromYear: first.year,
		toYear: last.year,
		/** Positive for a fall, negative when emissions rose. */
		reductionPct: (1 - (last.valueKt / first.valueKt) ** (1 / span)) * 100,
		averageCutKtPerYear: (first.valueKt - last.valueKt) / span
	};
}

/**
 * Share of a carbon budget used from its start year to the latest year with figures. With the
 * series' unit, a budget is set only against figures in its own unit.
 */
export function carbonBudgetUsed(
	series: readonly YearValue[],
	budget: { carbonBudgetKt?: number | null; budgetStartYear?: number | null },
	unit?: string
) {
	const { carbonBudgetKt, budgetStartYear } = budget;
	if (carbonBudgetKt == null) return notAvailable('the council has not set a carbon budget');
	if (!(carbonBudgetKt > 0)) {
		return notAvailable(`the carbon budget is ${carbonBudgetKt} kt; expected more than 0`);
	}
	if (budgetStartYear == null) return notAvailable('the carbon budget has no start year');
	const otherUnit = budgetUnitMismatch(unit);
	if (otherUnit) return otherUnit;
	const points = sortedSeries(series);
	const latest = points.at(-1);
	if (!latest || latest.year < budgetStartYear) {
		return notAvailable(
			`there are no figures yet for the budget period, which starts in ${budgetStartYear}`
		);
	}
	const years = yearsFrom(budgetStartYear, latest.year);
	const missing = years.filter((y) => !points.some((p) => p.year === y));
	if (missing.length) return notAvailable(`figures are missing for ${missing.join(', ')}`);
	const usedKt = points.filter((p) => p.year >= budgetStartYear).reduce((s, p) => s + p.valueKt, 0);
	return {
		available: true as const,
		fromYear: budgetStartYear,
		toYear: latest.year,
		budgetKt: carbonBudgetKt,
		usedKt,
		remainingKt: carbonBudgetKt - usedKt,
		sharePct: (usedKt / carbonBudgetKt) * 100
	};
}
