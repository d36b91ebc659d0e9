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
import type Database from 'better-sqlite3';
import { EMISSION_TOTAL } from '../db/schema';
import { all } from './statements';

export type EmissionMeasure = 'territorial' | 'scope_of_influence';
type Gases = 'co2' | 'ghg';

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

interface ReleaseRow {
	releaseId: number;
	year: number;
	sector: string;
	territorialKt: number | null;
	influenceKt: number | null;
	isAggregate: number;
}

const MEASURE_COLUMN = { territorial: 'territorialKt', scope_of_influence: 'influenceKt' } as const;

/** The gases a release's figures cover for one measure. */
export function measureGases(release: EmissionRelease, measure: EmissionMeasure): Gases {
	return measure === 'scope_of_influence'
		? (release.influenceGases ?? release.gases)
		: release.gases;
}

export function getAuthorityEmissions(
	sqlite: Database.Database,
	code: string
): AuthorityEmissions[] {
	const releases = all<EmissionRelease>(
		sqlite,
		`SELECT id, dataset_key AS datasetKey, gases, influence_gases AS influenceGases, label, release_date AS releaseDate,
		        year_from AS yearFrom, year_to AS yearTo
		 FROM emission_releases WHERE year_from IS NOT NULL ORDER BY id`
	);
	// Every release's rows for this council, summed by sector: a few hundred rows at most.
	const rows = all<ReleaseRow>(
		sqlite,
		`SELECT release_id AS releaseId, year, sector, sum(territorial_kt) AS territorialKt, sum(influence_kt) AS influenceKt,
		        max(is_aggregate) AS isAggregate
		 FROM emissions WHERE authority_code = ?
		 GROUP BY release_id, year, sector ORDER BY year, sector`,
		code
	);
	const byRelease = new Map<number, ReleaseRow[]>();
	for (const r of rows) {
		const list = byRelease.get(r.releaseId);
		if (list) list.push(r);
		else byRelease.set(r.releaseId, [r]);
	}
	const datasets = [...new Set(releases.map((r) => r.datasetKey))];
	const result: AuthorityEmissions[] = [];
	for (const datasetKey of datasets) {
		const newestFirst = releases.filter((r) => r.datasetKey === datasetKey).reverse();
		let populationByYear: Record<number, number> | null = null;
		for (const measure of ['territorial', 'scope_of_influence'] as const) {
			const key = MEASURE_COLUMN[measure];
			const release = newestFirst.find((r) => byRelease.get(r.id)?.some((x) => x[key] !== null));
			if (!release) continue;
			const values = byRelease.get(release.id)!.filter((r) => r[key] !== null);
			populationByYear ??= populationOf(sqlite, code, datasetKey);
			result.push({
				measure,
				releases: [release],
				gases: measureGases(release, measure),
				isAggregate: values.some((r) => r.isAggregate),
				totalsOnly: values.every((r) => r.sector === EMISSION_TOTAL),
				rows: values.map((r) => ({ year: r.year, sector: r.sector, valueKt: r[key]! })),
				populationByYear
			});
		}
	}
	return result;
}

function populationOf(sqlite: Database.Database, code: string, datasetKey: string) {
	const rows = all<{ year: number; population: number }>(
		sqlite,
		'SELECT year, population FROM authority_populations WHERE authority_code = ? AND dataset_key = ?',
		code,
		datasetKey
	);
	return Object.fromEntries(rows.map((p) => [p.year, p.population]));
}
