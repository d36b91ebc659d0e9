/**
 * Every current council's whole-area net-zero targets judged on its current series in one
 * measure, for the national progress page and its downloads: one row per target, and one per
 * council without a whole-area target, so nothing is dropped silently. A target that cannot be
 * judged (no year, no figures in the measure, no trend) keeps its row with the reason.
 */
import type { RowStatus } from '../../progress-filter';
import { projectionText } from '../../progress-text';
import { nationalCounts, TARGET_BANDS } from '../metrics/national-progress';
import { DEFAULT_WINDOW_YEARS } from '../metrics/trajectory';
import { MEASURE_LABELS, targetProgress } from '../metrics/target-progress';
import { UPPER_TIERS } from './area-members';
import {
	allCurrentAreaSeries,
	DEFAULT_WHOLE_AREA_MEASURE,
	type ProgressSeries
} from './area-series';
import { noSumReason } from './upper-tier-series';
import { listAuthorities, type AuthoritySummary } from './authorities';
import { listAllTargets } from './commitments';
import { serverDb, type Db } from './connection';
import { cachedByDataVersion } from './data-version-cache';
import type { EmissionMeasure } from './emissions';

export interface NationalProgressOptions {
	measure: EmissionMeasure;
	windowYears: number;
}

export interface CouncilProgressRow {
	code: string;
	gssCode: string | null;
	name: string;
	type: string;
	typeName: string;
	nation: string;
	region: string | null;
	/** Null when the target names no year, or the council has no whole-area target. */
	targetYear: number | null;
	status: RowStatus;
	/** Why there is no status; null when there is one. */
	reason: string | null;
	yearsAfterTarget: number | null;
	latestYear: number | null;
	latestKt: number | null;
	unit: string | null;
	projectedYear: number | null;
	/** "2051", "Not on the current trend", "Reached in 2019", or the reason there is none. */
	projection: string | null;
	releaseLabel: string | null;
	/** For an upper tier judged on its members' figures summed: who, "8 districts". */
	summedFrom: string | null;
}

export const COUNCIL_OPERATIONS_NOTE =
	"Council-operations targets are not judged here: DESNZ publishes no figures for a council's own emissions, only for the area it covers.";

function noFiguresReason(a: AuthoritySummary, measure: EmissionMeasure): string {
	const which = `in this measure (${MEASURE_LABELS[measure]})`;
	// An upper tier's figures are the sum of its members' (area-series.ts): none of them has any.
	return UPPER_TIERS.has(a.tier)
		? `there are no figures ${which} for this council or any of its member councils`
		: `there are no figures for this council ${which}`;
}

function judge(
	a: AuthoritySummary,
	targetYear: number | null,
	series: ProgressSeries | undefined,
	options: NationalProgressOptions
): Omit<CouncilProgressRow, keyof ReturnType<typeof councilFields>> {
	const none = { yearsAfterTarget: null, latestYear: null, latestKt: null, projectedYear: null };
	if (!series?.points.length) {
		const reason = (series && noSumReason(series)) ?? noFiguresReason(a, options.measure);
		return {
			...none,
			targetYear,
			status: 'none',
			reason,
			unit: null,
			projection: null,
			releaseLabel: null,
			summedFrom: null
		};
	}
	const p = targetProgress({
		target: { scope: 'whole_area', targetYear },
		measure: options.measure,
		series: series.points,
		// The window ends at the release's last year, so a series that stops early is not fitted
		// as if it were current.
		trend: { windowYears: options.windowYears, windowEndYear: series.windowEndYear ?? undefined },
		notJudged: series.old
	});
	const source = {
		unit: series.unit,
		releaseLabel: series.releaseLabel,
		summedFrom: series.sum?.inUse ? series.sum.membersPhrase : null
	};
	if (!p.available) {
		return { ...none, ...source, targetYear, status: 'none', reason: p.reason, projection: null };
	}
	return {
		...source,
		targetYear,
		status: p.status.available ? p.status.colour : 'none',
		reason: p.status.available ? null : p.status.reason,
		yearsAfterTarget: p.status.available ? p.status.yearsAfterTarget : null,
		latestYear: p.latest.year,
		latestKt: p.latest.valueKt,
		projectedYear: p.projection.available ? p.projection.year : null,
		projection: p.projection.available ? projectionText(p) : null
	};
}

const councilFields = (a: AuthoritySummary) => ({
	code: a.code,
	gssCode: a.gssCode,
	name: a.name,
	type: a.type,
	typeName: a.typeName,
	nation: a.nation,
	region: a.region
});

/**
 * The rows, the counts over the targets, and what the page says about what is left out, computed
 * afresh: pages call getNationalProgress below.
 */
export function computeNationalProgress(
	options: NationalProgressOptions,
	db: Db,
	// A caller that needs the series too (the compare table) passes them, so they are read once.
	series: Map<string, ProgressSeries> = allCurrentAreaSeries(options.measure, db)
) {
	const councils = listAuthorities({}, db);
	const current = new Set(councils.map((a) => a.code));
	const allTargets = listAllTargets(db);
	const rows: CouncilProgressRow[] = [];
	for (const a of councils) {
		const targets = (allTargets.get(a.code) ?? []).filter((t) => t.scope === 'whole_area');
		if (!targets.length) {
			rows.push({
				...councilFields(a),
				...judge(a, null, series.get(a.code), options),
				status: 'no_target',
				reason: 'the council has no whole-area net-zero target in the promises data'
			});
			continue;
		}
		for (const t of targets) {
			rows.push({ ...councilFields(a), ...judge(a, t.targetYear, series.get(a.code), options) });
		}
	}
	const judged = rows.filter((r) => r.status !== 'no_target') as (CouncilProgressRow & {
		status: Exclude<RowStatus, 'no_target'>;
	})[];
	let abolishedAreaTargets = 0;
	let councilOperationsTargets = 0;
	for (const [code, targets] of allTargets) {
		for (const t of targets) {
			if (t.scope === 'whole_area' && !current.has(code)) abolishedAreaTargets += 1;
			if (t.scope === 'council_operations' && current.has(code)) councilOperationsTargets += 1;
		}
	}
	return {
		measure: options.measure,
		measureLabel: MEASURE_LABELS[options.measure],
		windowYears: options.windowYears,
		rows,
		counts: nationalCounts(judged),
		councils: councils.length,
		councilsWithTarget: new Set(judged.map((r) => r.code)).size,
		abolishedAreaTargets,
		councilOperationsTargets,
		otherGases: otherGasesSetAside(series),
		// The releases themselves: a sum's label names its members, which the sources line does not.
		releaseLabels: [
			...new Set(rows.flatMap((r) => (r.releaseLabel ? series.get(r.code)!.sources : [])))
		]
	};
}

/**
 * The councils whose newest figures cover other gases than this table's, so are not used in it
 * (table-gases.ts): the page names them, so a reader who imported them knows where they went.
 */
function otherGasesSetAside(series: Map<string, ProgressSeries>) {
	const councils: string[] = [];
	const releases = new Set<string>();
	let unit: string | null = null;
	for (const [code, s] of series) {
		if (!s.otherGases) continue;
		councils.push(code);
		releases.add(s.otherGases.label);
		unit = s.otherGases.unit;
	}
	return councils.length ? { councils, releases: [...releases], unit: unit! } : null;
}

const cachedProgress = cachedByDataVersion(
	'national progress',
	(options: NationalProgressOptions, db: Db) => computeNationalProgress(options, db),
	(o) => `${o.measure}:${o.windowYears}`
);

/**
 * The national progress, the same for every viewer (no private field goes into it), so one
 * cached result per measure and window serves all until the data changes (data-version-cache.ts).
 */
export function getNationalProgress(
	options: NationalProgressOptions,
	db: Db = serverDb()
): NationalProgress {
	return cachedProgress(options, db);
}

export type NationalProgress = ReturnType<typeof computeNationalProgress>;

const MEASURE_WORDS: Record<EmissionMeasure, string> = {
	territorial: 'territorial greenhouse gas emissions (DESNZ)',
	scope_of_influence: "CO2 emissions within the council's scope of influence (DESNZ)"
};

/**
 * The home page's headline: the whole-area targets of current councils on the default measure and
 * window, counted as /progress counts them (the same cached result), so the two cannot differ.
 */
export function getProgressHeadline(db: Db = serverDb()) {
	const p = getNationalProgress(
		{ measure: DEFAULT_WHOLE_AREA_MEASURE, windowYears: DEFAULT_WINDOW_YEARS },
		db
	);
	const by2030 = p.counts.byBand.find((g) => g.label === TARGET_BANDS[0]);
	return {
		measure: p.measure,
		measureLabel: p.measureLabel,
		windowYears: p.windowYears,
		counts: p.counts.all,
		councilsWithTarget: p.councilsWithTarget,
		/** Targets for 2030 or sooner. */
		by2030: by2030?.counts.total ?? 0,
		abolishedAreaTargets: p.abolishedAreaTargets,
		rule: `On track means the straight line fitted to the last ${p.windowYears} years of the area's ${MEASURE_WORDS[p.measure]} reaches zero by the target year.`
	};
}
