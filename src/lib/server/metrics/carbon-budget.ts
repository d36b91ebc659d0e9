/**
 * The carbon-budget view of a whole-area target: how much the area would emit in total from the
 * year after its latest figures to the target year, on three paths (the current trend, a straight
 * line to zero, a constant cut of 11.72% a year), and what is left of the council's own carbon
 * budget against each, where one is recorded. A yearly figure says where emissions stand; the
 * total says what reaches the atmosphere, which is what a budget limits. Every figure is in the
 * series' own unit. Pure; unit-tested with the arithmetic worked by hand.
 */
import { notAvailable, sortedSeries, yearsFrom, type YearValue } from './series';
import { budgetUnitMismatch, CARBON_BUDGET_UNIT, carbonBudgetUsed } from './target-context';
import { trendValueAt, type EmissionsTrend } from './trajectory';

/**
 * The "carbon law" (Rockström and others, Science, 2017) as Klimatkollen applies it to Swedish
 * municipalities: emissions cut by 11.72% a year, each year's cut a share of the year before.
 * 0.8828^5.56 = 0.5, so it halves emissions about every five and a half years.
 */
export const CARBON_LAW_RATE_PCT = 11.72;

export const BUDGET_PATHS_EXPLANATION =
	'Each path is the sum of its yearly emissions from the year after the latest figures to the target year, both included, in the unit of the series the target is judged on.';
export const TREND_PATH_RULE =
	'The trend line the projection uses, carried forward a year at a time and never below zero.';
export const STRAIGHT_PATH_RULE =
	'From the latest figure down by the same amount each year to zero in the target year.';
export const CARBON_LAW_RULE = `${CARBON_LAW_RATE_PCT}% less each year than the year before, from the latest figure: the "carbon law" of halving emissions about every five and a half years, as the Swedish municipal tracker Klimatkollen uses it. It never reaches zero.`;
export const BUDGET_RULE = `The council's own carbon budget, less the emissions already published from its start year to the latest year; compared with each path over the years the budget has left. A budget is recorded in ${CARBON_BUDGET_UNIT} and is compared only with figures in that unit.`;

/** One path's yearly emissions (one per year of the view) and their sum. */
export interface PathFigures {
	totalKt: number;
	yearly: number[];
	/** The path's figure in the target year. */
	targetYearKt: number;
}

function figures(yearly: number[]): PathFigures {
	return { totalKt: yearly.reduce((s, v) => s + v, 0), yearly, targetYearKt: yearly.at(-1)! };
}

export interface BudgetInput {
	targetYear: number | null;
	series: readonly YearValue[];
	/** The series' own unit text ("kt CO2e", "kt CO2"): printed with every figure, never assumed. */
	unit: string;
	/** The trend the projection was worked out on (same window, same end year). */
	trend: EmissionsTrend;
	budget: { carbonBudgetKt?: number | null; budgetStartYear?: number | null };
	/** Why the figures must not be judged (old figures); the view is then not worked out. */
	notJudged?: string | null;
}

/** The four paths, or not available with the reason (no year, target passed, old figures). */
export function carbonBudgetView(input: BudgetInput) {
	const { targetYear, unit, trend } = input;
	if (input.notJudged) return notAvailable(input.notJudged);
	if (targetYear === null) return notAvailable('the target names no year');
	const points = sortedSeries(input.series);
	const latest = points.at(-1);
	if (!latest) return notAvailable('there are no emissions figures');
	if (targetYear <= latest.year) {
		return notAvailable(
			targetYear === latest.year
				? `the target year ${targetYear} is the latest year with figures: no years are left to add up`
				: `the target year ${targetYear} has passed: the figures run to ${latest.year}`
		);
	}
	if (!(latest.valueKt > 0)) {
		return notAvailable(
			`the latest figure (${latest.year}) is ${latest.valueKt} ${unit}: a path down to zero needs a figure above zero`
		);
	}
	const years = yearsFrom(latest.year + 1, targetYear);
	const paths = pathsTo(latest, years, trend);
	return {
		available: true as const,
		unit,
		latest: { year: latest.year, valueKt: latest.valueKt },
		fromYear: latest.year + 1,
		toYear: targetYear,
		years,
		paths,
		budget: budgetAgainstPaths(input, points, latest, years, paths)
	};
}

export type CarbonBudgetView = ReturnType<typeof carbonBudgetView>;

/** Each path's yearly figures over `years` (the year after the latest to the target year). */
function pathsTo(latest: YearValue, years: readonly number[], trend: EmissionsTrend) {
	const targetYear = years.at(-1)!;
	const span = targetYear - latest.year;
	const keep = 1 - CARBON_LAW_RATE_PCT / 100;
	const straight = figures(years.map((y) => (latest.valueKt * (targetYear - y)) / span));
	const law = figures(years.map((y) => latest.valueKt * keep ** (y - latest.year)));
	return {
		trend: trend.available
			? {
					available: true as const,
					fitFromYear: trend.fromYear,
					fitToYear: trend.toYear,
					...figures(years.map((y) => Math.max(0, trendValueAt(trend, y))))
				}
			: notAvailable(`there is no trend: ${trend.reason}`),
		straightLine: { available: true as const, ...straight },
		carbonLaw: {
			available: true as const,
			...law,
			ratePct: CARBON_LAW_RATE_PCT,
			/** What is left in the target year: the path never reaches zero. */
			residualKt: law.targetYearKt,
			residualPctOfLatest: (law.targetYearKt / latest.valueKt) * 100
		}
	};
}

type Paths = ReturnType<typeof pathsTo>;

/** A path's emissions over the years the budget has left, against what is left of it. */
function against(path: PathFigures, years: readonly number[], fromYear: number, leftKt: number) {
	const kt = path.yearly.reduce((s, v, i) => (years[i]! >= fromYear ? s + v : s), 0);
	return { available: true as const, kt, overKt: kt - leftKt, over: kt > leftKt };
}

/**
 * What is left of the council's budget after the published years, and each path against it: the
 * budget covers its start year to the target year, the published figures use it up to the latest
 * year, and the paths the years after (or from the start year, when the budget starts later).
 */
function budgetAgainstPaths(
	input: BudgetInput,
	points: readonly YearValue[],
	latest: YearValue,
	years: readonly number[],
	paths: Paths
) {
	const { carbonBudgetKt, budgetStartYear } = input.budget;
	const targetYear = years.at(-1)!;
	if (carbonBudgetKt == null) return notAvailable('the council has not set a carbon budget');
	if (budgetStartYear == null) return notAvailable('the carbon budget has no start year');
	const otherUnit = budgetUnitMismatch(input.unit);
	if (otherUnit) return otherUnit;
	if (budgetStartYear > targetYear) {
		return notAvailable(
			`the budget starts in ${budgetStartYear}, after the target year ${targetYear}`
		);
	}
	let used: { fromYear: number; toYear: number; kt: number } | null = null;
	let usedUpIn: number | null = null;
	if (budgetStartYear <= latest.year) {
		const u = carbonBudgetUsed(points, input.budget);
		if (!u.available) {
			return notAvailable(`${u.reason}, so what is left of the budget cannot be worked out`);
		}
		used = { fromYear: u.fromYear, toYear: u.toYear, kt: u.usedKt };
		let sum = 0;
		for (const p of points.filter((x) => x.year >= budgetStartYear)) {
			sum += p.valueKt;
			if (sum >= carbonBudgetKt) {
				usedUpIn = p.year;
				break;
			}
		}
	} else if (!(carbonBudgetKt > 0)) {
		return notAvailable(`the carbon budget is ${carbonBudgetKt} kt; expected more than 0`);
	}
	const leftKt = carbonBudgetKt - (used?.kt ?? 0);
	const fromYear = Math.max(budgetStartYear, latest.year + 1);
	const cmp = (p: { available: true } & PathFigures) => against(p, years, fromYear, leftKt);
	// The year the trend uses up what is left: the first whole year its running sum reaches it.
	let trendUsesUpIn: number | null = null;
	if (usedUpIn === null && paths.trend.available) {
		let sum = 0;
		for (const [i, y] of years.entries()) {
			if (y < fromYear) continue;
			sum += paths.trend.yearly[i]!;
			if (sum >= leftKt) {
				trendUsesUpIn = y;
				break;
			}
		}
	}
	return {
		available: true as const,
		budgetKt: carbonBudgetKt,
		startYear: budgetStartYear,
		/** The published years the budget has used; null when it starts after them. */
		used,
		/** Negative when the published years have used more than the whole budget. */
		leftKt,
		/** The years the rest of the budget covers: the paths are summed over these. */
		fromYear,
		toYear: targetYear,
		/** The published year the budget was used up in; null while some is left. */
		usedUpIn,
		/** On the trend, the year what is left is used up; null when it lasts to the target year. */
		trendUsesUpIn,
		paths: {
			trend: paths.trend.available ? cmp(paths.trend) : paths.trend,
			straightLine: cmp(paths.straightLine),
			carbonLaw: cmp(paths.carbonLaw)
		}
	};
}
