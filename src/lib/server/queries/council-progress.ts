/**
 * Progress of one council toward its targets, read once for the progress page, the committee
 * report and the API: each whole-area and council-operations target with its figures
 * (metrics/target-progress.ts) on the current release, and the action plan as a committee reads
 * it (metrics/actions-progress.ts) on today's date.

 */
import {
	actionCounts,
	assessAction,
	groupActions,
	savingsAgainstGap
} from '../metrics/actions-progress';
import { carbonBudgetView } from '../metrics/carbon-budget';
import { targetProgress, type ProgressTarget, type TargetScope } from '../metrics/target-progress';
import { PUBLIC, type Viewer } from '../accounts/viewer';
import { listStatusOverrides, overridesInForce } from '../records/status-overrides';
import { listActions } from './actions';
import { listInterimTargets, listTargets, type TargetRow } from './commitments';
import { serverDb, type Db } from './connection';
import { listCouncilEmissions, type CouncilEmissionsRow } from './council-emissions';
import { currentAreaSeries, DEFAULT_WHOLE_AREA_MEASURE, type ProgressSeries } from './area-series';
import type { EmissionMeasure } from './emissions';

/**
 * The council's own reported emissions from its operations, scopes 1 and 2, in kt. Scope 3 is
 * left out of the line because councils report it for some years and some categories only: a
 * line that gained scope 3 in one year would show a rise that is only a change of boundary.
 */
export function councilReportedSeries(rows: readonly CouncilEmissionsRow[]): ProgressSeries | null {
	const points = rows
		.filter((r) => r.scope1T != null || r.scope2T != null)
		.map((r) => ({ year: r.year, valueKt: ((r.scope1T ?? 0) + (r.scope2T ?? 0)) / 1000 }));
	if (!points.length) return null;
	const sources = [...new Set(rows.map((r) => r.method).filter(Boolean))];
	return {
		measure: 'council_reported',
		unit: 'kt CO2e',
		releaseLabel: `the council's own greenhouse gas reports${sources.length ? ` (${sources.join('; ')})` : ''}, scopes 1 and 2`,
		sources: [],
		release: null,
		isAggregate: false,
		points,
		windowEndYear: null,
		sum: null,
		old: null,
		otherGases: null
	};
}

const PROGRESS_SCOPES: readonly TargetScope[] = ['whole_area', 'council_operations'];

export interface ProgressOptions {
	/** Which whole-area measure the targets are judged on. */
	measure?: EmissionMeasure;
	windowYears?: number;
	/** ISO date; the UK's today when not given. */
	today: string;
	/** Who is asking: the public see the council's public actions only. */
	viewer?: Viewer;
}

/** Everything the progress page and the committee report print for one council. */
export function getCouncilProgress(code: string, options: ProgressOptions, db: Db = serverDb()) {
	const areaMeasure = options.measure ?? DEFAULT_WHOLE_AREA_MEASURE;
	const areaSeries = currentAreaSeries(code, db);
	const ownRows = listCouncilEmissions(code, db);
	const ownSeries = councilReportedSeries(ownRows);
	const interim = listInterimTargets(code, db);
	const allTargets = listTargets(code, db);
	const overrides = overridesInForce(listStatusOverrides(code, options.viewer ?? PUBLIC, db));
	// The measure each scope is judged on here: an override belongs to one measure.
	const measureFor = (scope: TargetScope) =>
		scope === 'council_operations' ? ('council_reported' as const) : areaMeasure;
	const seriesFor = (scope: TargetScope) =>
		scope === 'council_operations'
			? ownSeries
			: (areaSeries.find((s) => s.measure === areaMeasure) ?? null);

	const targets = allTargets
		.filter((t) => PROGRESS_SCOPES.includes(t.scope as TargetScope))
		.map((row) => {
			const scope = row.scope as TargetScope;
			const series = seriesFor(scope);
			const target = progressTarget(row, interim);
			const measure = measureFor(scope);
			const progress = series
				? targetProgress({
						target,
						measure: series.measure,
						series: series.points,
						// The window ends at the release's last year (not the council's own), as on
						// the national page, so a series that stops early is not taken as current.
						trend: {
							windowYears: options.windowYears,
							windowEndYear: series.windowEndYear ?? undefined
						},
						notJudged: series.old,
						unit: series.unit
					})
				: null;
			return {
				row,
				series,
				measure,
				/** An officer's status with its reason, printed beside the calculated one. */
				override: overrides.get(row, measure),
				overrideHistory: overrides.history(row, measure),
				progress,
				/**
				 * A whole-area target's emissions to its target year on each path, and against the
				 * council's carbon budget; null for council operations or without figures.
				 */
				carbonBudget:
					scope === 'whole_area' && series && progress?.available
						? carbonBudgetView({
								targetYear: target.targetYear,
								series: series.points,
								unit: series.unit,
								trend: progress.trend,
								budget: target,
								notJudged: series.old
							})
						: null
			};
		});

	const actionRows = listActions(code, db, options.viewer);
	const assessed = actionRows.map((a) => ({ ...a, assessed: assessAction(a, options.today) }));
	// Savings are set against the gap on the first whole-area target with a path (the one the
	// area's actions work toward); council-operations savings are too few to be worth a second.
	const firstAreaPath = targets.find(
		(t) => t.row.scope === 'whole_area' && t.progress?.available && t.progress.path.available
	);
	const path =
		firstAreaPath?.progress?.available && firstAreaPath.progress.path.available
			? firstAreaPath.progress.path
			: null;

	return {
		areaMeasure,
		areaSeries,
		ownSeries,
		ownRows,
		hasWholeAreaTarget: allTargets.some((t) => t.scope === 'whole_area'),
		hasOperationsTarget: allTargets.some((t) => t.scope === 'council_operations'),
		targets,
		otherTargets: allTargets.filter((t) => !PROGRESS_SCOPES.includes(t.scope as TargetScope)),
		actions: {
			rows: assessed,
			counts: actionCounts(actionRows, options.today),
			byStatus: groupActions(actionRows, options.today, 'status'),
			bySector: groupActions(actionRows, options.today, 'sector'),
			savings: path
				? savingsAgainstGap(actionRows, path)
				: ({ available: false, reason: 'no whole-area target has a straight-line path' } as const)
		}
	};
}

export type CouncilProgress = ReturnType<typeof getCouncilProgress>;

function progressTarget(
	row: TargetRow,
	interim: ReturnType<typeof listInterimTargets>
): ProgressTarget {
	return {
		scope: row.scope as TargetScope,
		targetYear: row.targetYear,
		baselineYear: row.baselineYear,
		baselineKt: row.baselineKt,
		interim: interim.filter((i) => i.targetId === row.id),
		carbonBudgetKt: row.carbonBudgetKt,
		budgetStartYear: row.budgetStartYear
	};
}
