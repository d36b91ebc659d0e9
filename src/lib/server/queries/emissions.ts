/**
 * Emissions of one authority by year and sector, for each dataset and measure held. For each
 * year the newest release of a dataset that covers it is used: a new release replaces older
 * ones for its years, never adds to them.
 */
import type Database from 'better-sqlite3';
import { all } from './statements';

export type EmissionMeasure = 'territorial' | 'scope_of_influence';

export interface EmissionRelease {
	id: number;
	datasetKey: string;
	gases: 'co2' | 'ghg';
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
	releases: EmissionRelease[];
	gases: 'co2' | 'ghg';
	isAggregate: boolean;
	rows: SectorYearRow[];
	populationByYear: Record<number, number>;
}

/** Per dataset and year, the release in force: the newest one covering that year. */
const RELEASE_IN_FORCE = `
	SELECT r.id FROM emission_releases r
	WHERE r.dataset_key = e.dataset_key AND e.year BETWEEN r.year_from AND r.year_to
	ORDER BY r.id DESC LIMIT 1`;

export function getAuthorityEmissions(
	sqlite: Database.Database,
	code: string
): AuthorityEmissions[] {
	const releases = all<EmissionRelease & { hasTerritorial: number; hasInfluence: number }>(
		sqlite,
		`SELECT id, dataset_key AS datasetKey, gases, label, release_date AS releaseDate, year_from AS yearFrom, year_to AS yearTo,
		        has_territorial AS hasTerritorial, has_influence AS hasInfluence
		 FROM emission_releases WHERE year_from IS NOT NULL ORDER BY id`
	);
	const datasets = [...new Set(releases.map((r) => r.datasetKey))];
	const result: AuthorityEmissions[] = [];
	for (const datasetKey of datasets) {
		const rows = all<{
			releaseId: number;
			year: number;
			sector: string;
			territorialKt: number | null;
			influenceKt: number | null;
			isAggregate: number;
		}>(
			sqlite,
			`SELECT x.release_id AS releaseId, x.year, x.sector, sum(x.territorial_kt) AS territorialKt, sum(x.influence_kt) AS influenceKt,
			        max(x.is_aggregate) AS isAggregate
			 FROM emissions x
			 JOIN (SELECT DISTINCT e.year, e.dataset_key, (${RELEASE_IN_FORCE}) AS release_id
			       FROM (SELECT DISTINCT year, ? AS dataset_key FROM emissions WHERE authority_code = ?) e) f
			   ON f.release_id = x.release_id AND f.year = x.year
			 WHERE x.authority_code = ?
			 GROUP BY x.release_id, x.year, x.sector ORDER BY x.year, x.sector`,
			datasetKey,
			code,
			code
		);
		if (!rows.length) continue;
		const used = releases.filter((r) => rows.some((row) => row.releaseId === r.id));
		const population = all<{ year: number; population: number }>(
			sqlite,
			'SELECT year, population FROM authority_populations WHERE authority_code = ? AND dataset_key = ?',
			code,
			datasetKey
		);
		for (const measure of ['territorial', 'scope_of_influence'] as const) {
			const key = measure === 'territorial' ? 'territorialKt' : 'influenceKt';
			const values = rows.filter((r) => r[key] !== null);
			if (!values.length) continue;
			result.push({
				measure,
				releases: used.map(({ hasTerritorial: _t, hasInfluence: _i, ...r }) => r),
				gases: used[used.length - 1]!.gases,
				isAggregate: rows.some((r) => r.isAggregate),
				rows: values.map((r) => ({ year: r.year, sector: r.sector, valueKt: r[key]! })),
				populationByYear: Object.fromEntries(population.map((p) => [p.year, p.population]))
			});
		}
	}
	return result;
}
