/**
 * mySociety's register of UK councils (uk_local_authorities_current.csv): every council, current
 * and abolished, with both codes, type, tier, parents and successor. Loaded first: every other
 * feed resolves authorities against it.
 */
import { z } from 'zod';
import {
	optionalText,
	optionalShortText,
	requiredText,
	optionalUkDate,
	optionalNumber,
	optionalPopulation,
	optionalYesNo
} from '../rows/coerce';
import { prepareUpsert } from '../rows/upsert';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';

export const TIER_BY_TYPE: Record<string, 'lower' | 'upper' | 'unitary' | 'combined' | 'regional'> =
	{
		NMD: 'lower',
		CTY: 'upper',
		COMB: 'combined',
		SRA: 'regional',
		UA: 'unitary',
		MD: 'unitary',
		LBO: 'unitary',
		CC: 'unitary',
		SCO: 'unitary',
		WPA: 'unitary',
		NID: 'unitary'
	};

const RowSchema = z.object({
	'local-authority-code': requiredText,
	'official-name': requiredText,
	'nice-name': requiredText,
	'gss-code': optionalShortText,
	'start-date': optionalUkDate,
	'end-date': optionalUkDate,
	'replaced-by': optionalShortText,
	nation: requiredText,
	region: optionalShortText,
	'local-authority-type': requiredText.refine((t) => t in TIER_BY_TYPE, {
		message: `expected a type code: ${Object.keys(TIER_BY_TYPE).join(', ')}`
	}),
	'local-authority-type-name': requiredText,
	'county-la': optionalShortText,
	'combined-authority': optionalShortText,
	'former-gss-codes': optionalText,
	'current-authority': optionalYesNo.pipe(z.boolean({ error: 'expected True or False' })),
	area: optionalNumber,
	'pop-2020': optionalPopulation,
	lat: optionalNumber,
	long: optionalNumber
});
type Row = z.output<typeof RowSchema>;

export const authoritiesFeed: FeedModule<Row> = {
	key: 'authorities',
	title: 'UK local authorities (mySociety register)',
	description: 'Every UK council, current and abolished, with GSS and 3-letter codes.',
	datasetKey: 'uk-la-names-codes',
	columns: Object.keys(RowSchema.shape).map((name) => ({
		name,
		required: [
			'local-authority-code',
			'official-name',
			'nice-name',
			'nation',
			'local-authority-type',
			'local-authority-type-name',
			'current-authority'
		].includes(name),
		description: name
	})),
	parseRow: (record, rowNumber, ctx) => validateRecord(RowSchema, record, rowNumber, ctx.issues),
	createWriter(ctx) {
		const authorities = prepareUpsert(
			ctx.sqlite,
			'authorities',
			[
				'code',
				'gss_code',
				'official_name',
				'nice_name',
				'type',
				'type_name',
				'tier',
				'nation',
				'region',
				'county_code',
				'combined_authority_code',
				'replaced_by_code',
				'replaced_by_codes',
				'start_date',
				'end_date',
				'is_current',
				'population_2020',
				'area_km2',
				'lat',
				'lng',
				'batch_id'
			],
			['code']
		);
		const gss = prepareUpsert(
			ctx.sqlite,
			'authority_gss_codes',
			['gss_code', 'authority_code', 'is_current'],
			['gss_code']
		);
		const alias = prepareUpsert(
			ctx.sqlite,
			'authority_aliases',
			['normalised', 'authority_code', 'alias', 'source'],
			['normalised', 'authority_code']
		);
		return {
			write(r) {
				const code = r['local-authority-code'];
				const successors = (r['replaced-by'] ?? '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean);
				authorities.run({
					code,
					gss_code: r['gss-code'],
					official_name: r['official-name'],
					nice_name: r['nice-name'],
					type: r['local-authority-type'],
					type_name: r['local-authority-type-name'],
					tier: TIER_BY_TYPE[r['local-authority-type']],
					nation: r.nation,
					region: r.region,
					county_code: r['county-la'],
					combined_authority_code: r['combined-authority'],
					replaced_by_code: successors.length === 1 ? successors[0] : null,
					replaced_by_codes: successors.length ? JSON.stringify(successors) : null,
					start_date: r['start-date']?.date,
					end_date: r['end-date']?.date,
					is_current: r['current-authority'],
					population_2020: r['pop-2020'] === null ? null : Math.round(r['pop-2020']),
					area_km2: r.area,
					lat: r.lat,
					lng: r.long,
					batch_id: ctx.batchId
				});
				if (r['gss-code'])
					gss.run({ gss_code: r['gss-code'], authority_code: code, is_current: true });
				for (const former of (r['former-gss-codes'] ?? '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)) {
					gss.run({ gss_code: former, authority_code: code, is_current: false });
				}
				for (const name of new Set([r['official-name'], r['nice-name']])) {
					alias.run({
						normalised: name.toLowerCase(),
						authority_code: code,
						alias: name,
						source: 'register'
					});
				}
			},
			finish: () => authorities.counts()
		};
	}
};
