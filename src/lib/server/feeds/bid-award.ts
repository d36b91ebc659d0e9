/**
 * A won bid and the published award of the same money: one sum, with both provenances. The
 * council's bid ledger and the published awards are kept apart (a bid never makes an award: a
 * published figure must not move because a council recorded a bid); a won bid whose published
 * award is stored (same round, same lead council, same amount) is linked to it, so the council's
 * own view counts the money once and shows where both records come from.
 */
import { and, eq, sql } from 'drizzle-orm';
import { awards } from '../db/schema';
import type { ImportContext } from '../rows/feed';

/** What of a bid row the link needs. */
export interface AwardedBid {
	status: string;
	awarded: number | null;
	lead: string;
}

/**
 * Keeps a bid's link to its published award: made when the bid is won and a published award of
 * its amount is stored unlinked, undone when the bid is no longer won or its amount changed.
 * True when a link changed.
 */
export function awardLink(ctx: ImportContext) {
	// Prepared once for the import: built and prepared for every bid row, they were most of its cost.
	const linkedQuery = ctx.db
		.select({ id: awards.id, competitionId: awards.competitionId, amountGbp: awards.amountGbp })
		.from(awards)
		.where(eq(awards.bidId, sql.placeholder('bidId')))
		.prepare();
	// The first (lowest id) unlinked award of the round, council and amount, found through
	// awards_natural_idx. Asked as "ORDER BY id LIMIT 1", SQLite walked the bid_id index instead,
	// every unlinked award in id order, for each won bid (the unary + keeps that term from choosing
	// an index); and sorting the few found costs a temporary table, min() does not.
	const unlinkedQuery = ctx.db
		.select({ id: sql<number | null>`min(${awards.id})` })
		.from(awards)
		.where(
			and(
				eq(awards.competitionId, sql.placeholder('competitionId')),
				eq(awards.authorityCode, sql.placeholder('lead')),
				eq(awards.amountGbp, sql.placeholder('amount')),
				sql`+${awards.bidId} IS NULL`
			)
		)
		.prepare();
	return (
		bidId: number,
		competitionId: number | null,
		row: AwardedBid,
		rowNumber: number,
		/** The bid was added by this row: no award can be linked to its new id yet. */
		added = false
	): boolean => {
		const linked = added ? [] : linkedQuery.all({ bidId });
		const won = row.status === 'won' && row.awarded !== null && competitionId !== null;
		const keep = linked.filter(
			(a) => won && a.competitionId === competitionId && a.amountGbp === row.awarded
		);
		let changed = false;
		for (const a of linked) {
			if (!keep.includes(a)) changed = ctx.write.update(awards, a.id, { bidId: null }) || changed;
		}
		if (!won || keep.length) return changed;
		const match = unlinkedQuery.get({ competitionId, lead: row.lead, amount: row.awarded! });
		if (match?.id == null) return changed;
		ctx.write.update(awards, match.id, { bidId });
		const message =
			'the published award of the same amount is this bid’s money: linked, counted once';
		ctx.issues.info(rowNumber, 'awarded', String(row.awarded), 'award_linked', message);
		return true;
	};
}
