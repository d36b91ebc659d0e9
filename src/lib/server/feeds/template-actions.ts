/**
 * The actions template: a council's climate action plan, one action per row, keyed by the council
 * and its own reference. Status, phase and RAG are read however officers write them; progress is
 * checked (0–100%, completed not before started, "complete" at less than 100% is flagged). Bids
 * named in funded_by (the same council's references) become action_funding links.
 */
import { z } from 'zod';
import { resolveCouncil } from '../rows/council-cells';
import {
	optionalGbp,
	optionalNumber,
	optionalShortText,
	optionalText,
	optionalUkDate,
	optionalYesNo,
	requiredText
} from '../rows/coerce';
import { actions } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import {
	linkActionToBid,
	checkDateOrder,
	choice,
	referencedIds,
	requiredChoice,
	rowTally,
	SCOPE_EXPECTED,
	SCOPE_VARIANTS,
	schemaValues,
	templateColumns
} from './template-shared';

const STATUS_VARIANTS = {
	planned: ['not started', 'not yet started', 'proposed', 'scheduled', 'to do'],
	in_progress: ['ongoing', 'underway', 'under way', 'started', 'in delivery', 'on track', 'active'],
	complete: ['completed', 'done', 'finished', 'delivered', 'achieved'],
	delayed: ['on hold', 'paused', 'behind', 'behind schedule', 'late', 'slipped'],
	cancelled: ['canceled', 'stopped', 'abandoned', 'withdrawn', 'dropped']
} as const;

const PHASE_VARIANTS = {
	not_started: ['not yet started', 'pre start'],
	planning: ['plan', 'design', 'feasibility', 'development', 'procurement'],
	implementation: ['delivery', 'in delivery', 'construction', 'installation', 'rollout'],
	completed: ['complete', 'done', 'finished']
} as const;

const RAG_VARIANTS = { red: ['r'], amber: ['a', 'yellow', 'orange'], green: ['g'] } as const;

/** 0–100, written 45, 45% or 45.5 %. */
const percent = z
	.string()
	.optional()
	.transform((s, ctx) => {
		const t = s?.trim().replace(/\s*%$/, '');
		if (!t) return null;
		const n = Number(t);
		if (!Number.isFinite(n) || n < 0 || n > 100) {
			ctx.addIssue({ code: 'custom', message: 'expected a percentage from 0 to 100, such as 45%' });
			return z.NEVER;
		}
		return n;
	});

const RowSchema = z.object({
	authority: requiredText,
	reference: requiredText,
	title: requiredText,
	sector: optionalShortText,
	scope: choice(SCOPE_VARIANTS, SCOPE_EXPECTED),
	status: requiredChoice(STATUS_VARIANTS, 'planned, in progress, complete, delayed or cancelled'),
	phase: choice(PHASE_VARIANTS, 'not started, planning, implementation or completed'),
	percent_complete: percent,
	start_date: optionalUkDate,
	due_date: optionalUkDate,
	completed_on: optionalUkDate,
	last_updated: optionalUkDate,
	est_tco2e_per_year: optionalNumber,
	cost: optionalGbp,
	funding_status: optionalText,
	funded_by: optionalText,
	owner: optionalShortText,
	partners: optionalText,
	rag: choice(RAG_VARIANTS, 'red, amber or green (R, A or G)'),
	rag_note: optionalText,
	public: optionalYesNo
});
type Row = z.output<typeof RowSchema> & { authority_code: string; is_public: boolean };

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
authority*         | The council: GSS code, 3-letter code or name. | Leeds | Council; Local authority; Authority name; LA
reference*         | Your council's own reference for the action; with the council it identifies the action. | EXAMPLE-ACT-014 | Action reference; Ref; Action ID; ID; Action no
title*             | What the action is, in a few words. | Heat pumps in six leisure centres | Action; Action title; Action name; Description
sector             | Where it cuts emissions: buildings, transport, energy, waste, nature… | buildings | Theme; Category; Workstream
scope              | Whose emissions: Council operations (the council's own) or Whole area. | Council operations | Emissions scope; Scope of action
status*            | planned, in progress, complete, delayed or cancelled ("Completed", "On hold" for delayed and "Not started" for planned work too). | Complete | Action status; Progress; Current status
phase              | not started, planning, implementation or completed. | Completed | Stage; Project phase
percent_complete   | How far through, 0 to 100; "45%" works. A complete action should be at 100%. | 100% | % complete; Percent complete; Percentage complete; Progress (%)
start_date         | Date work started (or will start), dd/mm/yyyy. | 01/04/2024 | Start; Started; Start date
due_date           | Date it is due to finish, dd/mm/yyyy. | 31/03/2025 | Due; Due date; Deadline; Target date; End date
completed_on       | Date it was finished, dd/mm/yyyy; not before start_date. | 14/03/2025 | Completed; Completion date; Date completed
last_updated       | Date this row was last brought up to date, dd/mm/yyyy. | 20/03/2025 | Last updated; Updated; Date updated; As at
est_tco2e_per_year | Estimated tonnes of CO2e saved a year once complete. | 420 | tCO2e saved per year; Estimated savings (tCO2e/yr); Carbon saving (tCO2e); CO2 savings
cost               | Total cost in pounds. | £2,400,000 | Cost (£); Total cost; Estimated cost
funding_status     | How it is funded, in words. | Fully funded | Funding; Funded?
funded_by          | References of your bids that fund it, separated by semicolons. | EXAMPLE-LDS-2024-07 | Bids; Bid references; Funding bids
owner              | Officer or team responsible. | Head of Property | Lead officer; Responsible officer; Responsible
partners           | Partners delivering it, in words. | Leeds Beckett University | Delivery partners; Partner organisations
rag                | Red, amber or green; R, A and G work too. | Green | RAG status; RAG rating
rag_note           | Why it has that rating. | Finished before the heating season | RAG comment; RAG note; Commentary; Comments
public             | Yes to publish it, No to keep it internal; blank means yes. | Yes | Publish; Public?; Show publicly; Published
`
);

export const templateActionsFeed: FeedModule<Row> = {
	key: 'actions',
	template: true,
	title: 'Climate actions (template)',
	description:
		"A council's climate actions: status, progress, dates, expected savings, cost, funding and RAG rating.",
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const code = resolveCouncil(ctx, rowNumber, 'authority', record.authority ?? '');
		if (!row || !code || !checkDateOrder(ctx, rowNumber, record, row, 'start_date', 'completed_on'))
			return null;
		if (row.status === 'complete' && row.percent_complete !== null && row.percent_complete < 100) {
			const value = record.percent_complete!.trim();
			const message = `status is complete but percent_complete is ${value}`;
			ctx.issues.warn(rowNumber, 'percent_complete', value, 'complete_below_100', message);
		}
		return { ...row, authority_code: code, is_public: row.public ?? true };
	},
	createWriter(ctx) {
		const tally = rowTally(ctx);
		const bidIds = referencedIds(ctx, 'bids');
		return {
			write(row, rowNumber) {
				const { authority_code: authorityCode, reference } = row;
				const key = `${authorityCode}\u0000${reference}`;
				if (!tally.repeat(key, rowNumber, 'reference', reference, row)) return;
				let changed = ctx.write.upsert({
					table: actions,
					key: ['authorityCode', 'reference'],
					values: schemaValues(actions, row, { partners_text: 'partners' })
				});
				const id = ctx.write.idOf(actions, { authorityCode, reference })!;
				for (const bid of bidIds(row.funded_by, authorityCode, rowNumber, 'funded_by'))
					changed = linkActionToBid(ctx, id, bid) || changed;
				tally.add(changed);
			},
			finish: () => tally.counts()
		};
	}
};
