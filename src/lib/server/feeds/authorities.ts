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
	optionalYesNo,
	storedDate
} from '../rows/coerce';
import { authorities, authorityAliases, authorityGssCodes } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule, TableRecord } from '../rows/feed';

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

/**
 * Type names that replace the register's. mySociety calls the GLA's type "Strategic Regional
 * Authority", a name no other body uses; ONS registers E61000001 as a kind of its own, the
 * "Greater London Authority" (neither a county nor a combined authority, though it is grouped
 * with combined authorities for similar councils: metrics/tier-group.ts). The type code (SRA) and
 * its tier ('regional') stay as they are, so filters and groups do not change.
 */
export const TYPE_NAME_OVERRIDES: Readonly<Record<string, string>> = {
	SRA: 'Greater London Authority'
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
	records(r) {
		const code = r['local-authority-code'];
		const successors = listed(r['replaced-by']);
		const population = r['pop-2020'];
		return [
			{
				table: authorities,
				key: ['code'],
				// One successor's code, or none when there are several (listed in replacedByCodes).
				mayClear: ['replacedByCode'],
				values: {
					code,
					gssCode: r['gss-code'],
					officialName: r['official-name'],
					niceName: r['nice-name'],
					type: r['local-authority-type'],
					typeName:
						TYPE_NAME_OVERRIDES[r['local-authority-type']] ?? r['local-authority-type-name'],
					tier: TIER_BY_TYPE[r['local-authority-type']],
					nation: r.nation,
					region: r.region,
					countyCode: r['county-la'],
					combinedAuthorityCode: r['combined-authority'],
					replacedByCode:
						r['replaced-by'] === undefined
							? undefined
							: successors.length === 1
								? successors[0]
								: null,
					replacedByCodes:
						r['replaced-by'] === undefined ? undefined : successors.length ? successors : null,
					startDate: storedDate(r['start-date']),
					endDate: storedDate(r['end-date']),
					isCurrent: r['current-authority'],
					population2020: population == null ? population : Math.round(population),
					areaKm2: r.area,
					lat: r.lat,
					lng: r.long
				}
			},
			...(r['gss-code'] ? [gssRecord(r['gss-code'], code, true)] : []),
			...listed(r['former-gss-codes']).map((former) => gssRecord(former, code, false)),
			...[...new Set([r['official-name'], r['nice-name']])].map(
				(name): TableRecord<typeof authorityAliases> => ({
					table: authorityAliases,
					key: ['normalised', 'authorityCode'],
					// The names lookup has most of these too: whichever came first stays.
					addOnly: true,
					values: {
						normalised: name.toLowerCase(),
						authorityCode: code,
						alias: name,
						source: 'register'
					}
				})
			)
		];
	}
};

/** "A, B" → ["A", "B"]; blank or missing → []. */
function listed(cell: string | null | undefined): string[] {
	return (cell ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

function gssRecord(
	gssCode: string,
	authorityCode: string,
	isCurrent: boolean
): TableRecord<typeof authorityGssCodes> {
	return {
		table: authorityGssCodes,
		key: ['gssCode'],
		values: { gssCode, authorityCode, isCurrent }
	};
}
