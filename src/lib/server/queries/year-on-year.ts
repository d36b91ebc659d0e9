/**
 * Year-on-year change for every current council in one measure, ranked (metrics/year-on-year.ts):
 * the national page's most improved councils and each council's place among its similar councils.
 * Every council's current series is read in one pass (area-series.ts), the same for every viewer,
 * so the table is kept per measure until the data changes (data-version-cache.ts): a council's
 * progress page filters it to its peers instead of reading every council again.
 */
import { peerRanking, YEAR_ON_YEAR_RULE, yearOnYearTable } from '../metrics/year-on-year';
import { MEASURE_LABELS } from '../metrics/target-progress';
import { allCurrentAreaSeries } from './area-series';
import { listAuthorities } from './authorities';
import { serverDb, type Db } from './connection';
import { cachedByDataVersion } from './data-version-cache';
import type { EmissionMeasure } from './emissions';
import { getSimilarCouncils } from './similar-councils';

/** How many councils the national list shows. */
export const MOST_IMPROVED_LISTED = 10;

/** The table afresh: pages call getYearOnYear below. */
export function computeYearOnYear(measure: EmissionMeasure, db: Db) {
	const series = allCurrentAreaSeries(measure, db);
	const councils = listAuthorities({}, db).map((a) => {
		const s = series.get(a.code);
		return {
			code: a.code,
			name: a.name,
			typeName: a.typeName,
			series: s ? { unit: s.unit, points: s.points, old: s.old } : null
		};
	});
	return { measure, measureLabel: MEASURE_LABELS[measure], ...yearOnYearTable(councils) };
}

const cached = cachedByDataVersion('year on year', computeYearOnYear, (measure) => measure, 2);

/** Every current council's change in the measure, ranked: one result per measure and data version. */
export function getYearOnYear(measure: EmissionMeasure, db: Db = serverDb()) {
	return cached(measure, db);
}

export type YearOnYear = ReturnType<typeof computeYearOnYear>;

/**
 * The national page's list (and /api/progress's): the largest falls, with the counts of those
 * ranked and left out and the rule; not every council's row, which the page does not print.
 */
export function mostImproved(measure: EmissionMeasure, db: Db = serverDb()) {
	const t = getYearOnYear(measure, db);
	return {
		measureLabel: t.measureLabel,
		unit: t.unit,
		fromYear: t.fromYear,
		toYear: t.toYear,
		top: t.ranked.slice(0, MOST_IMPROVED_LISTED),
		ranked: t.ranked.length,
		councils: t.councils,
		leftOutCounts: t.leftOutCounts,
		rule: YEAR_ON_YEAR_RULE
	};
}

/**
 * A council ranked among its overall similar councils (same powers: tier-group.ts' peer groups,
 * as computed at import), on the national table's years and unit.
 */
export function getPeerYearOnYear(code: string, measure: EmissionMeasure, db: Db = serverDb()) {
	const table = getYearOnYear(measure, db);
	const similar = getSimilarCouncils(code, db);
	return {
		measure,
		...peerRanking(
			table,
			code,
			similar.peers.overall.map((p) => p.code)
		),
		/** Why the council has no similar councils, where it has none. */
		noPeers: similar.peers.overall.length
			? null
			: (similar.excluded.overall ?? 'no similar councils have been computed'),
		nationalRank: table.ranked.find((e) => e.code === code)?.rank ?? null,
		nationalRanked: table.ranked.length
	};
}

export type PeerYearOnYear = ReturnType<typeof getPeerYearOnYear>;
