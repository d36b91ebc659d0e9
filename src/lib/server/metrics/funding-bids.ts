/**
 * A council's bid pipeline in numbers: success by count and by £, and what bidding cost per £
 * won. Losing bids cost officer time too, so costs are summed over every bid, not only winners.
 * Pure; unit-tested.
 */

export type BidStatus = 'idea' | 'drafting' | 'submitted' | 'won' | 'lost' | 'withdrawn';

export interface BidFact {
	competitionId: number;
	status: BidStatus;
	requestedGbp: number | null;
	awardedGbp: number | null;
	officerDays: number | null;
	bidCostGbp: number | null;
	year: number | null;
	isSample: boolean;
}

export interface BidOutcomes {
	bids: number;
	potsBidFor: number;
	byStatus: Record<BidStatus, number>;
	/** won + lost */
	decided: number;
	/** won / decided */
	successRateCount: number | null;
	/** £ requested in decided bids (nulls as 0). */
	requestedDecidedGbp: number;
	/** £ awarded in won bids (awardedGbp, or requestedGbp when awardedGbp is null). */
	wonGbp: number;
	/** wonGbp / requestedDecidedGbp */
	successRateGbp: number | null;
	/** Per bid: bidCostGbp if given, else officerDays × dayRateGbp, else 0; summed over all bids. */
	costGbp: number;
	/** Bids with a cost or officer days. */
	costedBids: number;
	/** costGbp / wonGbp */
	costPerGbpWon: number | null;
}

export const BID_STATUSES: readonly BidStatus[] = [
	'idea',
	'drafting',
	'submitted',
	'won',
	'lost',
	'withdrawn'
];

/** Counts, success rates and the cost of bidding for one set of bids. */
export function bidOutcomes(bids: readonly BidFact[], dayRateGbp: number): BidOutcomes {
	const byStatus = Object.fromEntries(BID_STATUSES.map((s) => [s, 0])) as Record<BidStatus, number>;
	let requestedDecidedGbp = 0;
	let wonGbp = 0;
	let costGbp = 0;
	let costedBids = 0;
	for (const b of bids) {
		byStatus[b.status] += 1;
		if (b.status === 'won' || b.status === 'lost') requestedDecidedGbp += b.requestedGbp ?? 0;
		// A win recorded before the grant letter often has only the sum asked for.
		if (b.status === 'won') wonGbp += b.awardedGbp ?? b.requestedGbp ?? 0;
		// A stated £ cost beats an estimate from days, which misses consultants and partners' time.
		if (b.bidCostGbp !== null) costGbp += b.bidCostGbp;
		else if (b.officerDays !== null) costGbp += b.officerDays * dayRateGbp;
		if (b.bidCostGbp !== null || b.officerDays !== null) costedBids += 1;
	}
	const decided = byStatus.won + byStatus.lost;
	return {
		bids: bids.length,
		// Every competition in the pipeline, ideas included: the pots the council went after.
		potsBidFor: new Set(bids.map((b) => b.competitionId)).size,
		byStatus,
		decided,
		successRateCount: decided > 0 ? byStatus.won / decided : null,
		requestedDecidedGbp,
		wonGbp,
		successRateGbp: requestedDecidedGbp > 0 ? wonGbp / requestedDecidedGbp : null,
		costGbp,
		costedBids,
		// With no bid costed, a cost of £0 would read as "bidding is free": unknown instead.
		costPerGbpWon: wonGbp > 0 && costedBids > 0 ? costGbp / wonGbp : null
	};
}
