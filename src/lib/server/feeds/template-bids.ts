/**
 * The bids template: a council's bid pipeline, one bid per row, keyed by the lead council and the
 * council's own reference. Each status change adds to bid_status_history; partners (councils,
 * resolved, and other bodies by name) are replaced only when they differ; linked actions become
 * action_funding rows. A won bid with an amount also stands as one award (against the lead, the
 * partner councils as its partners) so funding figures count it once; when a published award of
 * the same money is already stored, the bid is linked to it instead of adding a second.
 */
import { z } from 'zod';
import {
	optionalGbp,
	optionalNumber,
	optionalText,
	optionalUkDate,
	requiredText
} from '../import/coerce';
import { prepareUpsert } from '../import/upsert';
import { validateRecord } from '../import/validate-record';
import type { FeedModule, ImportContext } from '../import/types';
import { competitionStore } from './competition-store';
import {
	actionBidLinker,
	checkDateOrder,
	requiredChoice,
	resolveCouncil,
	rowTally,
	partnerSync,
	referencedIds,
	splitList,
	tableRecord,
	templateColumns,
	ukToday,
	variantLookup
} from './template-shared';

const STATUS_VARIANTS = {
	idea: ['concept', 'pipeline', 'potential', 'proposed'],
	drafting: ['draft', 'in preparation', 'preparing', 'being prepared', 'in progress', 'writing'],
	submitted: ['awaiting decision', 'awaiting outcome', 'pending', 'under assessment', 'applied'],
	won: ['successful', 'awarded', 'approved', 'funded', 'success'],
	lost: ['unsuccessful', 'rejected', 'declined', 'not funded', 'not successful'],
	withdrawn: ['not submitted', 'abandoned', 'cancelled', 'canceled', 'dropped']
} as const;

const partnerKind = variantLookup({
	nhs: ['health', 'nhs trust', 'icb', 'integrated care board'],
	housing_association: ['housing', 'ha', 'registered provider', 'rp', 'social landlord'],
	university: ['uni', 'college', 'academic', 'higher education'],
	business: ['company', 'private', 'private sector', 'sme', 'firm'],
	community: ['community group', 'charity', 'voluntary', 'vcse', 'cic'],
	other: []
});

const RowSchema = z.object({
	reference: requiredText,
	lead_authority: requiredText,
	scheme: requiredText,
	round: requiredText,
	title: requiredText,
	requested: optionalGbp,
	awarded: optionalGbp,
	status: requiredChoice(STATUS_VARIANTS, 'idea, drafting, submitted, won, lost or withdrawn'),
	status_date: optionalUkDate,
	submitted_on: optionalUkDate,
	decided_on: optionalUkDate,
	officer_days: optionalNumber.pipe(z.number().min(0, 'expected days, 0 or more').nullable()),
	bid_cost: optionalGbp,
	partner_authorities: optionalText,
	other_partners: optionalText,
	linked_actions: optionalText,
	source_url: optionalText,
	notes: optionalText
});
/** A partner as stored: [authority_code, name, kind]. */
type Partner = [string | null, string, string];
type Row = z.output<typeof RowSchema> & { lead: string; partners: Partner[] };

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
reference*          | Your council's own reference for the bid; with the lead council it identifies the bid. | LDS-2024-07 | Bid reference; Our reference; Ref; Bid ref; Bid ID
lead_authority*     | The council leading the bid: GSS code, 3-letter code or name. | Leeds | Lead authority; Lead council; Lead; Council; Authority; Lead applicant
scheme*             | The funding scheme bid to, as the funder names it. | Example Decarbonisation Fund | Scheme name; Programme; Fund
round*              | The round or phase of the scheme. | Phase 2 | Phase; Funding round
title*              | Short title of the bid or project. | Heat pumps for six leisure centres | Bid title; Project title; Project; Project name; Bid name
requested           | Pounds asked for. | £2,400,000 | Amount requested; Requested (£); Bid amount; Amount applied for
awarded             | Pounds won; blank until decided. | £1.9m | Amount awarded; Awarded (£); Grant awarded; Award
status*             | Where the bid stands: idea, drafting, submitted, won, lost or withdrawn ("Successful", "Unsuccessful" and "In preparation" work too). | Successful | Bid status; Stage; Outcome
status_date         | Date the bid reached this status; if blank, the decision or submission date, else the upload date. | 14/03/2025 | Status date; Status changed; Date of status
submitted_on        | Date submitted, dd/mm/yyyy. | 28/11/2024 | Submitted; Submission date; Date submitted
decided_on          | Date the outcome was announced, dd/mm/yyyy. | 14/03/2025 | Decided; Decision date; Outcome date; Date decided
officer_days        | Officer days spent preparing the bid. | 35 | Staff days; Days spent; Officer time (days)
bid_cost            | Other costs of bidding in pounds (consultants, fees). | £12,500 | Cost of bid; Bid cost (£); Cost of bidding
partner_authorities | Partner councils, separated by semicolons: GSS codes, 3-letter codes or names. | Bradford; Calderdale; Kirklees | Partner councils; Consortium members; Partners (councils)
other_partners      | Other partners, separated by semicolons, each with its kind in brackets: nhs, housing association, university, business, community or other. | Leeds Teaching Hospitals NHS Trust (nhs); University of Leeds (university) | Non-council partners; Partner organisations
linked_actions      | References of your climate actions this bid would fund, separated by semicolons. | ACT-014 | Actions; Action references; Related actions
source_url          | Web page about the bid or its outcome. | https://www.leeds.gov.uk/example | Source; Link; URL
notes               | Anything else worth knowing. | Consortium bid led by Leeds | Comments
`
);

/** "Name (kind)" with a kind we know, else the whole entry as the name, of kind other. */
function otherPartner(entry: string): Partner {
	const m = /^(.*?)\s*\(([^()]+)\)$/.exec(entry);
	const kind = m && partnerKind(m[2]!);
	return m && kind ? [null, m[1]!, kind] : [null, entry, 'other'];
}

export const templateBidsFeed: FeedModule<Row> = {
	key: 'bids',
	title: 'Bids (template)',
	description:
		"A council's bids for funding: amounts asked and won, status and its dates, cost of bidding, partners and the actions they fund.",
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const lead = resolveCouncil(ctx, rowNumber, 'lead_authority', record.lead_authority ?? '');
		if (!row || !lead || !checkDateOrder(ctx, rowNumber, record, row, 'submitted_on', 'decided_on'))
			return null;
		const partners: Partner[] = [];
		for (const name of splitList(row.partner_authorities, true)) {
			const code = resolveCouncil(ctx, rowNumber, 'partner_authorities', name, 'warning');
			if (code === lead || partners.some((p) => p[0] && p[0] === code)) continue;
			partners.push([code, code ? (ctx.resolver.name(code) ?? name) : name, 'authority']);
		}
		for (const entry of splitList(row.other_partners)) partners.push(otherPartner(entry));
		if (row.status === 'won' && !row.awarded) {
			const message = 'a won bid with no amount awarded is stored without an award';
			ctx.issues.warn(rowNumber, 'awarded', '', 'no_award_amount', message);
		}
		return { ...row, lead, partners };
	},
	createWriter(ctx) {
		const tally = rowTally(ctx);
		const competitions = competitionStore(ctx);
		const q = (sql: string) => ctx.sqlite.prepare(sql);
		const bids = prepareUpsert(ctx.sqlite, 'bids', BID_COLUMNS, BID_KEY);
		const findBid = q(
			'SELECT id, status FROM bids WHERE lead_authority_code = ? AND reference = ?'
		);
		const addHistory = q(
			'INSERT OR IGNORE INTO bid_status_history (bid_id, status, on_date) VALUES (?, ?, ?)'
		);
		const actionIds = referencedIds(ctx, 'actions');
		const link = actionBidLinker(ctx);
		const setPartners = partnerSync(ctx, 'bid_id');
		const syncAward = awardSync(ctx);
		return {
			write(row, rowNumber) {
				const { lead, reference } = row;
				tally.repeat(`${lead}\u0000${reference}`, rowNumber, 'reference', reference);
				const competition_id = competitions.ensure(row.scheme, row.round, rowNumber);
				const before = findBid.get(lead, reference) as Bid | undefined;
				const values = tableRecord(ctx, { ...row, competition_id }, BID_COLUMNS, RENAMES);
				let changed = bids.run(values) > 0;
				const { id } = before ?? (findBid.get(lead, reference) as Bid);
				if (before?.status !== row.status)
					changed = addHistory.run(id, row.status, statusDate(row)).changes > 0 || changed;
				changed = setPartners(id, row.partners) || changed;
				for (const action of actionIds(row.linked_actions, lead, rowNumber, 'linked_actions'))
					changed = link(action, id) || changed;
				tally.add(syncAward(id, competition_id, row, rowNumber) || changed);
			},
			finish: () => tally.counts()
		};
	}
};

type Bid = { id: number; status: string };
const BID_KEY = ['lead_authority_code', 'reference'];
const BID_COLUMNS = [
	...['competition_id', ...BID_KEY, 'title', 'requested_gbp', 'awarded_gbp', 'status'],
	...['status_date', 'submitted_on', 'decided_on', 'officer_days', 'bid_cost_gbp', 'source_url'],
	...['notes', 'is_sample', 'batch_id']
];
const RENAMES = { lead_authority_code: 'lead' };

/** When the bid reached its status: as stated, else the date that status implies, else today. */
function statusDate(row: Row): string {
	const implied = { won: row.decided_on, lost: row.decided_on, submitted: row.submitted_on };
	const date = row.status_date ?? implied[row.status as keyof typeof implied] ?? null;
	return date?.date ?? ukToday();
}

const BID_AWARD_NOTE = "Recorded from the council's bid";

/**
 * Keeps the award a won bid stands for: its own (marked by its note) is created, updated, or
 * removed when the bid is no longer won; a published award of the same money is linked, and left
 * as published.
 */
function awardSync(ctx: ImportContext) {
	const q = (sql: string) => ctx.sqlite.prepare(sql);
	const ofBid = q('SELECT id, notes FROM awards WHERE bid_id = ?');
	const published = q(`SELECT id FROM awards WHERE competition_id = ? AND authority_code = ?
		AND amount_gbp = ? AND bid_id IS NULL ORDER BY id LIMIT 1`);
	const setBid = q('UPDATE awards SET bid_id = ? WHERE id = ?');
	const unlink = q('UPDATE awards SET bid_id = NULL WHERE id = ?');
	const remove = q('DELETE FROM awards WHERE id = ?');
	const fields =
		`competition_id authority_code amount_gbp award_date award_date_precision project_title
		is_consortium recipient_name source_url is_sample`.split(/\s+/);
	const insert = q(`INSERT INTO awards (${fields.join(', ')}, bid_id, kind, notes, batch_id)
		VALUES (${fields.map((f) => '@' + f).join(', ')}, @bid_id, 'award', @notes, @batch_id)`);
	const update =
		q(`UPDATE awards SET ${fields.map((f) => `${f} = @${f}`).join(', ')}, batch_id = @batch_id
		WHERE id = @id AND (${fields.map((f) => `${f} IS NOT @${f}`).join(' OR ')})`);
	const setPartners = partnerSync(ctx, 'award_id');
	return (bidId: number, competitionId: number, row: Row, rowNumber: number): boolean => {
		const linked = ofBid.all(bidId) as { id: number; notes: string | null }[];
		const own = linked.find((a) => a.notes === BID_AWARD_NOTE);
		if (row.status !== 'won' || !row.awarded) {
			for (const a of linked) (a === own ? remove : unlink).run(a.id);
			return linked.length > 0;
		}
		if (linked.length && !own) return false;
		const councils = row.partners.filter((p) => p[2] === 'authority');
		const values = {
			competition_id: competitionId,
			authority_code: row.lead,
			amount_gbp: row.awarded,
			award_date: row.decided_on?.date ?? null,
			award_date_precision: row.decided_on?.precision ?? null,
			project_title: row.title,
			is_consortium: councils.length ? 1 : 0,
			recipient_name: ctx.resolver.name(row.lead) ?? row.lead,
			source_url: row.source_url,
			is_sample: ctx.isSample ? 1 : 0,
			bid_id: bidId,
			notes: BID_AWARD_NOTE,
			batch_id: ctx.batchId
		};
		if (own) {
			const changed = update.run({ ...values, id: own.id }).changes > 0;
			return setPartners(own.id, councils) || changed;
		}
		const match = published.get(competitionId, row.lead, row.awarded) as { id: number } | undefined;
		if (match) {
			setBid.run(bidId, match.id);
			const message = `linked to the published award of the same amount already stored`;
			ctx.issues.info(rowNumber, 'awarded', String(row.awarded), 'award_linked', message);
			return true;
		}
		const id = Number(insert.run(values).lastInsertRowid);
		setPartners(id, councils);
		return true;
	};
}
