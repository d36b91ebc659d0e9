/** mySociety's GSS → 3-letter code lookup, including former GSS codes of re-coded councils. */
import { z } from 'zod';
import { requiredText } from '../rows/coerce';
import { authorityGssCodes } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';

const RowSchema = z.object({
	'gss-code': requiredText.pipe(
		z.string().regex(/^[EWSN]\d{8}$/, 'expected a GSS code such as E08000009')
	),
	'local-authority-code': requiredText
});
type Row = z.output<typeof RowSchema>;

export const authorityGssCodesFeed: FeedModule<Row> = {
	key: 'authority-gss-codes',
	title: 'GSS code lookup (mySociety)',
	description: 'Every GSS code a council has had, current and former.',
	datasetKey: 'uk-la-names-codes',
	columns: [
		{ name: 'gss-code', required: true, description: 'ONS GSS code' },
		{ name: 'local-authority-code', required: true, description: 'mySociety 3-letter code' }
	],
	parseRow(record, rowNumber, ctx) {
		if (!record['gss-code']?.trim()) {
			// Former Northern Ireland districts never had a GSS code: nothing to look up.
			ctx.issues.info(rowNumber, 'gss-code', '', 'no_gss_code', 'no GSS code: nothing to store');
			return null;
		}
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (row && !ctx.resolver.has(row['local-authority-code'])) {
			ctx.issues.error(
				rowNumber,
				'local-authority-code',
				row['local-authority-code'],
				'unknown_authority',
				`unknown authority code "${row['local-authority-code']}"`
			);
			return null;
		}
		return row;
	},
	records: (r, ctx) => [
		{
			table: authorityGssCodes,
			key: ['gssCode'],
			values: {
				gssCode: r['gss-code'],
				authorityCode: r['local-authority-code'],
				// Current when it is the code the council has today (from the authorities feed).
				isCurrent: ctx.resolver.gssCode(r['local-authority-code']) === r['gss-code']
			}
		}
	]
};
