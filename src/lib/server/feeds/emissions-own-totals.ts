/**
 * A council's or data lab's own emissions totals: one row per council, year and measure, the
 * value in thousands of tonnes. The simplest shape an emissions series takes, and the one their
 * spreadsheets use:
 *
 *   council,year,measure,value_kt,unit,population
 *   E08000009,2023,territorial,1393.07,kt CO2e,237480
 *
 * and a data lab's long "tidy" layout, read as published (totals-words.ts reads its words):
 *
 *   area_code,area_name,period,indicator,measure,unit,value
 *   E08000009,Trafford,2023,Territorial emissions,Total,kilotonnes (kt CO2e),1393.07
 *
 * - council: GSS code, 3-letter code or name; a former council counts for its successor.
 * - measure (and indicator, where the file has one): territorial or scope of influence, in any
 *   words that say so; emissions words naming no measure are read as territorial. Per-head and
 *   per-area rows, and one sector's rows, are left out with a note: the pages work those out.
 * - unit: kt CO2e (all greenhouse gases, the default when blank) or kt CO2 (CO2 only), in any
 *   size (t, kt, Mt: stored in kt); one set of gases per measure in a file, as a release states.
 * - population: persons, optional, for per-head figures.
 *
 * Each file is a release of the "own totals" dataset, labelled by its file name; for the councils
 * it covers it supersedes the previous one (queries/emissions.ts).
 */
import { z } from 'zod';
import {
	optionalNumber,
	optionalPopulation,
	optionalText,
	optionalYear,
	requiredText
} from '../rows/coerce';
import type { FeedModule } from '../rows/feed';
import { validateRecord } from '../rows/validate-record';
import { registerDataset } from './emission-release';
import { resolveCouncil, totalsStore, type TotalValue } from './emission-totals';
import { readMeasure, readUnit, RATE_NOT_STORED } from './totals-words';

export const OWN_TOTALS_DATASET = {
	key: 'own-emissions-totals',
	title: "Emissions totals from a council's or data lab's own file",
	publisher: 'the organisation that supplied the file',
	licence: "as stated by the file's publisher",
	licenceUrl: null,
	attribution: 'Figures as supplied in the imported file; see each release for its file name.',
	sourceUrl: ''
} as const;

const MEASURES =
	'expected "territorial" or "scope of influence" (in measure or indicator), or words naming emissions';
const UNITS = 'expected a unit such as kt CO2e, kt CO2, "kilotonnes (kt CO2e)" or t CO2e';

const RowSchema = z.object({
	council: requiredText,
	year: optionalYear.pipe(z.number({ error: 'expected a year such as 2023' })),
	measure: optionalText,
	indicator: optionalText,
	value_kt: optionalNumber.pipe(z.number({ error: 'expected the emissions as a number' })),
	unit: optionalText,
	population: optionalPopulation
});

export const ownTotalsFeed: FeedModule<TotalValue> = {
	key: 'emissions-totals',
	title: "Emissions totals, a council's or data lab's own file",
	description:
		'One row per council, year and measure (territorial or scope of influence), value in kt CO2e or kt CO2. No sector split.',
	datasetKey: null,
	columns: [
		{
			name: 'council',
			required: true,
			description: 'GSS code, 3-letter code or name',
			aliases: ['gss_code', 'area_code', 'local_authority_code', 'local_authority', 'authority'],
			example: 'E08000009'
		},
		{
			name: 'year',
			required: true,
			description: 'calendar year',
			aliases: ['calendar_year', 'period']
		},
		{
			name: 'measure',
			required: false,
			description:
				'territorial, or scope of influence (or, in a long layout, "Total" beside an indicator that names the measure)',
			example: 'territorial'
		},
		{
			name: 'indicator',
			required: false,
			description:
				"a long layout's indicator, e.g. Territorial emissions: read with measure for which measure a row is"
		},
		{
			name: 'value_kt',
			required: true,
			description: 'emissions, in the unit given (thousands of tonnes when blank)',
			aliases: ['value', 'kt', 'emissions_kt']
		},
		{
			name: 'unit',
			required: false,
			description:
				'kt CO2e (the default) or kt CO2, in any size (t, kt, Mt); one set of gases per measure',
			example: 'kt CO2e'
		},
		{ name: 'population', required: false, description: 'persons, for per-head figures' }
	],
	parseRow(record, rowNumber, ctx) {
		const r = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!r) return null;
		const measure = readMeasure(r.measure, r.indicator);
		const unit = readUnit(r.unit);
		const measureCell = r.measure ? 'measure' : 'indicator';
		const measureText = [r.indicator, r.measure].filter(Boolean).join(' / ');
		if (measure.kind === 'not-stored' || unit.kind === 'rate') {
			const why = measure.kind === 'not-stored' ? measure.why : RATE_NOT_STORED;
			ctx.issues.info(rowNumber, measureCell, measureText || r.unit, 'not_stored', why);
			return null;
		}
		if (measure.kind === 'unknown') {
			ctx.issues.error(rowNumber, measureCell, measureText, 'invalid_value', MEASURES);
			return null;
		}
		if (unit.kind === 'unknown') {
			ctx.issues.error(rowNumber, 'unit', r.unit, 'invalid_value', UNITS);
			return null;
		}
		const who = resolveCouncil(ctx, r.council, rowNumber, 'council');
		if (!who) return null;
		if (!measure.named) {
			ctx.issues.info(
				rowNumber,
				measureCell,
				measureText,
				'read_as_territorial',
				"names emissions but no measure: read as territorial, all the area's emissions (DESNZ's headline measure)"
			);
		}
		return {
			...who,
			year: r.year,
			measure: measure.measure,
			// Rounded to the gram, so "tonnes" read as kt do not carry binary noise.
			valueKt: unit.toKt === 1 ? r.value_kt : Math.round(r.value_kt * unit.toKt * 1e6) / 1e6,
			gases: unit.gases,
			population: r.population == null ? null : Math.round(r.population)
		};
	},
	createWriter(ctx) {
		registerDataset(ctx, OWN_TOTALS_DATASET);
		const store = totalsStore(ctx, {
			datasetKey: OWN_TOTALS_DATASET.key,
			fallbackLabel: 'Emissions totals',
			label: `Emissions totals (${ctx.fileName})`,
			releaseDate: null
		});
		return {
			write(v, rowNumber) {
				const fixed = store.gasesFor(v.measure);
				if (fixed && fixed !== v.gases) {
					const unit = fixed === 'ghg' ? 'kt CO2e' : 'kt CO2';
					const found = v.gases === 'ghg' ? 'kt CO2e' : 'kt CO2';
					const message = `expected ${unit}, the unit of the earlier ${v.measure} rows: one unit per measure`;
					return ctx.issues.error(rowNumber, 'unit', found, 'invalid_value', message);
				}
				store.add(v, rowNumber, 'council');
			},
			finish: () => store.finish()
		};
	}
};
