/**
 * mySociety / Climate Emergency UK climate emergency declarations. `made_declaration` is free text
 * ("Y", "N - turned it down on Sept 2020", "Y (used the word 'emergency')"): the first word decides
 * `declared` and the source's words are kept beside it. Dates are dd/mm/yyyy or month-only.
 */
import { z } from 'zod';
import { webAddress } from '../../links';
import { optionalText, optionalUkDate, optionalYear, parseYesNo, storedDate } from '../rows/coerce';
import { declarations } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { resolveCodedRow } from '../rows/council-cells';

const RowSchema = z.object({
	made_declaration: optionalText,
	date_made: optionalUkDate,
	motion_url: optionalText,
	ecological_emergency: optionalText,
	carbon_neutral_date: optionalYear,
	carbon_neutral_whole_date: optionalText,
	notes: optionalText
});
type Row = z.output<typeof RowSchema> & { code: string };

export const mysocietyDeclarationsFeed: FeedModule<Row> = {
	key: 'mysociety-declarations',
	title: 'Climate emergency declarations (mySociety / Climate Emergency UK)',
	description:
		'Whether and when each council declared a climate emergency. A declaration dated before the stored one (date_made), or undated where the stored one is dated, does not replace it.',
	datasetKey: 'la-climate-commitments',
	columns: [
		{ name: 'local-authority-code', required: true, description: '3-letter code' },
		{ name: 'made_declaration', required: true, description: 'Y / N, often with words after' },
		{ name: 'date_made', required: true, description: 'dd/mm/yyyy or mm/yyyy' },
		{ name: 'motion_url', required: false, description: 'link to the motion' },
		{ name: 'ecological_emergency', required: false, description: 'also an ecological emergency?' },
		{
			name: 'carbon_neutral_date',
			required: false,
			description: 'council target year in the motion'
		},
		{
			name: 'carbon_neutral_whole_date',
			required: false,
			description: 'whole-area target, free text'
		},
		{ name: 'notes', required: false, description: 'notes' },
		{ name: 'gss_code', required: false, description: 'GSS code, cross-checked' },
		{ name: 'council', required: false, description: 'council name, used when the codes are blank' }
	],
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		// Resolve even when validation failed, so the report lists every problem of the row.
		const code = resolveCodedRow(record, rowNumber, ctx);
		if (!row || !code) return null;
		if (row.date_made?.precision === 'month') {
			ctx.issues.info(
				rowNumber,
				'date_made',
				record.date_made ?? '',
				'month_only_date',
				'only the month is known; stored with month precision'
			);
		}
		return { ...row, code };
	},
	records: (r) => [
		{
			table: declarations,
			key: ['authorityCode'],
			// An older edition's declaration (an earlier date, or none) does not replace a later one.
			datedBy: 'dateMade',
			values: {
				authorityCode: r.code,
				declared: parseYesNo(r.made_declaration ?? '') === true,
				madeText: r.made_declaration ?? '',
				dateMade: storedDate(r.date_made),
				datePrecision: r.date_made === undefined ? undefined : (r.date_made?.precision ?? null),
				// The source's motion links are sometimes a scraper placeholder ("Loading...",
				// "#ERROR!"), not a link: those are dropped and the declaration kept.
				motionUrl: r.motion_url === undefined ? undefined : webAddress(r.motion_url),
				ecologicalEmergency: r.ecological_emergency,
				councilTargetYear: r.carbon_neutral_date,
				wholeAreaTargetText: r.carbon_neutral_whole_date,
				notes: r.notes
			}
		}
	]
};
