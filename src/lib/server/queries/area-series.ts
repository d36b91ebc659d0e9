/**
 * The whole-area emissions series a council's progress is judged on, for one council (the
 * progress page and the report) or every council at once (the national view).
 *
 * The current release, and why one: a line is drawn from one release only, never spliced (a new
 * release revises the whole back-series). For a measure, the series in force is the release
 * holding the council whose last year is latest, the newest release among equals: the DESNZ
 * 2005–2023 totals for a district or unitary.
 *
 * One measure, one unit: every council's series in a measure is in the same gases (table-gases.ts),
 * so a council whose newest release covers other gases stays on its newest in the table's gases,
 * and the series says which newer release was set aside (`otherGases`).
 *
 * A county, combined authority or the GLA has no figures in those totals, only its own figure in
 * the 2005–2020 series: its series is the sum of its member councils' current series
 * (upper-tier-series.ts), each member from the release in force for it, on both measures.
 */
import { asc, isNotNull, sql, sum } from 'drizzle-orm';
import { authorityPopulations, emissions } from '../db/schema';
import { totalsByYear } from '../metrics/emissions';
import type { YearValue } from '../metrics/series';
import type { ProgressMeasure } from '../metrics/target-progress';
import { areaMembersOf, listAreaMembers } from './area-members';
import { preparedQuery, serverDb, type Db } from './connection';
import {
	readAuthorityEmissions,
	listEmissionReleases,
	measureGases,
	type EmissionMeasure,
	type EmissionRelease,
	type Gases
} from './emissions';
import { tableGases, unitOfGases } from './table-gases';
import { upperTierSeries, type AreaSum } from './upper-tier-series';

export const WHOLE_AREA_MEASURES = ['territorial', 'scope_of_influence'] as const;
/** Territorial is all of the area's emissions; scope of influence leaves out what a council cannot touch. */
export const DEFAULT_WHOLE_AREA_MEASURE: EmissionMeasure = 'territorial';

export interface ProgressSeries {
	measure: ProgressMeasure;
	unit: string;
	/** What the figures are and where from, for the chart's source line. */
	releaseLabel: string;
	/** The labels of the releases the figures come from (several for a sum, at most). */
	sources: string[];
	/** The one release the figures come from; null for a sum of members in different releases. */
	release: EmissionRelease | null;
	isAggregate: boolean;
	points: YearValue[];
	/**
	 * The year the trend window ends: the last year of the release(s) in force for the area, not
	 * the series' own last year, so a series that stops early is not fitted as if it were current.
	 */
	windowEndYear: number | null;
	/** For a county, combined authority or the GLA: the members summed and what the sum leaves out. */
	sum: AreaSum | null;
	/** Why the figures are old and so shown but not judged; null when they are current. */
	old: string | null;
	/**
	 * A release held for the council that would have been current but covers other gases than
	 * this measure is judged in everywhere, so it is not used here; null when there is none.
	 */
	otherGases: OtherGasesRelease | null;
}

export interface OtherGasesRelease {
	label: string;
	unit: string;
	lastYear: number;
}

/** The rule above: the latest last year wins, then the newest release (the higher id). */
export function pickCurrent<T extends { releaseId: number; lastYear: number }>(
	candidates: readonly T[]
): T | undefined {
	return [...candidates].sort((a, b) => b.lastYear - a.lastYear || b.releaseId - a.releaseId)[0];
}

/** The fields a council's own series takes from its one release. */
const ofRelease = (release: EmissionRelease) => ({
	releaseLabel: release.label,
	sources: [release.label],
	release,
	windowEndYear: release.yearTo,
	sum: null,
	old: null,
	otherGases: null
});

/** The whole-area series in force for each measure the council has figures in. */
export function currentAreaSeries(code: string, db: Db = serverDb()): ProgressSeries[] {
	const area = areaMembersOf(code, db);
	const own = ownAreaSeries(code, db);
	if (!area) return own;
	const members = new Map(area.members.map((m) => [m.code, ownAreaSeries(m.code, db)]));
	return WHOLE_AREA_MEASURES.flatMap((measure) => {
		const inMeasure = (list: ProgressSeries[] | undefined) =>
			list?.find((x) => x.measure === measure);
		const s = upperTierSeries(area, inMeasure(own), (c) => inMeasure(members.get(c)));
		return s ? [s] : [];
	});
}

/** A council's own figures in each measure, from the release in force for it in the table's gases. */
function ownAreaSeries(code: string, db: Db): ProgressSeries[] {
	const gasesOf = (measure: EmissionMeasure) => tableGases(measure, db);
	const read = readAuthorityEmissions(code, db);
	const held = read(gasesOf);
	const heldInAnyGases = read();
	const out: ProgressSeries[] = [];
	for (const measure of WHOLE_AREA_MEASURES) {
		const current = (list: typeof held) =>
			pickCurrent(
				list
					.filter((e) => e.measure === measure && e.rows.length)
					.map((e) => ({
						e,
						releaseId: e.releases.at(-1)!.id,
						lastYear: Math.max(...e.rows.map((r) => r.year))
					}))
			);
		const chosen = current(held)?.e;
		if (!chosen) continue;
		const release = chosen.releases.at(-1)!;
		out.push({
			...ofRelease(release),
			measure,
			unit: unitOfGases(chosen.gases),
			isAggregate: chosen.isAggregate,
			points: totalsByYear(chosen.rows).map((t) => ({
				year: t.year,
				valueKt: t.totalKt,
				population: chosen.populationByYear[t.year] ?? null
			})),
			otherGases: setAside(current(heldInAnyGases), chosen.gases)
		});
	}
	return out;
}

/** The release the rule would pick in any gases, when its gases are not the table's. */
function setAside(
	pick: { e: { releases: EmissionRelease[]; gases: Gases }; lastYear: number } | undefined,
	tableGasesOfMeasure: Gases
): OtherGasesRelease | null {
	if (!pick || pick.e.gases === tableGasesOfMeasure) return null;
	return {
		label: pick.e.releases.at(-1)!.label,
		unit: unitOfGases(pick.e.gases),
		lastYear: pick.lastYear
	};
}

// Every council's yearly totals in each release, in one pass over the covering index.
const totalsQuery = (column: typeof emissions.territorialKt | typeof emissions.influenceKt) =>
	preparedQuery((db) =>
		db
			.select({
				releaseId: emissions.releaseId,
				code: emissions.authorityCode,
				year: emissions.year,
				valueKt: sum(column).mapWith(Number),
				isAggregate: sql<number>`max(${emissions.isAggregate})`.mapWith(Boolean)
			})
			.from(emissions)
			.where(isNotNull(column))
			.groupBy(emissions.releaseId, emissions.authorityCode, emissions.year)
			.orderBy(asc(emissions.authorityCode), asc(emissions.year))
			.prepare()
	);

const TOTALS = {
	territorial: totalsQuery(emissions.territorialKt),
	scope_of_influence: totalsQuery(emissions.influenceKt)
};

const populationsQuery = preparedQuery((db) =>
	db
		.select({
			code: authorityPopulations.authorityCode,
			year: authorityPopulations.year,
			population: authorityPopulations.population,
			datasetKey: authorityPopulations.datasetKey
		})
		.from(authorityPopulations)
		.prepare()
);

type TotalRow = ReturnType<ReturnType<(typeof TOTALS)['territorial']>['all']>[number];

/** Every council's current series in one measure, by council code. */
export function allCurrentAreaSeries(
	measure: EmissionMeasure,
	db: Db = serverDb()
): Map<string, ProgressSeries> {
	const own = allOwnAreaSeries(measure, db);
	const out = new Map(own);
	for (const [code, area] of listAreaMembers(db)) {
		const s = upperTierSeries(area, own.get(code), (c) => own.get(c));
		if (s) out.set(code, s);
		else out.delete(code);
	}
	return out;
}

/** Every council's own figures in one measure, by council code. */
function allOwnAreaSeries(measure: EmissionMeasure, db: Db): Map<string, ProgressSeries> {
	const releases = new Map(listEmissionReleases(db).map((r) => [r.id, r]));
	const rows = TOTALS[measure](db).all();
	const byCouncil = new Map<string, Map<number, TotalRow[]>>();
	for (const r of rows) {
		if (!releases.has(r.releaseId)) continue;
		let perRelease = byCouncil.get(r.code);
		if (!perRelease) byCouncil.set(r.code, (perRelease = new Map()));
		const list = perRelease.get(r.releaseId);
		if (list) list.push(r);
		else perRelease.set(r.releaseId, [r]);
	}
	const population = new Map<string, number>();
	for (const p of populationsQuery(db).all()) {
		population.set(`${p.datasetKey} ${p.code} ${p.year}`, p.population);
	}
	const gases = tableGases(measure, db);
	const out = new Map<string, ProgressSeries>();
	for (const [code, perRelease] of byCouncil) {
		const candidates = [...perRelease].map(([releaseId, list]) => ({
			releaseId,
			list,
			lastYear: list.at(-1)!.year,
			gases: measureGases(releases.get(releaseId)!, measure)
		}));
		const chosen = pickCurrent(candidates.filter((c) => c.gases === gases));
		if (!chosen) continue;
		const release = releases.get(chosen.releaseId)!;
		const anyGases = pickCurrent(candidates)!;
		out.set(code, {
			...ofRelease(release),
			measure,
			unit: unitOfGases(chosen.gases),
			isAggregate: chosen.list.some((r) => r.isAggregate),
			points: chosen.list.map((r) => ({
				year: r.year,
				valueKt: r.valueKt,
				population: population.get(`${release.datasetKey} ${code} ${r.year}`) ?? null
			})),
			otherGases: setAside(
				{
					e: { releases: [releases.get(anyGases.releaseId)!], gases: anyGases.gases },
					lastYear: anyGases.lastYear
				},
				chosen.gases
			)
		});
	}
	return out;
}
