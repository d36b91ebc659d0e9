/**
 * Emissions of one authority by year and sector, for each dataset and measure held.
 *
 * Which release a series comes from, and why: a new release of a dataset revises the whole
 * back-series, so it replaces the older ones; but it may cover only some councils (a data lab's
 * file for 16 councils), so the choice is made per council, never nationally. The release in
 * force for a council and year is the newest (last imported) release holding that council and
 * year. A chart draws a council's line from ONE release, never splicing two: for each dataset and
 * measure it takes the newest release holding that council, and draws that release's years. Each
 * point is therefore the one in force for its year; a year only an older release holds is not
 * drawn on that line (it belongs to a superseded release).
 */
import { and, asc, eq, isNotNull, max, sql, sum } from 'drizzle-orm';
import { authorityPopulations, EMISSION_TOTAL, emissionReleases, emissions } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';

export type EmissionMeasure = 'territorial' | 'scope_of_influence';
export type Gases = 'co2' | 'ghg';

export interface EmissionRelease {
	id: number;
	datasetKey: string;
	gases: Gases;
	/** The scope-of-influence measure's gases where they differ from `gases`. */
	influenceGases: Gases | null;
	label: string;
	releaseDate: string | null;
	yearFrom: number | null;
	yearTo: number | null;
}

export interface SectorYearRow {
	year: number;
	sector: string;
	valueKt: number;
}

export interface AuthorityEmissions {
	measure: EmissionMeasure;
	/** The one release the series comes from (a list, for the callers that show several). */
	releases: EmissionRelease[];
	/** The gases this measure covers in that release. */
	gases: Gases;
	isAggregate: boolean;
	/** True when the release gives totals only: its one "sector" is EMISSION_TOTAL. */
	totalsOnly: boolean;
	rows: SectorYearRow[];
	populationByYear: Record<number, number>;
}

const releasesQuery = preparedQuery((db) =>
	db
		.select({
			id: emissionReleases.id,
			datasetKey: emissionReleases.datasetKey,
			gases: emissionReleases.gases,
			influenceGases: emissionReleases.influenceGases,
			label: emissionReleases.label,
			releaseDate: emissionReleases.releaseDate,
			yearFrom: emissionReleases.yearFrom,
			yearTo: emissionReleases.yearTo
		})
		.from(emissionReleases)
		.where(isNotNull(emissionReleases.yearFrom))
		.orderBy(asc(emissionReleases.id))
		.prepare()
);

// Every release's rows for one council, summed by sector: a few hundred rows at most, read from
// the covering index.
const rowsQuery = preparedQuery((db) =>
	db
		.select({
			releaseId: emissions.releaseId,
			year: emissions.year,
			sector: emissions.sector,
			territorialKt: sum(emissions.territorialKt).mapWith(Number),
			influenceKt: sum(emissions.influenceKt).mapWith(Number),
			isAggregate: max(emissions.isAggregate).mapWith(Boolean)
		})
		.from(emissions)
		.where(eq(emissions.authorityCode, sql.placeholder('code')))
		.groupBy(emissions.releaseId, emissions.year, emissions.sector)
		.orderBy(asc(emissions.year), asc(emissions.sector))
		.prepare()
);

type ReleaseRow = ReturnType<ReturnType<typeof rowsQuery>['all']>[number];

const populationQuery = preparedQuery((db) =>
	db
		.select({ year: authorityPopulations.year, population: authorityPopulations.population })
		.from(authorityPopulations)
		.where(
			and(
				eq(authorityPopulations.authorityCode, sql.placeholder('code')),
				eq(authorityPopulations.datasetKey, sql.placeholder('datasetKey'))
			)
		)
		.prepare()
);

const MEASURE_COLUMN = { territorial: 'territorialKt', scope_of_influence: 'influenceKt' } as const;

/** The gases a release's figures cover for one measure. */
export function measureGases(release: EmissionRelease, measure: EmissionMeasure): Gases {
	return measure === 'scope_of_influence'
		? (release.influenceGases ?? release.gases)
		: release.gases;
}

/** Every release with figures, oldest first. */
export function listEmissionReleases(db: Db = serverDb()): EmissionRelease[] {
	return releasesQuery(db).all();
}

/**
 * A council's series, one per dataset and measure. `gasesOf`, when given, names the gases a
 * measure must be in: the newest release in those gases is taken, and a measure held only in
 * other gases is left out (the whole-area tables, which never mix CO2 with CO2e).
 */
export function getAuthorityEmissions(
	code: string,
	db: Db = serverDb(),
	gasesOf?: (measure: EmissionMeasure) => Gases | null
): AuthorityEmissions[] {
	return readAuthorityEmissions(code, db)(gasesOf);
}

/**
 * A council's rows, read once, and its series chosen from them as often as asked: the whole-area
 * series takes them in the table's gases and in any gases, to say what it set aside.
 */
export function readAuthorityEmissions(code: string, db: Db = serverDb()) {
	const releases = listEmissionReleases(db);
	const rows = rowsQuery(db).all({ code });
	const byRelease = new Map<number, ReleaseRow[]>();
	for (const r of rows) {
		const list = byRelease.get(r.releaseId);
		if (list) list.push(r);
		else byRelease.set(r.releaseId, [r]);
	}
	const datasets = [...new Set(releases.map((r) => r.datasetKey))];
	const populations = new Map<string, Record<number, number>>();
	const populationFor = (datasetKey: string) => {
		let p = populations.get(datasetKey);
		if (!p) populations.set(datasetKey, (p = populationOf(db, code, datasetKey)));
		return p;
	};
	return (gasesOf?: (measure: EmissionMeasure) => Gases | null): AuthorityEmissions[] => {
		const result: AuthorityEmissions[] = [];
		for (const datasetKey of datasets) {
			const newestFirst = releases.filter((r) => r.datasetKey === datasetKey).reverse();
			for (const measure of ['territorial', 'scope_of_influence'] as const) {
				const key = MEASURE_COLUMN[measure];
				const wanted = gasesOf?.(measure);
				const release = newestFirst.find(
					(r) =>
						(!wanted || measureGases(r, measure) === wanted) &&
						byRelease.get(r.id)?.some((x) => x[key] !== null)
				);
				if (!release) continue;
				const values = byRelease.get(release.id)!.filter((r) => r[key] !== null);
				result.push({
					measure,
					releases: [release],
					gases: measureGases(release, measure),
					isAggregate: values.some((r) => r.isAggregate),
					totalsOnly: values.every((r) => r.sector === EMISSION_TOTAL),
					rows: values.map((r) => ({ year: r.year, sector: r.sector, valueKt: r[key]! })),
					populationByYear: populationFor(datasetKey)
				});
			}
		}
		return result;
	};
}

function populationOf(db: Db, code: string, datasetKey: string) {
	const rows = populationQuery(db).all({ code, datasetKey });
	return Object.fromEntries(rows.map((p) => [p.year, p.population]));
}
