/**
 * Published funding-round facts (hand-transcribed from gov.uk, Salix and trade press, each row
 * with its source): windows and deadlines → competition_dates (with history: a superseded or
 * re-run date stays, linked to the one that replaced it), budgets and totals → competition_facts,
 * awards and allocations → awards, resolved by council name, consortia stored once with partners.
 */
import { z } from 'zod';
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
import { reportUnresolved, resolutionOf, resolveCouncil } from '../rows/council-cells';
import type { FeedModule, ImportContext } from '../rows/feed';
import { competitionStore } from './competition-store';
import { parseConsortiumNote } from './consortium-note';

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
	'programme_launch'
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
type Row = Fact & { recipients: string[] | null };

const DATE_FACTS = new Set<string>([
	'application_open',
	'application_close',
	'application_deadline'
]);

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
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!row) return null;
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
		if (row.amount_gbp === null) {
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
				r.ok ? { reason: 'unknown', candidates: [] } : r
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
		const insertFact = ctx.sqlite.prepare(
			`INSERT INTO competition_facts (competition_id, fact_type, date, amount_gbp, scope, note, source_url, batch_id)
			 SELECT @competition_id, @fact_type, @date, @amount_gbp, @scope, @note, @source_url, @batch_id
			 WHERE NOT EXISTS (SELECT 1 FROM competition_facts WHERE competition_id = @competition_id AND fact_type = @fact_type
			   AND date IS @date AND amount_gbp IS @amount_gbp AND scope IS @scope)`
		);
		let written = 0;
		let unchanged = 0;
		return {
			write(row, rowNumber) {
				const competitionId = competitions.ensure(row.scheme, row.round, rowNumber);
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
				if (row.fact_type === 'programme_budget' && row.amount_gbp !== null) {
					ctx.sqlite
						.prepare('UPDATE competitions SET budget_gbp = ? WHERE id = ?')
						.run(row.amount_gbp, competitionId);
				}
				if (row.fact_type === 'awards_announced' && row.date) {
					ctx.sqlite
						.prepare(
							'UPDATE competitions SET decision_date = coalesce(decision_date, ?) WHERE id = ?'
						)
						.run(row.date.date, competitionId);
				}
				const changes = insertFact.run({
					competition_id: competitionId,
					fact_type: row.fact_type,
					date: row.date?.date ?? null,
					amount_gbp: row.amount_gbp,
					scope: row.recipient_or_scope,
					note: row.notes,
					source_url: row.source_url,
					batch_id: ctx.batchId
				}).changes;
				if (changes) written++;
				else unchanged++;
			},
			finish() {
				const counts = writeDates(ctx, dates);
				return { written: written + counts.written, unchanged: unchanged + counts.unchanged };
			}
		};
	}
};

function writeDates(
	ctx: ImportContext,
	dates: { competitionId: number; event: 'opens' | 'closes'; date: ParsedDate; row: Row }[]
) {
	const upsert = ctx.sqlite.prepare(
		`INSERT INTO competition_dates (competition_id, event, date, date_precision, time, note, source_url, batch_id)
		 VALUES (@competition_id, @event, @date, @precision, @time, @note, @source_url, @batch_id)
		 ON CONFLICT (competition_id, event, date) DO UPDATE SET time = excluded.time, note = excluded.note, source_url = excluded.source_url
		 WHERE time IS NOT excluded.time OR note IS NOT excluded.note OR source_url IS NOT excluded.source_url
		 RETURNING id`
	);
	const findId = ctx.sqlite
		.prepare('SELECT id FROM competition_dates WHERE competition_id = ? AND event = ? AND date = ?')
		.pluck();
	const supersede = ctx.sqlite.prepare(
		'UPDATE competition_dates SET superseded_by_id = ? WHERE id = ? AND superseded_by_id IS NOT ?'
	);
	let written = 0;
	const ids = dates.map((d) => {
		const returned = upsert.get({
			competition_id: d.competitionId,
			event: d.event,
			date: d.date.date,
			precision: d.date.precision,
			time: d.row.time,
			note: d.row.notes,
			source_url: d.row.source_url,
			batch_id: ctx.batchId
		}) as { id: number } | undefined;
		if (returned) written++;
		return returned?.id ?? (findId.get(d.competitionId, d.event, d.date.date) as number);
	});
	// An extension or re-run: the flagged date is replaced by the next date of the same event.
	dates.forEach((d, i) => {
		if (!SUPERSEDED_RE.test(d.row.notes ?? '')) return;
		const next = dates.findIndex(
			(o, j) => j > i && o.competitionId === d.competitionId && o.event === d.event
		);
		if (next >= 0) written += supersede.run(ids[next], ids[i], ids[next]).changes;
	});
	return { written, unchanged: dates.length - Math.min(written, dates.length) };
}

function awardWriter(ctx: ImportContext) {
	const upsert = ctx.sqlite.prepare(
		`INSERT INTO awards (competition_id, authority_code, kind, amount_gbp, award_date, award_date_precision, project_title, is_consortium, recipient_name, source_url, notes, batch_id)
		 VALUES (@competition_id, @authority_code, @kind, @amount_gbp, @award_date, @precision, @project_title, @is_consortium, @recipient_name, @source_url, @notes, @batch_id)
		 ON CONFLICT (competition_id, authority_code, amount_gbp, project_title) DO UPDATE SET
		   award_date = excluded.award_date, is_consortium = excluded.is_consortium, recipient_name = excluded.recipient_name,
		   source_url = excluded.source_url, notes = excluded.notes, batch_id = excluded.batch_id
		 WHERE award_date IS NOT excluded.award_date OR is_consortium IS NOT excluded.is_consortium OR notes IS NOT excluded.notes
		   OR source_url IS NOT excluded.source_url OR recipient_name IS NOT excluded.recipient_name`
	);
	const findId = ctx.sqlite
		.prepare(
			'SELECT id FROM awards WHERE competition_id = ? AND authority_code = ? AND amount_gbp = ? AND project_title = ?'
		)
		.pluck();
	const clearPartners = ctx.sqlite.prepare('DELETE FROM partners WHERE award_id = ?');
	const addPartner = ctx.sqlite.prepare(
		'INSERT INTO partners (award_id, authority_code, name, kind) VALUES (?, ?, ?, ?)'
	);

	return (competitionId: number, row: Row, rowNumber: number): boolean => {
		const [lead, ...jointPartners] = row.recipients!;
		const note = parseConsortiumNote(row.notes);
		const projectTitle = projectTitleFromNote(row.notes, note.isConsortium);
		const changes = upsert.run({
			competition_id: competitionId,
			authority_code: lead,
			kind: row.fact_type === 'allocation' ? 'allocation' : 'award',
			amount_gbp: row.amount_gbp,
			award_date: row.date?.date ?? null,
			precision: row.date?.precision ?? null,
			project_title: projectTitle,
			is_consortium: note.isConsortium || jointPartners.length > 0 ? 1 : 0,
			recipient_name: row.recipient_or_scope,
			source_url: row.source_url,
			notes: row.notes,
			batch_id: ctx.batchId
		}).changes;
		const awardId = findId.get(competitionId, lead, row.amount_gbp, projectTitle) as number;
		clearPartners.run(awardId);
		const partners: { code: string | null; name: string }[] = jointPartners.map((code) => ({
			code,
			name: ctx.resolver.name(code) ?? code
		}));
		const names = note.jointPhrase
			? (ctx.resolver.resolveJoint(note.jointPhrase) ?? [note.jointPhrase])
			: note.partnerNames;
		for (const name of names) {
			const code = resolveCouncil(ctx, rowNumber, 'notes', name, { severity: 'warning' });
			partners.push({ code, name: code ? (ctx.resolver.name(code) ?? name) : name });
		}
		for (const p of partners) addPartner.run(awardId, p.code, p.name, 'authority');
		return changes > 0;
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
