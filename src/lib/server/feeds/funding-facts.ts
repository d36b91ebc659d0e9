/**
 * Published funding-round facts (hand-transcribed from gov.uk, Salix and trade press, each row
 * with its source): windows and deadlines → competition_dates (with history: a superseded or
 * re-run date stays, linked to the one that replaced it), budgets and totals → competition_facts,
 * awards and allocations → awards, resolved by council name, consortia stored once with partners.
 */
import { splitRoundLabel } from './round-label';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { awards, competitionDates, competitionFacts, competitions } from '../db/schema';
import {
	optionalGbp,
	optionalText,
	optionalTime,
	optionalUkDate,
	optionalWebAddress,
	requiredText,
	type ParsedDate
} from '../rows/coerce';
import { validateRecord } from '../rows/validate-record';
import {
	nearestCouncil,
	reportUnresolved,
	resolutionOf,
	resolveCouncil
} from '../rows/council-cells';
import type { FeedModule, ImportContext } from '../rows/feed';
import { competitionStore } from './competition-store';
import { parseConsortiumNote } from './consortium-note';
import { setPartners } from './template-shared';

const FACT_TYPES = [
	'application_open',
	'application_close',
	'application_deadline',
	'programme_budget',
	'allocation_total',
	'awards_announced',
	'award',
	'allocation',
	'bids_summary',
	'programme_launch',
	// A scheme ended with no further rounds (PSDS after Phase 4).
	'programme_closed'
] as const;

const RowSchema = z.object({
	scheme: requiredText,
	round: requiredText,
	fact_type: requiredText.pipe(
		z.enum(FACT_TYPES, { message: `expected one of ${FACT_TYPES.join(', ')}` })
	),
	date: optionalUkDate,
	time: optionalTime,
	amount_gbp: optionalGbp,
	recipient_or_scope: optionalText,
	notes: optionalText,
	source_url: optionalWebAddress
});
type Fact = z.output<typeof RowSchema>;
/** A fact with its round's label split into name and note (round-label.ts). */
type Row = Fact & { roundNote: string | null; recipients: string[] | null };

const DATE_FACTS = new Set<string>([
	'application_open',
	'application_close',
	'application_deadline'
]);

/** A note saying the recipient turned the offer down (Tonbridge and Malling, WH:LG 2025). */
const DECLINED_RE = /\bdeclined\b/i;
const DECLINED =
	'the recipient declined this offer: kept as a fact of the round, not as money received';

/** A date note that says this date did not stand: a later row of the same event replaces it. */
const SUPERSEDED_RE = /supersed|portal failed|discarded/i;

export const fundingFactsFeed: FeedModule<Row> = {
	key: 'funding-facts',
	title: 'Published funding-round facts',
	description:
		'Windows, deadlines, budgets and awards of national net-zero funding rounds, with sources.',
	datasetKey: 'funding-published-facts',
	columns: Object.keys(RowSchema.shape).map((name) => ({
		name,
		required: ['scheme', 'round', 'fact_type'].includes(name),
		description: name
	})),
	parseRow(record, rowNumber, ctx) {
		const fact = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!fact) return null;
		const { round, note: roundNote } = splitRoundLabel(fact.round);
		const row = { ...fact, round, roundNote };
		if (DATE_FACTS.has(row.fact_type) && !row.date) {
			ctx.issues.error(
				rowNumber,
				'date',
				'',
				'invalid_value',
				'an opening or closing fact needs a date'
			);
			return null;
		}
		if (row.fact_type !== 'award' && row.fact_type !== 'allocation')
			return { ...row, recipients: null };
		// A formula allocation described for a whole class of councils states no one amount: it is a
		// fact about the round, not an award to a council.
		if (row.fact_type === 'allocation' && row.amount_gbp == null)
			return { ...row, recipients: null };
		// A declined offer is not money received: kept as a fact of the round, not as an award.
		if (DECLINED_RE.test(row.notes ?? '')) {
			const who = row.recipient_or_scope ?? '';
			ctx.issues.info(rowNumber, 'recipient_or_scope', who, 'offer_declined', DECLINED);
			return { ...row, recipients: null };
		}
		if (row.amount_gbp == null) {
			ctx.issues.error(
				rowNumber,
				'amount_gbp',
				'',
				'invalid_value',
				'an award needs an amount in pounds'
			);
			return null;
		}
		const name = row.recipient_or_scope ?? '';
		const recipients = ctx.resolver.resolveJoint(name);
		if (!recipients) {
			const r = resolutionOf(ctx, name);
			reportUnresolved(
				ctx.issues,
				rowNumber,
				'recipient_or_scope',
				name,
				r.ok || r.reason === 'unknown'
					? { reason: 'unknown', candidates: [], nearest: nearestCouncil(ctx, name) }
					: r
			);
			return null;
		}
		return { ...row, recipients };
	},
	createWriter(ctx) {
		const competitions = competitionStore(ctx);
		const dates: {
			competitionId: number;
			event: 'opens' | 'closes';
			date: ParsedDate;
			row: Row;
		}[] = [];
		const writeAward = awardWriter(ctx);
		const writeFact = factWriter(ctx);
		let written = 0;
		let unchanged = 0;
		return {
			write(row, rowNumber) {
				const competitionId = competitions.ensure(row.scheme, row.round, rowNumber, row.roundNote);
				if (DATE_FACTS.has(row.fact_type)) {
					dates.push({
						competitionId,
						event: row.fact_type === 'application_open' ? 'opens' : 'closes',
						date: row.date!,
						row
					});
					return;
				}
				if (row.recipients) {
					if (writeAward(competitionId, row, rowNumber)) written++;
					else unchanged++;
					return;
				}
				if (writeFact(competitionId, row)) written++;
				else unchanged++;
			},
			finish() {
				const counts = writeDates(ctx, dates);
				return { written: written + counts.written, unchanged: unchanged + counts.unchanged };
			}
		};
	}
};

/**
 * A budget or total as a fact of the round (added once: a fact already stored with the same
 * type, date, amount and scope is left alone); a budget also sets the round's budget, an
 * announcement its decision date while that is blank. True when the fact was added.
 */
function factWriter(ctx: ImportContext) {
	return (competitionId: number, row: Row): boolean => {
		if (row.fact_type === 'programme_budget' && row.amount_gbp != null)
			ctx.write.update(competitions, competitionId, { budgetGbp: row.amount_gbp });
		if (row.fact_type === 'awards_announced' && row.date) {
			const stored = ctx.db
				.select({ decisionDate: competitions.decisionDate })
				.from(competitions)
				.where(eq(competitions.id, competitionId))
				.get();
			if (stored?.decisionDate === null)
				ctx.write.update(competitions, competitionId, { decisionDate: row.date.date });
		}
		const fact = {
			competitionId,
			factType: row.fact_type,
			date: row.date?.date ?? null,
			amountGbp: row.amount_gbp ?? null,
			scope: row.recipient_or_scope ?? null
		};
		if (ctx.write.idOf(competitionFacts, fact) !== undefined) return false;
		ctx.write.insert(competitionFacts, {
			...fact,
			note: row.notes,
			sourceUrl: row.source_url
		});
		return true;
	};
}

function writeDates(
	ctx: ImportContext,
	dates: { competitionId: number; event: 'opens' | 'closes'; date: ParsedDate; row: Row }[]
) {
	let written = 0;
	const ids = dates.map((d) => {
		const key = { competitionId: d.competitionId, event: d.event, date: d.date.date };
		// A date already stored keeps its precision; its time, note and source follow the file.
		const details = { time: d.row.time, note: d.row.notes, sourceUrl: d.row.source_url };
		const found = ctx.write.idOf(competitionDates, key);
		if (found !== undefined) {
			if (ctx.write.update(competitionDates, found, details)) written++;
			return found;
		}
		written++;
		return ctx.write.insert(competitionDates, {
			...key,
			...details,
			datePrecision: d.date.precision
		});
	});
	// An extension or re-run: the flagged date is replaced by the next date of the same event.
	dates.forEach((d, i) => {
		if (!SUPERSEDED_RE.test(d.row.notes ?? '')) return;
		const next = dates.findIndex(
			(o, j) => j > i && o.competitionId === d.competitionId && o.event === d.event
		);
		if (next >= 0 && ctx.write.update(competitionDates, ids[i]!, { supersededById: ids[next] }))
			written++;
	});
	return { written, unchanged: dates.length - Math.min(written, dates.length) };
}

function awardWriter(ctx: ImportContext) {
	return (competitionId: number, row: Row, rowNumber: number): boolean => {
		const [lead, ...jointPartners] = row.recipients!;
		const note = parseConsortiumNote(row.notes ?? null);
		const projectTitle = projectTitleFromNote(row.notes ?? null, note.isConsortium);
		const key = { competitionId, authorityCode: lead!, amountGbp: row.amount_gbp!, projectTitle };
		// A stored award keeps its kind and date precision; the rest follows the file.
		const values = {
			awardDate: row.date === undefined ? undefined : (row.date?.date ?? null),
			isConsortium: note.isConsortium || jointPartners.length > 0,
			recipientName: row.recipient_or_scope ?? '',
			sourceUrl: row.source_url,
			notes: row.notes
		};
		const found = ctx.write.idOf(awards, key);
		const changed = found !== undefined ? ctx.write.update(awards, found, values) : true;
		const awardId =
			found ??
			ctx.write.insert(awards, {
				...key,
				...values,
				kind: row.fact_type === 'allocation' ? 'allocation' : 'award',
				awardDatePrecision: row.date?.precision ?? null
			});
		const partners: { authorityCode: string | null; name: string; kind: 'authority' }[] =
			jointPartners.map((code) => ({
				authorityCode: code,
				name: ctx.resolver.name(code) ?? code,
				kind: 'authority'
			}));
		const names = note.jointPhrase
			? (ctx.resolver.resolveJoint(note.jointPhrase) ?? [note.jointPhrase])
			: note.partnerNames;
		for (const name of names) {
			const code = resolveCouncil(ctx, rowNumber, 'notes', name, { severity: 'warning' });
			const shown = code ? (ctx.resolver.name(code) ?? name) : name;
			partners.push({ authorityCode: code, name: shown, kind: 'authority' });
		}
		return setPartners(ctx, { awardId }, partners) || changed;
	};
}

/**
 * Award-list notes name the project ("Town Centre Access Scheme; …") except where they describe
 * the figure itself (rounding, third-party summaries) or a consortium: those give no title.
 */
export function projectTitleFromNote(notes: string | null, isConsortium: boolean): string {
	if (
		!notes ||
		isConsortium ||
		/rounded|projects|summary|allocation|figure/i.test(notes.split(';')[0]!)
	)
		return '';
	return notes
		.split(';')[0]!
		.replace(/\s*\(.*\)\s*$/, '')
		.trim();
}
