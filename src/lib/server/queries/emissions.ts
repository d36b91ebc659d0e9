/**
 * Emissions of one authority from the current release of each measure, by year and sector.
 */
import type Database from 'better-sqlite3';
import { all } from './statements';

export interface EmissionRelease {
	id: number;
	measure: 'territorial' | 'scope_of_influence';
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
	release: EmissionRelease;
	isAggregate: boolean;
	rows: SectorYearRow[];
	populationByYear: Record<number, number>;
}

export function listCurrentReleases(sqlite: Database.Database): EmissionRelease[] {
	return all<EmissionRelease>(
		sqlite,
		`SELECT id, measure, gases, label, release_date AS releaseDate, year_from AS yearFrom, year_to AS yearTo
		 FROM emission_releases WHERE is_current = 1 ORDER BY measure`
	);
}

/** One entry per current release that has rows for this authority. */
export function getAuthorityEmissions(
	sqlite: Database.Database,
	code: string
): AuthorityEmissions[] {
	return listCurrentReleases(sqlite)
		.map((release) => {
			const rows = all<SectorYearRow & { isAggregate: number }>(
				sqlite,
				`SELECT year, sector, sum(value_kt) AS valueKt, max(is_aggregate) AS isAggregate
				 FROM emissions WHERE authority_code = ? AND release_id = ?
				 GROUP BY year, sector ORDER BY year, sector`,
				code,
				release.id
			);
			const population = all<{ year: number; population: number }>(
				sqlite,
				`SELECT p.year, p.population FROM authority_populations p
				 JOIN emission_releases r ON r.dataset_key = p.dataset_key WHERE p.authority_code = ? AND r.id = ?`,
				code,
				release.id
			);
			return {
				release,
				isAggregate: rows.some((r) => r.isAggregate),
				rows: rows.map(({ year, sector, valueKt }) => ({ year, sector, valueKt })),
				populationByYear: Object.fromEntries(population.map((p) => [p.year, p.population]))
			};
		})
		.filter((e) => e.rows.length > 0);
}
