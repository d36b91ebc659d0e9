/**
 * DESNZ's local authority greenhouse gas statistics summed to one row per council and year (the
 * layout of the shipped 2005–2023 file, data/la-ghg-emissions-desnz-2005-2023): two measures and
 * no sector. The measures cover different gases: territorial emissions are CO2e (CO2, methane,
 * nitrous oxide), emissions within the scope of influence of local authorities are CO2 only; the
 * release records both. The mid-year population is kept for per-head figures.
 *
 * The shipped file is recognised by its checksum and labelled as DESNZ's 3 July 2025 release;
 * another file in this layout (a later release summed the same way) is labelled by its name, and
 * for the councils it covers it supersedes the earlier release.
 */
import { z } from 'zod';
import { optionalNumber, optionalPopulation, optionalYear, requiredText } from '../rows/coerce';
import type { FeedModule } from '../rows/feed';
import { validateRecord } from '../rows/validate-record';
import { resolveCouncil, totalsStore, type TotalValue } from './emission-totals';

export const DESNZ_TOTALS_DATASET = 'desnz-la-ghg-totals';

/** sha256 of the shipped file, the DESNZ release published on 3 July 2025 (see its SOURCE.md). */
export const DESNZ_2025_TOTALS = {
	checksum: '3d094869667f4a183df120c7e33c07e4573b6a9e301d58a174682f7e323c1282',
	label: 'DESNZ UK local authority greenhouse gas emissions 2005–2023 (2025 release)',
	releaseDate: '2025-07-03'
};

const COL = {
	code: 'lad_code',
	name: 'lad_name',
	year: 'year',
	influence: 'total_emissions_scope_ktco2',
	territorial: 'territorial_emissions_ktco2e',
	population: 'mid_year_population_thousands'
} as const;

const kt = (unit: string) =>
	optionalNumber.pipe(z.number({ error: `expected ${unit} as a number` }));

const RowSchema = z.object({
	[COL.code]: requiredText,
	[COL.year]: optionalYear.pipe(z.number({ error: 'expected a year such as 2023' })),
	[COL.influence]: kt('kt CO2'),
	[COL.territorial]: kt('kt CO2e'),
	[COL.population]: optionalPopulation
});

const ignored = (name: string) => ({
	name,
	required: false,
	description: 'not used',
	ignored: true
});

export const desnzTotalsFeed: FeedModule<TotalValue[]> = {
	key: 'desnz-ghg-totals',
	title: 'Greenhouse gas emissions, totals per council (DESNZ)',
	description:
		'One row per council and year: territorial emissions (kt CO2e) and emissions within the scope of influence of local authorities (kt CO2), with population. No sector split.',
	datasetKey: DESNZ_TOTALS_DATASET,
	columns: [
		{ name: COL.code, required: true, description: 'GSS code of the council' },
		{ name: COL.name, required: false, description: 'council name (not used for matching)' },
		{ name: COL.year, required: true, description: 'calendar year' },
		...['country', 'country_code', 'region', 'region_code', 'area_km2'].map(ignored),
		{
			name: COL.influence,
			required: true,
			description: 'within the scope of influence of local authorities, kt CO2 (CO2 only)'
		},
		{
			name: COL.territorial,
			required: true,
			description: 'territorial emissions, kt CO2e (CO2, CH4 and N2O)'
		},
		{ name: COL.population, required: false, description: 'mid-year population, thousands' }
	],
	parseRow(record, rowNumber, ctx) {
		const r = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!r) return null;
		const who = resolveCouncil(ctx, r[COL.code] as string, rowNumber, COL.code);
		if (!who) return null;
		const pop = r[COL.population] as number | null;
		const common = {
			...who,
			year: r[COL.year] as number,
			population: pop == null ? null : Math.round(pop * 1000)
		};
		return [
			{ ...common, measure: 'territorial', valueKt: r[COL.territorial] as number, gases: 'ghg' },
			{
				...common,
				measure: 'scope_of_influence',
				valueKt: r[COL.influence] as number,
				gases: 'co2'
			}
		];
	},
	createWriter(ctx) {
		const shipped = ctx.checksum === DESNZ_2025_TOTALS.checksum;
		const store = totalsStore(ctx, {
			datasetKey: DESNZ_TOTALS_DATASET,
			fallbackLabel: 'DESNZ local authority greenhouse gas emissions, totals per council',
			label: shipped
				? DESNZ_2025_TOTALS.label
				: `DESNZ local authority greenhouse gas emissions, totals per council (${ctx.fileName})`,
			releaseDate: shipped ? DESNZ_2025_TOTALS.releaseDate : null
		});
		return {
			write(values, rowNumber) {
				for (const v of values) store.add(v, rowNumber, COL.code);
			},
			finish: () => store.finish()
		};
	}
};
