/**
 * A council's bid pipeline in numbers: success by count and by £, and what bidding cost per £
 * won. Losing bids cost officer time too, so costs are summed over every bid, not only winners.
 * A bid's cost is its officer days at the day rate plus its other costs (consultants, fees): the
 * bids template's bid_cost column holds those other costs, not a total that replaces the days.
 * Pure; unit-tested.
 */

export type BidStatus = 'idea' | 'drafting' | 'submitted' | 'won' | 'lost' | 'withdrawn';

export interface BidFact {
	/** The scheme and round the bid is for, as one key: a published round or the council's own words. */
	pot: string;
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
	/**
	 * £ requested in decided bids whose outcome in £ is known (nulls as 0): lost bids, and won bids
	 * with the amount awarded recorded.
	 */
	requestedDecidedGbp: number;
	/** £ awarded in won bids with the amount recorded. */
	wonGbp: number;
	/** Won bids with no amount awarded recorded: left out of the £ figures, and said. */
	wonWithoutAmount: number;
	/** wonGbp / requestedDecidedGbp */
	successRateGbp: number | null;
	/** Officer days summed over all bids (nulls as 0). */
	officerDays: number;
	/** Other costs of bidding (bidCostGbp: consultants, fees) summed over all bids (nulls as 0). */
	otherCostGbp: number;
	/** officerDays × dayRateGbp + otherCostGbp. */
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
	let wonWithoutAmount = 0;
	let officerDays = 0;
	let otherCostGbp = 0;
	let costedBids = 0;
	for (const b of bids) {
		byStatus[b.status] += 1;
		// A win recorded before the grant letter has no amount yet: counting the sum asked for as
		// won would state money nobody has confirmed, so such a bid stays out of the £ figures.
		if (b.status === 'won' && b.awardedGbp === null) wonWithoutAmount += 1;
		else if (b.status === 'won' || b.status === 'lost') requestedDecidedGbp += b.requestedGbp ?? 0;
		if (b.status === 'won') wonGbp += b.awardedGbp ?? 0;
		officerDays += b.officerDays ?? 0;
		otherCostGbp += b.bidCostGbp ?? 0;
		if (b.bidCostGbp !== null || b.officerDays !== null) costedBids += 1;
	}
	const decided = byStatus.won + byStatus.lost;
	const costGbp = officerDays * dayRateGbp + otherCostGbp;
	return {
		bids: bids.length,
		// Every competition in the pipeline, ideas included: the pots the council went after.
		potsBidFor: new Set(bids.map((b) => b.pot)).size,
		byStatus,
		decided,
		successRateCount: decided > 0 ? byStatus.won / decided : null,
		requestedDecidedGbp,
		wonGbp,
		wonWithoutAmount,
		successRateGbp: requestedDecidedGbp > 0 ? wonGbp / requestedDecidedGbp : null,
		officerDays,
		otherCostGbp,
		costGbp,
		costedBids,
		// With no bid costed, a cost of £0 would read as "bidding is free": unknown instead.
		costPerGbpWon: wonGbp > 0 && costedBids > 0 ? costGbp / wonGbp : null
	};
}
