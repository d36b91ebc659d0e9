/**
 * Progress against one net-zero target (council operations or whole area): the baseline, change
 * since it, the trend and its projected net-zero year, the headline status, and its context
 * (straight-line path, needed and achieved cuts, interim targets, carbon budget). Each figure is
 * a number with its explanation, or "not available" with the reason. Pure; unit-tested.
 */
import { notAvailable, sortedSeries, type YearValue } from './series';
import {
	carbonBudgetUsed,
	pathPosition,
	reductionAchieved,
	reductionNeeded,
	type Baseline
} from './target-context';
import {
	emissionsTrend,
	headlineStatus,
	projectNetZero,
	trendValueAt,
	type EmissionsTrend,
	type TrendOptions
} from './trajectory';

export type TargetScope = 'council_operations' | 'whole_area';
export type ProgressMeasure = 'territorial' | 'scope_of_influence' | 'council_reported';

/** The figures each scope is measured with: an area by DESNZ's measures, a council by its own. */
export const MEASURES_FOR_SCOPE: Record<TargetScope, readonly ProgressMeasure[]> = {
	whole_area: ['territorial', 'scope_of_influence'],
	council_operations: ['council_reported']
};

const SCOPE_MEASURED_BY: Record<TargetScope, string> = {
	whole_area: "DESNZ's territorial or scope-of-influence figures for the area",
	council_operations: "the council's own reported emissions"
};

export const MEASURE_LABELS: Record<ProgressMeasure, string> = {
	territorial: 'Territorial greenhouse gas emissions of the whole area (kt CO2e), DESNZ',
	scope_of_influence: "CO2 emissions within the council's scope of influence (kt CO2), DESNZ",
	council_reported: "The council's own reported emissions from its operations (kt CO2e)"
};

/** The first year of DESNZ's local authority series, used when a target names no baseline. */
export const DEFAULT_BASELINE_YEAR = 2005;

export const BASELINE_EXPLANATION = `The baseline is the target's own baseline year and figure where the council gives them, otherwise ${DEFAULT_BASELINE_YEAR}, the first year of the DESNZ series, and the page says which.`;
export const CHANGE_EXPLANATION =
	"Change since the baseline is the latest year's emissions less the baseline's, in kt and as a % of the baseline, and per head in tonnes a person using each year's mid-year population.";
export const INTERIM_EXPLANATION =
	'An interim target is a % cut from the baseline by its year: a year already published is judged on its figure, a later one on where the trend line stands in that year.';

export interface ProgressTarget {
	scope: TargetScope;
	targetYear: number | null;
	baselineYear?: number | null;
	baselineKt?: number | null;
	interim?: readonly { year: number; reductionPct: number }[];
	carbonBudgetKt?: number | null;
	budgetStartYear?: number | null;
}

/**
 * The target's own baseline, or DEFAULT_BASELINE_YEAR from the series. A baseline figure the
 * council gives is taken as being in the same measure as the series; the caller pairs them.
 */
export function baselineFor(target: ProgressTarget, series: readonly YearValue[]) {
	const year = target.baselineYear ?? DEFAULT_BASELINE_YEAR;
	const yearFrom = target.baselineYear != null ? ('target' as const) : ('default' as const);
	if (target.baselineKt != null && target.baselineYear != null) {
		const valueFrom = 'target' as const;
		return {
			available: true as const,
			year,
			valueKt: target.baselineKt,
			yearFrom,
			valueFrom,
			note: null
		};
	}
	// A figure without its year cannot be placed on the path; say that it was set aside.
	const note =
		target.baselineKt != null
			? `the target's baseline of ${target.baselineKt} kt names no year, so the ${year} figure of this series is used`
			: null;
	const point = sortedSeries(series).find((p) => p.year === year);
	if (!point)
		return notAvailable(`there is no figure for the baseline year ${year} in this series`);
	const valueFrom = 'series' as const;
	return { available: true as const, year, valueKt: point.valueKt, yearFrom, valueFrom, note };
}

/** Latest against baseline, in total and per head. */
export function changeSinceBaseline(baseline: Baseline, series: readonly YearValue[]) {
	const points = sortedSeries(series);
	const latest = points.at(-1);
	if (!latest) return notAvailable('there are no emissions figures');
	if (!(baseline.valueKt > 0)) {
		return notAvailable(
			`the baseline is ${baseline.valueKt} kt: a change in % needs a baseline above zero`
		);
	}
	const totalKt = latest.valueKt - baseline.valueKt;
	const basePopulation = points.find((p) => p.year === baseline.year)?.population;
	return {
		available: true as const,
		fromYear: baseline.year,
		toYear: latest.year,
		totalKt,
		pct: (totalKt / baseline.valueKt) * 100,
		perHead: perHeadChange(baseline, basePopulation, latest)
	};
}

function perHeadChange(
	baseline: Baseline,
	basePopulation: number | null | undefined,
	latest: YearValue
) {
	if (!basePopulation) return notAvailable(`there is no population for ${baseline.year}`);
	if (!latest.population) return notAvailable(`there is no population for ${latest.year}`);
	// kt → t is × 1000; then per person.
	const baselineT = (baseline.valueKt * 1000) / basePopulation;
	const latestT = (latest.valueKt * 1000) / latest.population;
	const pct = ((latestT - baselineT) / baselineT) * 100;
	return { available: true as const, baselineT, latestT, changeT: latestT - baselineT, pct };
}

/** Each interim target judged on its year's figure, or on the trend line for a year to come. */
export function interimProgress(
	interim: ProgressTarget['interim'],
	baseline: ReturnType<typeof baselineFor>,
	series: readonly YearValue[],
	trend: EmissionsTrend
) {
	const points = sortedSeries(series);
	const latestYear = points.at(-1)?.year ?? -Infinity;
	return [...(interim ?? [])]
		.sort((a, b) => a.year - b.year)
		.map(({ year, reductionPct }) => {
			if (!baseline.available) return { year, reductionPct, result: notAvailable(baseline.reason) };
			// (100 − pct) / 100, not 1 − pct / 100: 1000 × (1 − 0.55) is 449.99999999999994.
			const targetKt = (baseline.valueKt * (100 - reductionPct)) / 100;
			const judge = (basis: 'figure' | 'trend', valueKt: number) => ({
				available: true as const,
				targetKt,
				basis,
				valueKt,
				meets: valueKt <= targetKt
			});
			const figure = points.find((p) => p.year === year);
			const result =
				year <= latestYear
					? figure
						? judge('figure', figure.valueKt)
						: notAvailable(`there is no figure for ${year}`)
					: trend.available
						? judge('trend', trendValueAt(trend, year))
						: notAvailable(`there is no trend: ${trend.reason}`);
			return { year, reductionPct, result };
		});
}

export interface ProgressInput {
	target: ProgressTarget;
	measure: ProgressMeasure;
	series: readonly YearValue[];
	trend?: TrendOptions;
	/**
	 * Why the figures may be shown but must not decide a status (old figures); the status is then
	 * not available with this reason, and every other figure is worked out as usual.
	 */
	notJudged?: string | null;
	/** The series' unit ("kt CO2e"): a carbon budget is set against figures in its unit only. */
	unit?: string;
}

/** Everything the progress page prints for one target. */
export function targetProgress({
	target,
	measure,
	series,
	trend: options,
	notJudged,
	unit
}: ProgressInput) {
	if (!MEASURES_FOR_SCOPE[target.scope].includes(measure)) {
		const scope = target.scope.replace('_', ' ');
		const wanted = SCOPE_MEASURED_BY[target.scope];
		return notAvailable(
			`a ${scope} target is measured by ${wanted}, not by "${MEASURE_LABELS[measure]}"`
		);
	}
	const points = sortedSeries(series);
	const latest = points.at(-1);
	if (!latest)
		return notAvailable(`there are no figures in this measure (${MEASURE_LABELS[measure]})`);
	const { targetYear } = target;
	const baseline = baselineFor(target, points);
	const trend = emissionsTrend(points, options);
	const projection = projectNetZero(points, trend);
	const fromBaseline = <T>(f: (b: Baseline) => T) =>
		baseline.available ? f(baseline) : notAvailable(baseline.reason);
	return {
		available: true as const,
		scope: target.scope,
		measure,
		measureLabel: MEASURE_LABELS[measure],
		targetYear,
		targetPassed: targetYear !== null && targetYear <= latest.year,
		latest: { year: latest.year, valueKt: latest.valueKt },
		baseline,
		change: fromBaseline((b) => changeSinceBaseline(b, points)),
		trend,
		projection,
		status: notJudged ? notAvailable(notJudged) : headlineStatus(projection, targetYear),
		path: fromBaseline((b) => pathPosition(b, targetYear, latest)),
		needed: fromBaseline((b) => reductionNeeded(b, targetYear, latest)),
		achieved: reductionAchieved(points, trend),
		interim: interimProgress(target.interim, baseline, points, trend),
		budget: carbonBudgetUsed(points, target, unit)
	};
}
