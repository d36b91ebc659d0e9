/**
 * Warm Homes: Local Grant participation (DESNZ's eligibility-checker tables): each council's status
 * in the 2025–28 programme and its consortium lead, both by name only, resolved through aliases.
 * The feed is for WH:LG alone: a file whose columns, scheme cells or name say it is for another
 * scheme (a HUG2 sheet uses the same status words) is refused whole.
 */
import { z } from 'zod';
import { optionalText, optionalWebAddress, requiredText } from '../rows/coerce';
import { participations } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import { resolutionOf, resolveCouncil } from '../rows/council-cells';
import type { FeedModule } from '../rows/feed';
import { competitionStore } from './competition-store';
import { OTHER_SCHEME, schemesNamedIn } from './scheme-names';

export const WHLG_SCHEME = { scheme: 'Warm Homes: Local Grant', round: '2025-28' };

/** DESNZ's status codes, as plain words for readers. */
export const WHLG_STATUS_LABELS: Record<string, string> = {
	Live: 'Taking referrals',
	ReferralsPaused: 'Referrals paused',
	NoFunding: 'No funding',
	NotParticipating: 'Not taking part',
	NoLongerParticipating: 'No longer taking part'
};

const RowSchema = z.object({
	la_name: requiredText,
	whlg_status: requiredText.pipe(
		z.enum(Object.keys(WHLG_STATUS_LABELS) as [string, ...string[]], {
			message: `expected one of ${Object.keys(WHLG_STATUS_LABELS).join(', ')}`
		})
	),
	website_url: optionalWebAddress,
	consortium: optionalText,
	scheme: optionalText
});
type Row = z.output<typeof RowSchema> & { code: string; leadCode: string | null };

export const whlgParticipationFeed: FeedModule<Row> = {
	key: 'whlg-participation',
	title: 'Warm Homes: Local Grant participation (DESNZ)',
	description:
		'Which councils take part in Warm Homes: Local Grant 2025–28, and through which consortium lead.',
	datasetKey: 'warm-homes-local-grant',
	columns: [
		{
			name: 'os_custodian_code',
			required: false,
			description: 'Ordnance Survey custodian code (not a GSS code)'
		},
		{ name: 'la_name', required: true, description: 'council name as DESNZ lists it' },
		{
			name: 'whlg_status',
			required: true,
			description: Object.keys(WHLG_STATUS_LABELS).join(' / ')
		},
		{ name: 'website_url', required: false, description: 'where residents apply' },
		{ name: 'income_threshold_gbp', required: false, description: 'household income threshold' },
		{ name: 'consortium', required: false, description: 'consortium lead body; blank = none' },
		{
			name: 'scheme',
			required: false,
			description: `the scheme the row is for, if the file says: ${WHLG_SCHEME.scheme} only`
		}
	],
	scheme: WHLG_SCHEME.scheme,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const scheme = record.scheme?.trim();
		if (scheme && !schemesNamedIn(scheme).includes(WHLG_SCHEME.scheme)) {
			const message = `this row is for another scheme than ${WHLG_SCHEME.scheme}`;
			ctx.issues.error(rowNumber, 'scheme', scheme, OTHER_SCHEME, message);
			return null;
		}
		if (!row) return null;
		const council = resolveCouncil(ctx, rowNumber, 'la_name', row.la_name);
		if (!council) return null;
		let leadCode: string | null = null;
		if (row.consortium) {
			const lead = resolutionOf(ctx, row.consortium);
			// Some leads are not councils (an energy agency); keep the name, report it.
			if (lead.ok) leadCode = lead.code;
			else
				ctx.issues.warn(
					rowNumber,
					'consortium',
					row.consortium,
					'lead_not_a_council',
					`consortium lead "${row.consortium}" is not a council we know; kept by name`
				);
		}
		return { ...row, code: council, leadCode };
	},
	records: (r, ctx) => [
		{
			table: participations,
			key: ['competitionId', 'authorityCode'],
			// A blank consortium says the council has none; a lead that is not a council has no code.
			mayClear: ['leadAuthorityCode', 'leadName'],
			values: {
				competitionId: competitionStore(ctx).ensure(WHLG_SCHEME.scheme, WHLG_SCHEME.round, null),
				authorityCode: r.code,
				status: r.whlg_status,
				leadAuthorityCode: r.leadCode,
				leadName: r.consortium,
				websiteUrl: r.website_url
			}
		}
	]
};
