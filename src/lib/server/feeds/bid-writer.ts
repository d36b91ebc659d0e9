/**
 * The bids template's writer (template-bids.ts reads the rows): each row is one bid, found by its
 * lead council and reference (or the bid a derived reference names), written through the
 * import's record writer with its status history, partners, linked actions and the link to its
 * published award.
 *
 * At national scale (100,000 bids in one file) what a row costs is what it reads and writes, so
 * the writer reads once per import what a bids import never changes (the rounds of a scheme), and
 * a bid this row has just added is known to have no partners, history or award link stored yet:
 * its id is new (the record writer says which it gave), so they are added without being read.
 */
import { and, eq, sql } from 'drizzle-orm';
import { ukToday } from '../../domain/dates';
import { bidStatusHistory, bids, partners } from '../db/schema';
import type { FeedWriter, ImportContext } from '../rows/feed';
import { awardLink } from './bid-award';
import { storedBidByIdentity } from './bid-identity';
import { roundsByScheme, schemeReader } from './bid-scheme';
import { roundFinder } from './competition-store';
import type { BidRow } from './template-bids';
import {
	linkActionToBid,
	partnerRecords,
	referencedIds,
	rowTally,
	schemaValues,
	setPartners
} from './template-shared';

type Bid = { id: number; status: string };
const RENAMES = { lead_authority_code: 'lead' };

export function bidWriter(ctx: ImportContext): FeedWriter<BidRow> {
	const tally = rowTally(ctx);
	const rounds = roundsByScheme(ctx.db);
	const catalogueRound = roundFinder(ctx, rounds);
	// Prepared once for the import, not built and prepared again for every row.
	const bidByReference = ctx.db
		.select({ id: bids.id, status: bids.status })
		.from(bids)
		.where(
			and(
				eq(bids.leadAuthorityCode, sql.placeholder('lead')),
				eq(bids.reference, sql.placeholder('reference'))
			)
		)
		.prepare();
	const findBid = (lead: string, reference: string): Bid | undefined =>
		bidByReference.get({ lead, reference });
	const actionIds = referencedIds(ctx, 'actions');
	const linkAward = awardLink(ctx);
	const readScheme = schemeReader(ctx, rounds);
	/** A bid stored by its derived reference, now given one: it keeps its history. */
	const takeOver = (row: BidRow, rowNumber: number) => {
		const found = findBid(row.lead, row.derived);
		if (!found) return undefined;
		ctx.write.update(bids, found.id, { reference: row.reference });
		const message = `the bid stored under the derived reference ${row.derived} takes this reference`;
		ctx.issues.info(rowNumber, 'reference', row.reference, 'reference_given', message);
		return found;
	};
	const storedReference = storedBidByIdentity(ctx);
	/** The row with the amount and decision date as stored (a blank cell kept them). */
	const storedDecision = ctx.db
		.select({ awarded: bids.awardedGbp, decidedOn: bids.decidedOn })
		.from(bids)
		.where(eq(bids.id, sql.placeholder('id')))
		.prepare();
	const asStored = (id: number, row: BidRow, added: boolean): BidRow => {
		// A bid just added holds the row's own values (a column the file lacks is blank).
		if (added) return { ...row, awarded: row.awarded ?? null, decided_on: row.decided_on ?? null };
		const bid = storedDecision.get({ id })!;
		const decided =
			row.decided_on ?? (bid.decidedOn ? { date: bid.decidedOn, precision: 'day' as const } : null);
		return { ...row, awarded: row.awarded ?? bid.awarded, decided_on: decided };
	};
	/** A row without a reference is the bid stored under one given before, if it names one. */
	const withStoredReference = (row: BidRow, rowNumber: number): BidRow => {
		if (row.reference !== row.derived || findBid(row.lead, row.derived)) return row;
		const reference = storedReference(row.lead, row.derived);
		if (!reference) return row;
		const message = `no reference: the bid already stored with this council, scheme, round and title is updated`;
		ctx.issues.info(rowNumber, 'reference', reference, 'reference_matched', message);
		return { ...row, reference };
	};
	return {
		write(parsed, rowNumber) {
			const row = withStoredReference(parsed, rowNumber);
			const { lead, reference } = row;
			if (!tally.repeat(`${lead}\u0000${reference}`, rowNumber, 'reference', reference, parsed))
				return;
			const { scheme, round } = readScheme(row.scheme, row.round, rowNumber);
			const competition_id = catalogueRound(scheme, round, rowNumber);
			let before = findBid(lead, reference);
			const takenOver = !before && reference !== row.derived;
			if (takenOver) before = takeOver(row, rowNumber);
			const statusChanged = before?.status !== row.status;
			// Only a date the file gives or implies is stored: a new status without one clears the
			// old status's date, and the same status without one keeps it.
			const status_date = statusDate(row) ?? (statusChanged ? null : undefined);
			const upserted = ctx.write.upsert({
				table: bids,
				key: ['leadAuthorityCode', 'reference'],
				// A row older than the stored bid (its status date) does not set it back.
				datedBy: 'statusDate',
				// A tracker may not date a status: such a row is of unknown age, not older.
				undated: 'unknown',
				// A bid not won has no amount awarded: its blank says so.
				mayClear: [
					...(row.status === 'won' ? [] : ['awardedGbp' as const]),
					...(statusChanged ? ['statusDate' as const] : [])
				],
				values: schemaValues(bids, { ...row, scheme, round, competition_id, status_date }, RENAMES)
			});
			let changed = upserted || (takenOver && !!before);
			// An older row's partners, links and award are older too: none of it is written.
			if (ctx.write.keptNewer()) return tally.add(changed);
			// No bid was found by either reference: the upsert has just added it, with a new id.
			const added = !before;
			const id = before?.id ?? ctx.write.lastRowid();
			if (id === null) throw new Error(`The bid of row ${rowNumber} was written without an id.`);
			if (statusChanged)
				changed =
					ctx.write.upsert({
						table: bidStatusHistory,
						key: ['bidId', 'status', 'onDate'],
						values: { bidId: id, status: row.status, onDate: status_date ?? ukToday() },
						addOnly: true
					}) || changed;
			const partnerRows = partnerRecords(row.partners);
			changed =
				(added
					? ctx.write.addChildren(partners, { bidId: id }, partnerRows)
					: setPartners(ctx, { bidId: id }, partnerRows)) || changed;
			for (const action of actionIds(row.linked_actions, lead, rowNumber, 'linked_actions'))
				changed = linkActionToBid(ctx, action, id) || changed;
			const award = linkAward(id, competition_id, asStored(id, row, added), rowNumber, added);
			tally.add(award || changed);
		},
		finish: () => tally.counts()
	};
}

/**
 * When the bid reached its status: as stated, else the date that status implies (its decision or
 * submission date), else null (its history then takes the upload's date).
 */
function statusDate(row: BidRow): string | null {
	const implied = { won: row.decided_on, lost: row.decided_on, submitted: row.submitted_on };
	const date = row.status_date ?? implied[row.status as keyof typeof implied] ?? null;
	return date?.date ?? null;
}
