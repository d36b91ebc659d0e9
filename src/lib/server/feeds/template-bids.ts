/**
 * The bids template: a council's bid pipeline, one bid per row, keyed by the lead council and the
 * council's own reference, or one derived from the bid's scheme, round and title when the sheet
 * has none (bid-identity.ts), so an officer's own spreadsheet imports after at most a column
 * mapping. A blank round may be read from the scheme cell (bid-scheme.ts), a blank title is the
 * scheme's, and a joint lead ("Babergh and Mid Suffolk District Councils") is the first council
 * with the others as partners. Each status change adds to bid_status_history; partners (councils,
 * resolved, and other bodies by name) are replaced only when they differ; linked actions become
 * action_funding rows. A won bid with an amount also stands as one award (against the lead, the
 * partner councils as its partners) so funding figures count it once; when a published award of
 * the same money is already stored, the bid is linked to it instead of adding a second. This
 * module reads the rows; bid-writer.ts writes them.
 */
import { z } from 'zod';
import { resolveCouncil, resolveLeadCouncil } from '../rows/council-cells';
import {
	optionalGbp,
	optionalNumber,
	optionalText,
	optionalWebAddress,
	optionalUkDate,
	requiredText
} from '../rows/coerce';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { deriveReference, derivedReference } from './bid-identity';
import { readSchemeCell } from './bid-scheme';
import { bidWriter } from './bid-writer';
import {
	checkDateOrder,
	noteChoiceRead,
	requiredChoice,
	splitList,
	templateColumns,
	variantLookup
} from './template-shared';

const STATUS_VARIANTS = {
	idea: ['concept', 'pipeline', 'potential', 'proposed'],
	drafting: [
		...['draft', 'in preparation', 'preparing', 'being prepared', 'in progress', 'writing'],
		...['in development', 'developing']
	],
	submitted: [
		...['awaiting decision', 'awaiting outcome', 'awaiting result', 'pending', 'applied'],
		...['under assessment', 'under review']
	],
	// Less money than asked is still a bid won; the amounts say how much.
	won: [
		...['successful', 'awarded', 'approved', 'funded', 'success'],
		...['partially successful', 'partially funded', 'part funded']
	],
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
	reference: optionalText,
	lead_authority: requiredText,
	scheme: requiredText,
	round: optionalText,
	title: optionalText,
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
	source_url: optionalWebAddress,
	notes: optionalText
});
/** A partner as stored: [authority_code, name, kind]. */
type Partner = [string | null, string, string];
export type BidRow = Omit<z.output<typeof RowSchema>, 'reference' | 'title'> & {
	reference: string;
	/** The reference the row would have without one given: a bid stored by it is taken over. */
	derived: string;
	title: string;
	lead: string;
	partners: Partner[];
};

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
reference           | Your council's own reference for the bid; with the lead council it identifies the bid. If you have none, leave it out: the bid is then known by its lead council, scheme, round and title (so a changed title makes a new bid). | EXAMPLE-LDS-2024-07 | Bid reference; Our reference; Ref; Bid ref; Bid ID
lead_authority*     | The council leading the bid: GSS code, 3-letter code or name. A joint name ("Babergh and Mid Suffolk District Councils") leads with the first council, the others as partners. | Leeds | Lead authority; Lead council; Lead; Council; Authority; Lead applicant
scheme*             | The funding scheme bid to, as the funder names it; with its round if the round column is blank ("Public Sector Decarbonisation Scheme Phase 3c", "HUG2"). | Example Decarbonisation Fund | Scheme name; Programme; Fund
round               | The round or phase of the scheme, if it has rounds and the scheme column does not say. | Phase 2 | Phase; Funding round
title               | Short title of the bid or project; if blank, the scheme's name. | Heat pumps for six leisure centres | Bid title; Project title; Project; Project name; Bid name
requested           | Pounds asked for. | £2,400,000 | Amount requested; Requested (£); Bid amount; Amount applied for
awarded             | Pounds won; blank until decided. | £1.9m | Amount awarded; Awarded (£); Grant awarded; Award
status*             | Where the bid stands: idea, drafting, submitted, won, lost or withdrawn ("Successful", "Unsuccessful", "Pending" and "In preparation" work too; the report says how each was read). | Successful | Bid status; Stage; Outcome
status_date         | Date the bid reached this status; if blank, the decision date (won, lost) or submission date (submitted). The status history takes the upload date when none is known. | 14/03/2025 | Status date; Status changed; Date of status
submitted_on        | Date submitted, dd/mm/yyyy. | 28/11/2024 | Submitted; Submission date; Date submitted
decided_on          | Date the outcome was announced, dd/mm/yyyy. | 14/03/2025 | Decided; Decision date; Outcome date; Date decided
officer_days        | Officer days spent preparing the bid. | 35 | Staff days; Days spent; Officer time (days)
bid_cost            | Other costs of bidding in pounds (consultants, fees). | £12,500 | Cost of bid; Bid cost (£); Cost of bidding
partner_authorities | Partner councils, separated by semicolons: GSS codes, 3-letter codes or names. | Bradford; Calderdale; Kirklees | Partner councils; Consortium members; Partners (councils)
other_partners      | Other partners, separated by semicolons, each with its kind in brackets: nhs, housing association, university, business, community or other. | Leeds Teaching Hospitals NHS Trust (nhs); University of Leeds (university) | Non-council partners; Partner organisations
linked_actions      | References of your climate actions this bid would fund, separated by semicolons. | EXAMPLE-ACT-014 | Actions; Action references; Related actions
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

export const templateBidsFeed: FeedModule<BidRow> = {
	key: 'bids',
	template: true,
	title: 'Bids (template)',
	description:
		"A council's bids for funding: amounts asked and won, status and its dates, cost of bidding, partners and the actions they fund. A row whose status is dated before the stored bid's does not set the bid back.",
	datasetKey: null,
	// Reading a row needs the council register and the scheme catalogue, never what the import
	// writes: from the command line the rows are read on a second thread (100,000 bids a file).
	parallelSafe: true,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const column = 'lead_authority';
		const council = resolveLeadCouncil(ctx, rowNumber, column, record.lead_authority ?? '');
		if (!row || !council) return null;
		if (!checkDateOrder(ctx, rowNumber, record, row, 'submitted_on', 'decided_on')) return null;
		const { lead, joint } = council;
		noteChoiceRead(ctx, rowNumber, 'status', record.status, row.status);
		if (!row.title) {
			const message = "no title: the scheme's name is used";
			ctx.issues.info(rowNumber, 'title', row.scheme, 'title_from_scheme', message);
		}
		const identity = { ...readSchemeCell(row.scheme, row.round), title: row.title ?? '' };
		const reference = row.reference ?? deriveReference(ctx, rowNumber, lead, identity);
		if (!reference) return null;
		const derived = derivedReference(lead, identity.scheme, identity.round, identity.title);
		const partners = joint.map((code): Partner => [code, ctx.resolver.name(code)!, 'authority']);
		for (const name of splitList(row.partner_authorities, true)) {
			const code = resolveCouncil(ctx, rowNumber, 'partner_authorities', name, {
				severity: 'warning',
				partner: true
			});
			if (code === lead || partners.some((p) => p[0] && p[0] === code)) continue;
			partners.push([code, code ? (ctx.resolver.name(code) ?? name) : name, 'authority']);
		}
		for (const entry of splitList(row.other_partners)) partners.push(otherPartner(entry));
		if (row.status === 'won' && !row.awarded) {
			const message = 'a won bid with no amount awarded is stored without an award';
			ctx.issues.warn(rowNumber, 'awarded', '', 'no_award_amount', message);
		}
		return { ...row, title: row.title ?? row.scheme, reference, derived, lead, partners };
	},
	createWriter: bidWriter
};
