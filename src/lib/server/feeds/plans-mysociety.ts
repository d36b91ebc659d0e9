/**
 * mySociety / Climate Emergency UK climate plan documents, stored as links with their type.
 * Types arrive with inconsistent casing ("Action plan", "Action Plan"): folded to lower case.
 *
 * The dates that govern a plan are last_update (when the sheet last updated its row), else
 * date_retrieved (when its authors fetched the document): an older edition of the sheet, with
 * earlier dates and older titles, or without those dates at all (the 2022 sheet has no
 * last_update column), does not set a stored plan back (import/set-back.ts). Plans of abolished councils stay theirs (a district's own plan is not its
 * successor's), and the report names those councils.
 */
import { z } from 'zod';
import {
	optionalShortText,
	optionalUkDate,
	optionalWebAddress,
	optionalYesNo,
	storedDate
} from '../rows/coerce';
import { plans } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { resolveCodedRow } from '../rows/council-cells';

const RowSchema = z.object({
	url: optionalWebAddress,
	title: optionalShortText,
	type: optionalShortText.transform((t) => (t ? t.toLowerCase() : null)),
	date_retrieved: optionalUkDate,
	last_update: optionalUkDate,
	out_of_date: optionalYesNo,
	file_type: optionalShortText
});
type Row = z.output<typeof RowSchema> & { code: string };

export const mysocietyPlansFeed: FeedModule<Row> = {
	key: 'mysociety-plans',
	title: 'Climate plan documents (mySociety / Climate Emergency UK)',
	description:
		'Links to each council’s climate action plans, strategies and progress reports. A row updated or retrieved before the stored plan (last_update, else date_retrieved), or without the date the stored plan has, does not replace it.',
	datasetKey: 'la-climate-commitments',
	columns: [
		{ name: 'local-authority-code', required: true, description: '3-letter code' },
		{ name: 'url', required: true, description: 'document address' },
		{ name: 'title', required: false, description: 'document title' },
		{
			name: 'type',
			required: true,
			description: 'Action plan / Climate strategy / Progress report…'
		},
		{ name: 'date_retrieved', required: false, description: 'dd/mm/yyyy' },
		{ name: 'last_update', required: false, description: 'ISO date' },
		{ name: 'out_of_date', required: false, description: 'True / False' },
		{ name: 'file_type', required: false, description: 'pdf, html…' },
		{ name: 'gss_code', required: false, description: 'GSS code, cross-checked' },
		{ name: 'council', required: false, description: 'council name, used when the codes are blank' }
	],
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (row && !row.url) {
			// The source lists councils whose plan was looked for and not found: nothing to link.
			ctx.issues.info(rowNumber, 'url', '', 'no_document', 'no document address: nothing to store');
			return null;
		}
		// Resolve even when validation failed, so the report lists every problem of the row.
		const code = resolveCodedRow(record, rowNumber, ctx);
		return row && code ? { ...row, url: row.url!, code } : null;
	},
	records: (r) => [
		{
			table: plans,
			key: ['authorityCode', 'url'],
			datedBy: ['lastUpdate', 'dateRetrieved'],
			values: {
				authorityCode: r.code,
				url: r.url,
				title: r.title,
				type: r.type,
				dateRetrieved: storedDate(r.date_retrieved),
				lastUpdate: storedDate(r.last_update),
				outOfDate: r.out_of_date,
				fileType: r.file_type
			}
		}
	]
};
