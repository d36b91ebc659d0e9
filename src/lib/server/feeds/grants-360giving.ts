/**
 * 360Giving grant data (the UK open standard for grants, CSV with its column titles) as awards to
 * councils. Only grants to councils belong here: any other recipient is reported and left out.
 *
 * - Recipient: the org-id of a council (GB-LAE-MAN, GB-LAS-EDH, GB-LAW-CRF, GB-LANI-BFS: the suffix
 *   is the 3-letter code this app keys authorities by), else a GSS code inside the identifier,
 *   else the recipient's name. Abolished councils count for their successor (money today).
 * - Competition: scheme = the grant programme, or "<funder> grants" when none is named; round =
 *   the UK financial year of the award date ("2023-24", April to March), because 360Giving has no
 *   notion of rounds and councils budget by financial year.
 * - The funder and "competitive" (from an open call) are set on the competition only while blank,
 *   so a feed never overrides what the scheme catalogue or published facts said.
 * - Awards are unique on (competition, council, amount, title): a second grant with all four equal
 *   gets its 360Giving identifier appended to the title, and the identifier is kept in notes, so
 *   a re-import finds each grant again and changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { awards, competitions as competitionsTable, funders } from '../db/schema';
import { financialYear } from '../../domain/financial-year';
import {
	optionalGbp,
	optionalShortText,
	optionalUkDate,
	optionalYesNo,
	requiredText
} from '../rows/coerce';
import type { FeedModule } from '../rows/feed';
import { validateRecord } from '../rows/validate-record';
import { reportUnresolved, resolutionOf } from '../rows/council-cells';
import { competitionStore } from './competition-store';

/** 360Giving writes ISO timestamps with an offset ("2024-02-10T00:00:00+00:00"): keep the date. */
const TIMESTAMP_RE = /^\s*(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const COUNCIL_ORG_ID_RE = /^GB-LA(?:E|S|W|NI)-([A-Z]{3})$/i;
const GSS_IN_ID_RE = /(?:^|-)([EWSN]\d{8})$/i;

const RowSchema = z.object({
	Identifier: requiredText,
	Title: requiredText,
	Currency: optionalShortText,
	'Amount Awarded': optionalGbp.pipe(z.number({ error: 'a value is required' })),
	'Award Date': z
		.string()
		.optional()
		.transform((s) => s?.replace(TIMESTAMP_RE, '$1'))
		.pipe(optionalUkDate)
		.pipe(
			z.object({ date: z.string(), precision: z.enum(['day', 'month']) }, 'a value is required')
		),
	'Recipient Org:Identifier': optionalShortText,
	'Recipient Org:Name': requiredText,
	'Funding Org:Name': requiredText,
	'Grant Programme:Title': optionalShortText,
	'From An Open Call?': optionalYesNo
});
type Grant = z.output<typeof RowSchema>;
type Row = Grant & { code: string; scheme: string; round: string };

const REQUIRED = new Set([
	'Identifier',
	'Title',
	'Amount Awarded',
	'Award Date',
	'Recipient Org:Name',
	'Funding Org:Name'
]);
const COLUMNS: [string, string][] = [
	['Identifier', 'the grant’s 360Giving identifier, kept in the award’s notes'],
	['Title', 'the grant’s title, stored as the project title'],
	['Description', 'not stored'],
	['Currency', 'must be GBP'],
	['Amount Applied For', 'not stored'],
	['Amount Awarded', 'pounds'],
	['Award Date', 'date of the award; decides the round (UK financial year)'],
	['Recipient Org:Identifier', 'org-id: GB-LAE-XXX, GB-LAS-XXX, GB-LAW-XXX, GB-LANI-XXX'],
	['Recipient Org:Name', 'used when the identifier names no council'],
	['Funding Org:Identifier', 'not stored'],
	['Funding Org:Name', 'the funder, set on the competition if it has none'],
	['Grant Programme:Title', 'the scheme; blank = "<funder> grants"'],
	['Planned Dates:Start Date', 'not stored'],
	['Planned Dates:End Date', 'not stored'],
	['From An Open Call?', 'Yes marks the competition competitive, if its kind is unknown']
];

export const grants360GivingFeed: FeedModule<Row> = {
	key: '360giving',
	title: '360Giving grants to councils',
	description:
		'Grants published in the 360Giving standard, as awards to the councils that received them.',
	datasetKey: null,
	columns: COLUMNS.map(([name, description]) => ({
		name,
		description,
		required: REQUIRED.has(name)
	})),
	parseRow(record, rowNumber, ctx) {
		const g = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!g) return null;
		if (g.Currency && g.Currency.toUpperCase() !== 'GBP') {
			ctx.issues.error(rowNumber, 'Currency', g.Currency, 'invalid_value', 'expected GBP');
			return null;
		}
		const id = g['Recipient Org:Identifier'] ?? '';
		const fromId = COUNCIL_ORG_ID_RE.exec(id)?.[1] ?? GSS_IN_ID_RE.exec(id)?.[1];
		const byId = fromId ? resolutionOf(ctx, fromId) : null;
		const [column, value, found] = byId?.ok
			? ['Recipient Org:Identifier', id, byId]
			: ['Recipient Org:Name', g['Recipient Org:Name'], resolutionOf(ctx, g['Recipient Org:Name'])];
		if (!found.ok) {
			// A council's org-id that we cannot place is the clearer thing to report than its name.
			if (byId && !byId.ok)
				reportUnresolved(ctx.issues, rowNumber, 'Recipient Org:Identifier', id, byId);
			else reportUnresolved(ctx.issues, rowNumber, column, value, found);
			return null;
		}
		if (found.successorOf)
			ctx.issues.info(
				rowNumber,
				column,
				value,
				'successor_used',
				`${found.successorOf} has been replaced by ${found.code}: the award is counted for ${found.code}`
			);
		return {
			...g,
			code: found.code,
			scheme: g['Grant Programme:Title'] ?? `${g['Funding Org:Name']} grants`,
			round: financialYear(g['Award Date'].date)
		};
	},
	createWriter(ctx) {
		const competitions = competitionStore(ctx);
		const stored = (id: number) =>
			ctx.db
				.select({ funderId: competitionsTable.funderId, kind: competitionsTable.kind })
				.from(competitionsTable)
				.where(eq(competitionsTable.id, id))
				.get();
		const holder = (competitionId: number, code: string, amount: number, title: string) =>
			ctx.db
				.select({ id: awards.id, notes: awards.notes })
				.from(awards)
				.where(
					and(
						eq(awards.competitionId, competitionId),
						eq(awards.authorityCode, code),
						eq(awards.amountGbp, amount),
						eq(awards.projectTitle, title)
					)
				)
				.get();
		const settled = new Set<number>();
		let written = 0;
		let unchanged = 0;
		return {
			write(row, rowNumber) {
				const id = competitions.ensure(row.scheme, row.round, rowNumber);
				// The funder and kind are set only while blank: the catalogue or published facts win.
				if (!settled.has(id)) {
					settled.add(id);
					if (stored(id)?.funderId === null) {
						const funderId = ctx.write.ensure(funders, { name: row['Funding Org:Name'] });
						ctx.write.update(competitionsTable, id, { funderId });
					}
				}
				if (row['From An Open Call?'] && stored(id)?.kind === null)
					ctx.write.update(competitionsTable, id, { kind: 'competitive' });
				const amount = row['Amount Awarded'];
				const same = holder(id, row.code, amount, row.Title);
				const title =
					same === undefined || same.notes === row.Identifier
						? row.Title
						: `${row.Title} (${row.Identifier})`;
				// A stored award keeps its kind, consortium flag and source (another feed may have
				// given them); the grant updates its date, recipient and identifier.
				const found = title === row.Title ? same : holder(id, row.code, amount, title);
				const values = {
					awardDate: row['Award Date'].date,
					awardDatePrecision: row['Award Date'].precision,
					recipientName: row['Recipient Org:Name'],
					notes: row.Identifier
				};
				if (found) {
					if (ctx.write.update(awards, found.id, values)) written++;
					else unchanged++;
					return;
				}
				ctx.write.insert(awards, {
					...values,
					competitionId: id,
					authorityCode: row.code,
					kind: 'award',
					amountGbp: amount,
					projectTitle: title,
					isConsortium: false,
					sourceUrl: null
				});
				written++;
			},
			finish: () => ({ written, unchanged })
		};
	}
};
