/**
 * mySociety's wide emissions table (one row per council and year, one column per sub-sector) →
 * long rows (council × year × sub-sector). Measure: CO2 within the scope of influence of local
 * authorities, kt. County, combined-authority and GLA rows are sums of their members: stored with
 * is_aggregate so nothing adds them to their districts again.
 */
import { z } from 'zod';
import { optionalNumber, optionalPopulation, optionalYear, requiredText } from '../rows/coerce';
import { validateRecord } from '../rows/validate-record';
import { resolveCouncil } from '../rows/council-cells';
import type { FeedModule } from '../rows/feed';
import { startEmissionRelease } from './emission-release';
import { authorities } from '../db/schema';
import { emissionRowWriter, populationRecord } from './emission-rows';

/** Leaf sub-sector columns and the sector each belongs to; "Total" columns are derived. */
export const MYSOCIETY_SUBSECTORS: readonly {
	column: string;
	sector: string;
	subSector: string;
}[] = [
	['Industry Electricity', 'Industry'],
	['Industry Gas', 'Industry'],
	['Large Industrial Installations', 'Industry'],
	['Industrial Other Fuels', 'Industry'],
	['Commercial Electricity', 'Commercial'],
	['Commercial Gas', 'Commercial'],
	['Commercial Other Fuels', 'Commercial'],
	['Public Sector Electricity', 'Public sector'],
	['Public Sector Gas', 'Public sector'],
	['Public Sector Other Fuels', 'Public sector'],
	['Domestic Electricity', 'Domestic'],
	['Domestic Gas', 'Domestic'],
	['Domestic Other Fuels', 'Domestic'],
	['Road Transport (A roads)', 'Transport'],
	['Road Transport (Minor roads)', 'Transport'],
	['Transport Other', 'Transport'],
	['Agriculture Electricity', 'Agriculture'],
	['Agriculture', 'Agriculture'],
	["Agriculture 'Other'", 'Agriculture'],
	['Waste Management Other', 'Waste management']
].map(([subSector, sector]) => ({
	column: `${subSector}:kt CO2`,
	sector: sector!,
	subSector: subSector!
}));

const TOTAL = 'Total Emissions:kt CO2';
const AGGREGATE_TIERS = new Set(['upper', 'combined', 'regional']);

const RowSchema = z.object({
	Year: optionalYear.pipe(z.number({ error: 'expected a year such as 2020' })),
	'local-authority-code': requiredText,
	[TOTAL]: optionalNumber,
	'Population:000s': optionalPopulation,
	...Object.fromEntries(
		MYSOCIETY_SUBSECTORS.map((s) => [
			s.column,
			optionalNumber.pipe(z.number({ error: 'expected kt CO2 as a number' }))
		])
	)
});

interface Row {
	year: number;
	code: string;
	values: number[];
	population: number | null;
}

export const mysocietyEmissionsFeed: FeedModule<Row> = {
	key: 'mysociety-emissions',
	title: 'Local authority CO2 emissions, wide format (mySociety)',
	description:
		'CO2 within the scope of influence of local authorities, kt, by sub-sector, 2005–2020.',
	datasetKey: 'mysociety-emissions',
	parallelSafe: true,
	columns: [
		{ name: 'Year', required: true, description: 'calendar year' },
		{
			name: 'local-authority-code',
			required: true,
			description: '3-letter code, GSS code or name'
		},
		{ name: 'official-name', required: false, description: 'council name (not used for matching)' },
		...MYSOCIETY_SUBSECTORS.map((s) => ({
			name: s.column,
			required: true,
			description: `${s.sector}: ${s.subSector}, kt CO2`
		})),
		{ name: TOTAL, required: false, description: 'sum of the sub-sectors, checked' },
		{ name: 'Population:000s', required: false, description: 'mid-year population, thousands' }
	],
	parseRow(record, rowNumber, ctx) {
		const r = validateRecord(RowSchema, record, rowNumber, ctx.issues) as Record<
			string,
			number | string | null
		> | null;
		if (!r) return null;
		const input = String(r['local-authority-code']);
		const code = resolveCouncil(ctx, rowNumber, 'local-authority-code', input);
		if (!code) return null;
		const values = MYSOCIETY_SUBSECTORS.map((s) => r[s.column] as number);
		const total = r[TOTAL] as number | null;
		const sum = values.reduce((a, b) => a + b, 0);
		if (total !== null && Math.abs(total - sum) > 0.01 * Math.max(1, Math.abs(total))) {
			ctx.issues.warn(
				rowNumber,
				TOTAL,
				String(total),
				'total_mismatch',
				`total differs from the sum of sub-sectors (${sum.toFixed(1)})`
			);
		}
		const pop = r['Population:000s'] as number | null;
		return {
			year: r.Year as number,
			code,
			values,
			population: pop == null ? null : Math.round(pop * 1000)
		};
	},
	createWriter(ctx) {
		const release = startEmissionRelease(ctx, {
			datasetKey: 'mysociety-emissions',
			gases: 'co2',
			hasTerritorial: false,
			hasInfluence: true,
			fallbackLabel: 'mySociety local authority emissions'
		});
		const tiers = new Map(
			ctx.db
				.select({ code: authorities.code, tier: authorities.tier })
				.from(authorities)
				.all()
				.map((a) => [a.code, a.tier])
		);
		// The same file again (same release) changes nothing and is not written.
		const rows = release.isNew ? emissionRowWriter(ctx, release.id) : null;
		let written = 0;
		let unchanged = 0;
		let yearFrom = Infinity;
		let yearTo = -Infinity;
		return {
			write(row, rowNumber) {
				yearFrom = Math.min(yearFrom, row.year);
				yearTo = Math.max(yearTo, row.year);
				const isAggregate = AGGREGATE_TIERS.has(tiers.get(row.code) ?? '');
				for (let i = 0; i < MYSOCIETY_SUBSECTORS.length; i++) {
					const s = MYSOCIETY_SUBSECTORS[i]!;
					if (!rows) {
						unchanged++;
						continue;
					}
					const fresh = rows.write({
						authority_code: row.code,
						year: row.year,
						sector: s.sector,
						sub_sector: s.subSector,
						gas: 'CO2',
						territorial_kt: null,
						influence_kt: row.values[i]!,
						is_aggregate: isAggregate
					});
					if (fresh) written++;
					else if (i === 0) {
						ctx.issues.error(
							rowNumber,
							'local-authority-code',
							row.code,
							'duplicate_row',
							`a second row for ${row.code} in ${row.year}`
						);
					}
				}
				if (row.population != null) {
					ctx.write.upsert(
						populationRecord(row.code, row.year, row.population, 'mysociety-emissions')
					);
				}
			},
			finish() {
				rows?.finish();
				if (yearTo >= yearFrom) release.finish(yearFrom, yearTo);
				return { written, unchanged };
			}
		};
	}
};
