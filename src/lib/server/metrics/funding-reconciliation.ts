/**
 * A council's funding in one financial year with each sum once and where it comes from: the bids
 * it decided (its own ledger) and the awards published to it as lead (the public lists), in one
 * list. A won bid whose money is a published award (linked on import, feeds/bid-award.ts) is one
 * row with both records and one sum. The published side is read from the published lists alone,
 * so a council recording its bids never moves it. Which money counts (net-zero or all) is the
 * caller's choice; the rest is set beside, never mixed in. Pure; unit-tested.
 */
import { financialYear } from '../../domain/financial-year';
import { countsIn, type MoneyScope, type SchemePurpose } from './funding';

export interface ReconciledBid {
	reference: string;
	status: string;
	decidedOn: string | null;
	requestedGbp: number | null;
	awardedGbp: number | null;
	/** The purpose of the scheme the bid was for; null when nobody has classified it. */
	purpose: SchemePurpose | null;
}

export interface ReconciledAward {
	/** 'lead' when paid to this council; partners' shares are estimates and are left out. */
	role: string;
	amountGbp: number;
	awardDate: string | null;
	purpose: SchemePurpose | null;
	/** The reference of the council's bid this award is the money of, when linked. */
	bidReference: string | null;
}

/** Which total of the year a row's sum is in. */
export type CountedAs = 'published' | 'council';

export interface FundingRow<B, A> {
	/** The council's bid decided in the year (won or lost), when the row is one. */
	bid: B | null;
	/** The published award of the row's money: dated in the year, or the won bid's own. */
	award: A | null;
	result: 'won' | 'lost' | 'published';
	/** The date the row is placed by: the bid's decision, else the award's date. */
	date: string | null;
	purpose: SchemePurpose | null;
	/** £ the row adds to the year's money won; null when it adds nothing. */
	countedGbp: number | null;
	/** In the year's published lists, or in the council's records only; null when not counted. */
	countedAs: CountedAs | null;
	/**
	 * For a bid won in the year whose published award is dated in another year: that year, whose
	 * published list counts the money (so two years' reports never both count it).
	 */
	countedInYear: string | null;
	/** For a published award whose linked bid was decided in another year (or not yet dated). */
	linkedBid: B | null;
}

export interface FundingTotals {
	/** Money won in the year, each sum once; null when nothing is listed or recorded as won. */
	wonGbp: number | null;
	/** Awards to the council as lead dated in the year, as the published lists give them. */
	published: { count: number; gbp: number };
	/** Won bids the year's published lists do not hold: the council's own records. */
	council: { count: number; gbp: number; withoutAmount: number };
	/** Won bids whose published award is dated in another year, where it is counted. */
	otherYear: { count: number; gbp: number };
	/** Bids decided in the year. */
	bids: { won: number; lost: number; wonGbp: number; lostAskedGbp: number };
}

export interface FundingReconciliation<B, A> {
	money: MoneyScope;
	/** The rows of the money counted, by date (undated last). */
	rows: FundingRow<B, A>[];
	totals: FundingTotals;
	/** With net-zero money counted: general and unclassified money, set beside. Null for all money. */
	beside: { general: FundingTotals; unclassified: FundingTotals } | null;
}

const within = (date: string | null, from: string, to: string) =>
	date !== null && date >= from && date <= to;

/**
 * One list of the year's decided bids and published lead awards, a won bid and its published
 * award in the year being one row; its totals within `money`, and what else is set beside.
 */
export function reconcileFunding<B extends ReconciledBid, A extends ReconciledAward>(input: {
	bids: readonly B[];
	awards: readonly A[];
	from: string;
	to: string;
	money: MoneyScope;
}): FundingReconciliation<B, A> {
	const { from, to, money } = input;
	const lead = input.awards.filter((a) => a.role === 'lead');
	const awardOf = new Map<string, A>();
	for (const a of lead) if (a.bidReference !== null) awardOf.set(a.bidReference, a);
	const bidOf = new Map(input.bids.map((b) => [b.reference, b]));
	const rows: FundingRow<B, A>[] = [];
	const joined = new Set<A>();

	for (const bid of input.bids) {
		if ((bid.status !== 'won' && bid.status !== 'lost') || !within(bid.decidedOn, from, to))
			continue;
		const base = { bid, date: bid.decidedOn, countedInYear: null, linkedBid: null };
		if (bid.status === 'lost') {
			rows.push({
				...base,
				award: null,
				result: 'lost',
				purpose: bid.purpose,
				countedGbp: null,
				countedAs: null
			});
			continue;
		}
		const award = awardOf.get(bid.reference) ?? null;
		if (award && within(award.awardDate, from, to)) {
			joined.add(award);
			rows.push({
				...base,
				award,
				result: 'won',
				purpose: award.purpose,
				countedGbp: award.amountGbp,
				countedAs: 'published'
			});
		} else if (award?.awardDate) {
			// Published in another year's list: counted there, shown here as the council's win.
			rows.push({
				...base,
				award,
				result: 'won',
				purpose: award.purpose,
				countedGbp: null,
				countedAs: null,
				countedInYear: financialYear(award.awardDate)
			});
		} else {
			// The council's records alone date this money (a published award with no date says
			// nothing of the year), so it is counted as the council recorded it.
			rows.push({
				...base,
				award,
				result: 'won',
				purpose: award?.purpose ?? bid.purpose,
				countedGbp: award?.amountGbp ?? bid.awardedGbp,
				countedAs: (award?.amountGbp ?? bid.awardedGbp) === null ? null : 'council'
			});
		}
	}
	for (const award of lead) {
		if (joined.has(award) || !within(award.awardDate, from, to)) continue;
		rows.push({
			bid: null,
			award,
			result: 'published',
			date: award.awardDate,
			purpose: award.purpose,
			countedGbp: award.amountGbp,
			countedAs: 'published',
			countedInYear: null,
			linkedBid: award.bidReference === null ? null : (bidOf.get(award.bidReference) ?? null)
		});
	}
	rows.sort(byDate);

	const counted = rows.filter((r) => countsIn(r.purpose, money));
	return {
		money,
		rows: counted,
		totals: fundingTotals(counted),
		beside:
			money === 'all'
				? null
				: {
						general: fundingTotals(rows.filter((r) => r.purpose === 'general')),
						unclassified: fundingTotals(rows.filter((r) => r.purpose === null))
					}
	};
}

/** Dated rows first, oldest first; a won bid before the published award of the same day. */
function byDate(a: { date: string | null }, b: { date: string | null }): number {
	if (a.date === b.date) return 0;
	if (a.date === null) return 1;
	if (b.date === null) return -1;
	return a.date < b.date ? -1 : 1;
}

/** The year's totals over some rows: each sum once, split by where it comes from. */
export function fundingTotals(rows: readonly FundingRow<ReconciledBid, ReconciledAward>[]) {
	const sum = (list: readonly FundingRow<ReconciledBid, ReconciledAward>[]) =>
		list.reduce((s, r) => s + (r.countedGbp ?? 0), 0);
	const published = rows.filter((r) => r.countedAs === 'published');
	const council = rows.filter((r) => r.countedAs === 'council');
	const otherYear = rows.filter((r) => r.countedInYear !== null);
	const won = rows.filter((r) => r.result === 'won');
	const lost = rows.filter((r) => r.result === 'lost');
	return {
		wonGbp: published.length + council.length ? sum(published) + sum(council) : null,
		published: { count: published.length, gbp: sum(published) },
		council: {
			count: council.length,
			gbp: sum(council),
			withoutAmount: won.filter((r) => r.countedAs === null && r.countedInYear === null).length
		},
		otherYear: {
			count: otherYear.length,
			gbp: otherYear.reduce((s, r) => s + r.award!.amountGbp, 0)
		},
		bids: {
			won: won.length,
			lost: lost.length,
			wonGbp: won.reduce((s, r) => s + (r.bid!.awardedGbp ?? 0), 0),
			lostAskedGbp: lost.reduce((s, r) => s + (r.bid!.requestedGbp ?? 0), 0)
		}
	} satisfies FundingTotals;
}
