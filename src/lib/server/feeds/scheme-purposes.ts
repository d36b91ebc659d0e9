/**
 * What each funding scheme is for and whether its money is won by competition, each with the
 * published words and page that say so (the transcribed `scheme_purposes.csv`, or an admin's own
 * classification in the same columns). Every funding figure reads the purpose to count net-zero
 * money apart from general (regeneration, growth) money.
 */
import { z } from 'zod';
import { optionalText, optionalWebAddress, requiredText } from '../rows/coerce';
import { schemes } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { competitiveChoice, purposeChoice } from './purpose-choices';

const RowSchema = z.object({
	scheme: requiredText,
	purpose: purposeChoice.transform((purpose, ctx) => {
		if (purpose !== null) return purpose;
		ctx.addIssue({ code: 'custom', message: 'expected a purpose: the scheme is classified here' });
		return z.NEVER;
	}),
	competitive: competitiveChoice,
	justification: optionalText,
	source_url: optionalWebAddress
});
type Row = z.output<typeof RowSchema>;

export const schemePurposesFeed: FeedModule<Row> = {
	key: 'scheme-purposes',
	title: 'Funding schemes: purpose and competitiveness',
	description:
		'For each funding scheme: whether it is net-zero specific, a wider fund with a net-zero strand, or general (regeneration, growth) money, and whether it is competitive, with the words and page that say so.',
	datasetKey: 'funding-competitions-2025-2027',
	columns: [
		{ name: 'scheme', required: true, description: 'the scheme, as the funding rounds name it' },
		{
			name: 'purpose',
			required: true,
			description: 'net_zero_specific, net_zero_partial (a net-zero strand) or general'
		},
		{ name: 'competitive', required: false, description: 'yes, no, mixed, or blank if unknown' },
		{ name: 'justification', required: false, description: 'the published words that say so' },
		{ name: 'source_url', required: false, description: 'the page those words are on' }
	],
	parseRow(record, rowNumber, ctx) {
		return validateRecord(RowSchema, record, rowNumber, ctx.issues);
	},
	records: (r) => [
		{
			table: schemes,
			key: ['name'],
			values: {
				name: r.scheme,
				purpose: r.purpose,
				competitive: r.competitive,
				justification: r.justification,
				sourceUrl: r.source_url
			}
		}
	]
};
