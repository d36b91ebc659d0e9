/**
 * The real DESNZ per-council series in tests/fixtures/progress, read into the plain
 * { year, valueKt, population } points the progress metrics take.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { YearValue } from '../../src/lib/server/metrics/series';

const FILE = fileURLToPath(
	new URL('../fixtures/progress/desnz-la-year-sample.csv', import.meta.url)
);

const COLUMNS = {
	scope_of_influence: 'total_emissions_scope_ktco2',
	territorial: 'territorial_emissions_ktco2e'
} as const;

/** One council's series in one measure; population in persons (the file gives thousands). */
export function desnzSeries(code: string, measure: keyof typeof COLUMNS): YearValue[] {
	const { data } = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const rows = data.filter((r) => r.lad_code === code);
	if (!rows.length) throw new Error(`${code} is not in the progress fixture`);
	return rows.map((r) => ({
		year: Number(r.year),
		valueKt: Number(r[COLUMNS[measure]]),
		population: Number(r.mid_year_population_thousands) * 1000
	}));
}
