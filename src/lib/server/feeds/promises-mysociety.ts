/**
 * mySociety / Climate Emergency UK net-zero promises → targets. One council may have several
 * promises (council operations, whole area); years arrive as "2030.0"; no year means the council
 * promised without a date, which is kept (scope, wording) with a null year.
 */
import { z } from 'zod';
import {
	optionalText,
	optionalUkDate,
	optionalWebAddress,
	optionalYear,
	requiredText,
	storedDate
} from '../rows/coerce';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { resolveCodedRow } from '../rows/council-cells';
import { targets } from '../db/schema';

export const SCOPE_BY_LABEL: Record<
	string,
	'council_operations' | 'whole_area' | 'no_promise' | 'unclear' | 'other'
> = {
	'council operations': 'council_operations',
	'whole area': 'whole_area',
	'no promise': 'no_promise',
	unclear: 'unclear',
	other: 'other'
};

const RowSchema = z.object({
	'local-authority-code': requiredText,
	scope: requiredText.transform((s, ctx) => {
		const scope = SCOPE_BY_LABEL[s.toLowerCase()];
		if (!scope) {
			ctx.addIssue({
				code: 'custom',
				message: 'expected "Council operations", "Whole area", "No promise", "Unclear" or "Other"'
			});
			return z.NEVER;
		}
		return scope;
	}),
	target: optionalYear,
	wording: optionalText,
	source_url: optionalWebAddress,
	source_name: optionalText,
	data_checked: optionalUkDate,
	notes: optionalText
});
type Row = z.output<typeof RowSchema> & { code: string };

export const mysocietyPromisesFeed: FeedModule<Row> = {
	key: 'mysociety-promises',
	title: 'Net-zero promises (mySociety / Climate Emergency UK)',
	description:
		'Each council’s net-zero targets by scope, with the year and verbatim wording. A promise checked before the stored one (data_checked), or unchecked where the stored one has a date, does not replace it.',
	datasetKey: 'la-climate-commitments',
	columns: [
		{ name: 'local-authority-code', required: true, description: '3-letter code' },
		{
			name: 'scope',
			required: true,
			description: 'Council operations / Whole area / No promise / Unclear / Other'
		},
		{ name: 'target', required: true, description: 'net-zero year' },
		{ name: 'wording', required: true, description: 'the promise, verbatim' },
		{ name: 'source_url', required: false, description: 'where it was found' },
		{ name: 'source_name', required: false, description: 'title of the source' },
		{ name: 'data_checked', required: false, description: 'date checked' },
		{ name: 'notes', required: false, description: 'notes' },
		{ name: 'gss_code', required: false, description: 'GSS code, cross-checked' },
		{ name: 'council', required: false, description: 'council name, used when the codes are blank' }
	],
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		// Resolve even when validation failed, so the report lists every problem of the row.
		const code = resolveCodedRow(record, rowNumber, ctx);
		return row && code ? { ...row, code } : null;
	},
	records: (r) => [
		{
			table: targets,
			key: ['authorityCode', 'scope', 'targetYear', 'wording'],
			// A promise checked earlier than the stored one does not set it back.
			datedBy: 'checkedOn',
			values: {
				authorityCode: r.code,
				scope: r.scope,
				targetYear: r.target,
				wording: r.wording ?? '',
				sourceUrl: r.source_url,
				sourceName: r.source_name,
				checkedOn: storedDate(r.data_checked),
				notes: r.notes
			}
		}
	]
};
