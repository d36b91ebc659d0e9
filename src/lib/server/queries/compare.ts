/**
 * The compare table's rows: one per current council, its targets, declaration, emissions change
 * and per head, on-track status, funding figures (published awards of the money chosen: net-zero
 * by default) and actions, each from the query the council's own pages use, so the table cannot
 * disagree with them. Used by /compare and /api/compare. Councils' own bid records are not in
 * it: kept by a few councils, partial and partly private, they cannot be compared across all.
 */
import type { CompareRow } from '../../compare/columns';
import type { RowStatus } from '../../progress-filter';
import type { FragmentationSummary, MoneyScope } from '../metrics/funding';
import { councilMapStatus, type TargetStatus } from '../metrics/national-progress';
import { baselineFor, changeSinceBaseline, MEASURE_LABELS } from '../metrics/target-progress';
import { tierGroup } from '../metrics/tier-group';
import { countActionsByAuthority } from './actions';
import { allCurrentAreaSeries, type ProgressSeries } from './area-series';
import { listAuthorities } from './authorities';
import { listAllDeclarations } from './commitments';
import { serverDb, type Db } from './connection';
import { cachedByDataVersion } from './data-version-cache';
import type { EmissionMeasure } from './emissions';
import { listAuthorityPopulations } from './funding-facts';
import { getNationalFunding } from './national-funding';
import { computeNationalProgress, type NationalProgress } from './national-progress';

export interface CompareOptions {
	measure: EmissionMeasure;
	windowYears: number;
	/** Which money the funding columns count. */
	money: MoneyScope;
}

/** Change since 2005 and the latest year per head, from the council's current series. */
export function emissionsFigures(series: ProgressSeries | undefined) {
	const none = { emissionsChangePct: null, emissionsPerHeadT: null, emissionsYear: null };
	if (!series?.points.length) return none;
	const latest = series.points.at(-1)!;
	const baseline = baselineFor({ scope: 'whole_area', targetYear: null }, series.points);
	const change = baseline.available ? changeSinceBaseline(baseline, series.points) : null;
	return {
		emissionsChangePct: change?.available ? change.pct : null,
		// kt → t is × 1000; then per person.
		emissionsPerHeadT: latest.population ? (latest.valueKt * 1000) / latest.population : null,
		emissionsYear: latest.year
	};
}

/**
 * A council's funding columns. With no published award led (of the money counted) every one is
 * null: award lists are partial, so 0 pots would read as knowledge the lists do not hold.
 */
export function fundingFigures(f: FragmentationSummary | undefined) {
	const led = Boolean(f && f.awards > 0);
	return {
		ledAward: led,
		perHeadGbp: led ? f!.perHeadGbp : null,
		potsWon: led ? f!.potsWon : null,
		effectivePots: led ? f!.effectivePots : null,
		competitiveShare: led ? f!.competitiveShare : null
	};
}

/** One status per council: its earliest whole-area target's, as on the national map. */
function statusByCouncil(rows: NationalProgress['rows']) {
	const targets = new Map<string, { targetYear: number | null; status: TargetStatus }[]>();
	for (const r of rows) {
		if (r.status === 'no_target') continue;
		const list = targets.get(r.code);
		const t = { targetYear: r.targetYear, status: r.status };
		if (list) list.push(t);
		else targets.set(r.code, [t]);
	}
	return (code: string): RowStatus => {
		const own = targets.get(code);
		return own ? (councilMapStatus(own) ?? 'none') : 'no_target';
	};
}

/** The table computed afresh: pages call getCompareRows below. */
export function computeCompareRows(options: CompareOptions, db: Db) {
	const councils = listAuthorities({}, db);
	const series = allCurrentAreaSeries(options.measure, db);
	const progress = computeNationalProgress(options, db, series);
	const statusOf = statusByCouncil(progress.rows);
	const people = new Map(listAuthorityPopulations(db).map((p) => [p.code, p.population]));
	const declarations = listAllDeclarations(db);
	const national = getNationalFunding(null, db, options.money);
	const funding = new Map(national.authorities.map((a) => [a.code, a]));
	const actions = countActionsByAuthority(db);
	const measure = MEASURE_LABELS[options.measure];
	const rows: CompareRow[] = councils.map((a) => {
		const s = series.get(a.code);
		const f = funding.get(a.code);
		const d = declarations.get(a.code);
		const act = actions.get(a.code);
		return {
			code: a.code,
			gssCode: a.gssCode,
			name: a.name,
			nation: a.nation,
			region: a.region || null,
			type: a.type,
			typeName: a.typeName,
			tierGroup: tierGroup(a.type),
			population: people.get(a.code) ?? null,
			areaTargetYear: a.areaTargetYear,
			councilTargetYear: a.councilTargetYear,
			declared: d?.declared ? (d.dateMade ?? null) : null,
			...emissionsFigures(s),
			measure,
			releaseLabel: s?.releaseLabel ?? null,
			status: statusOf(a.code),
			...fundingFigures(f),
			actionsComplete: act?.complete ?? null,
			actionsTotal: act?.total ?? null
		};
	});
	return {
		measure: options.measure,
		measureLabel: measure,
		money: options.money,
		notCounted: national.notCounted,
		rows,
		releaseLabels: progress.releaseLabels,
		otherGases: progress.otherGases
	};
}

const cachedCompare = cachedByDataVersion(
	'compare',
	(options: CompareOptions, db: Db) => computeCompareRows(options, db),
	(o) => `${o.measure}:${o.windowYears}:${o.money}`
);

/**
 * The table, the same for every viewer (published figures only), so one cached result per
 * measure, window and money serves all until the data changes (data-version-cache.ts).
 */
export function getCompareRows(options: CompareOptions, db: Db = serverDb()): CompareData {
	return cachedCompare(options, db);
}

export type CompareData = ReturnType<typeof computeCompareRows>;
