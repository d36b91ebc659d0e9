/**
 * A council's or data lab's own emissions totals: one row per council, year and measure, the
 * value in thousands of tonnes. The simplest shape an emissions series takes, and the one their
 * spreadsheets use:
 *
 *   council,year,measure,value_kt,unit,population
 *   E08000009,2023,territorial,1393.07,kt CO2e,237480
 *
 * - council: GSS code, 3-letter code or name; a former council counts for its successor.
 * - measure: "territorial" or "scope of influence" (either spelling, any case).
 * - unit: kt CO2e (all greenhouse gases, the default when blank) or kt CO2 (CO2 only); one unit
 *   per measure in a file, as a release states one unit per measure.
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
import {
	resolveCouncil,
	totalsStore,
	type Gases,
	type TotalsMeasure,
	type TotalValue
} from './emission-totals';

export const OWN_TOTALS_DATASET = {
	key: 'own-emissions-totals',
	title: "Emissions totals from a council's or data lab's own file",
	publisher: 'the organisation that supplied the file',
	licence: "as stated by the file's publisher",
	licenceUrl: null,
	attribution: 'Figures as supplied in the imported file; see each release for its file name.',
	sourceUrl: ''
} as const;

const MEASURES = 'expected "territorial" or "scope of influence"';
const UNITS = 'expected kt CO2e or kt CO2 (values in thousands of tonnes)';

function measureOf(raw: string): TotalsMeasure | null {
	const t = raw.toLowerCase().replace(/[^a-z]+/g, ' ');
	if (/\bterritorial\b/.test(t)) return 'territorial';
	if (/\binfluence\b/.test(t)) return 'scope_of_influence';
	return null;
}

function gasesOf(raw: string): Gases | null {
	const t = raw.toLowerCase().replace(/[^a-z0-9]+/g, '');
	return t === 'ktco2e' ? 'ghg' : t === 'ktco2' ? 'co2' : null;
}

/** A cell read by `read`, or the issue `expected` when it cannot be read. */
const readAs = <T>(read: (raw: string) => T | null, expected: string) =>
	z.string().transform((raw, ctx) => {
		const value = read(raw);
		if (value === null) ctx.addIssue({ code: 'custom', message: expected });
		return value ?? z.NEVER;
	});

const RowSchema = z.object({
	council: requiredText,
	year: optionalYear.pipe(z.number({ error: 'expected a year such as 2023' })),
	measure: requiredText.pipe(readAs(measureOf, MEASURES)),
	value_kt: optionalNumber.pipe(z.number({ error: 'expected thousands of tonnes as a number' })),
	unit: optionalText.transform((t) => t ?? 'kt CO2e').pipe(readAs(gasesOf, UNITS)),
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
		{ name: 'year', required: true, description: 'calendar year', aliases: ['calendar_year'] },
		{
			name: 'measure',
			required: true,
			description: 'territorial, or scope of influence',
			example: 'territorial'
		},
		{
			name: 'value_kt',
			required: true,
			description: 'emissions, thousands of tonnes',
			aliases: ['value', 'kt', 'emissions_kt']
		},
		{
			name: 'unit',
			required: false,
			description: 'kt CO2e (the default) or kt CO2; one unit per measure',
			example: 'kt CO2e'
		},
		{ name: 'population', required: false, description: 'persons, for per-head figures' }
	],
	parseRow(record, rowNumber, ctx) {
		const r = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!r) return null;
		const who = resolveCouncil(ctx, r.council, rowNumber, 'council');
		if (!who) return null;
		return {
			...who,
			year: r.year,
			measure: r.measure,
			valueKt: r.value_kt,
			gases: r.unit,
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
