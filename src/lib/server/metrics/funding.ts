/**
 * How fragmented one authority's (or the nation's) net-zero funding is: how many pots and
 * funders the money came from, how concentrated it is, how much is competitive, small or shared
 * in consortia. Consortium money is counted once, against its lead: partners see the award but
 * never add it to their totals, so summing councils never double-counts. Beside that published
 * view, an estimated share splits each consortium award across its members by population
 * (funding-shares.ts), so £ per head can also be read per member. The entry point for all
 * funding metrics (bids, windows and statistics live in the funding-*.ts siblings). Pure;
 * unit-tested. Callers choose which rows to pass (year, published vs sample): nothing is
 * filtered here.
 */
import type { MoneyScope } from '../../funding-purpose';
import { hhi, median } from './funding-stats';
import type { BidOutcomes } from './funding-bids';
import { SHORT_WINDOW_DAYS, type WindowSummary } from './funding-windows';

export { gini, hhi, lorenz, median } from './funding-stats';
export {
	BID_STATUSES,
	bidOutcomes,
	type BidFact,
	type BidOutcomes,
	type BidStatus
} from './funding-bids';
export {
	populationShares,
	SHARE_METHOD,
	type MemberShare,
	type ShareMember
} from './funding-shares';
export {
	churn,
	SHORT_WINDOW_DAYS,
	windowDays,
	windowSummary,
	type WindowFact,
	type WindowSummary
} from './funding-windows';

export type CompetitionKind = 'competitive' | 'formula' | 'expression_of_interest';

export type SchemePurpose = 'net_zero_specific' | 'net_zero_partial' | 'general';

/**
 * Which awards a figure counts: net-zero money (a net-zero scheme's, or a wider fund's net-zero
 * strand), the default everywhere; or all money, general (regeneration, growth) and schemes not
 * yet classified included. General money is never mixed in silently: a figure says which it counts.
 */
export { MONEY_SCOPES, type MoneyScope } from '../../funding-purpose';

/** Whether an award of a scheme with this purpose counts in figures of this scope. */
export function countsIn(purpose: SchemePurpose | null, money: MoneyScope): boolean {
	return money === 'all' || purpose === 'net_zero_specific' || purpose === 'net_zero_partial';
}

export interface AwardFact {
	competitionId: number;
	/** The scheme's purpose; null when nobody has classified it. */
	purpose: SchemePurpose | null;
	scheme: string;
	round: string;
	funder: string | null;
	kind: CompetitionKind | null;
	amountGbp: number;
	year: number | null;
	isConsortium: boolean;
	/** 'lead' = paid to this authority; 'partner' = it shares in a consortium award paid to another. */
	role: 'lead' | 'partner';
	/** This authority's estimated share of the award, in £ (the whole award unless shared in a consortium). */
	estimatedShareGbp: number;
	isSample: boolean;
}

export interface FragmentationSummary {
	/** Lead awards counted. */
	awards: number;
	/** Distinct competitionId among lead awards. */
	potsWon: number;
	/** Distinct non-null funder among lead awards. */
	funders: number;
	/**
	 * Sum of lead awards; partner shares are not added (consortium money counts once, to its lead).
	 * Null when no published award was led: award lists are partial, so none listed is unknown, not
	 * £0.
	 */
	totalGbp: number | null;
	medianAwardGbp: number | null;
	/** totalGbp / population when population > 0; null when totalGbp is. */
	perHeadGbp: number | null;
	/** Share (0..1) of totalGbp from kind 'competitive' only; null when totalGbp = 0. */
	competitiveShare: number | null;
	/** Herfindahl–Hirschman index of £ by pot, 0..1 (sum of squared shares); null when totalGbp = 0. */
	hhi: number | null;
	/** 1 / hhi */
	effectivePots: number | null;
	/** Share (0..1) of lead awards by count under £1,000,000. */
	shareUnder1m: number | null;
	/** Share (0..1) of totalGbp from lead awards that are consortium awards. */
	consortiumShare: number | null;
	/** Consortium awards where this authority is a partner (not in totalGbp). */
	partnerAwards: number;
	/**
	 * Sum of estimatedShareGbp over lead and partner awards: consortium awards split by population.
	 * An estimate. Null when the council has no published award, as lead or partner.
	 */
	estimatedGbp: number | null;
	/** estimatedGbp / population when population > 0. An estimate. */
	estimatedPerHeadGbp: number | null;
}

const SMALL_AWARD_GBP = 1_000_000;

/** Pots, funders, concentration and shares of the money one authority (or all) won as lead. */
export function fragmentation(
	awards: readonly AwardFact[],
	population?: number | null
): FragmentationSummary {
	const lead = awards.filter((a) => a.role === 'lead');
	const ledGbp = lead.reduce((s, a) => s + a.amountGbp, 0);
	const totalGbp = lead.length ? ledGbp : null;
	const byPot = new Map<number, number>();
	for (const a of lead) byPot.set(a.competitionId, (byPot.get(a.competitionId) ?? 0) + a.amountGbp);
	const concentration = ledGbp > 0 ? hhi([...byPot.values()]) : null;
	const estimatedGbp = awards.length ? awards.reduce((s, a) => s + a.estimatedShareGbp, 0) : null;
	const perHead = (gbp: number | null) =>
		gbp !== null && population && population > 0 ? gbp / population : null;
	const shareOfTotal = (keep: (a: AwardFact) => boolean) =>
		ledGbp > 0 ? lead.filter(keep).reduce((s, a) => s + a.amountGbp, 0) / ledGbp : null;
	return {
		awards: lead.length,
		potsWon: byPot.size,
		funders: new Set(lead.map((a) => a.funder).filter((f) => f !== null)).size,
		totalGbp,
		medianAwardGbp: median(lead.map((a) => a.amountGbp)),
		perHeadGbp: perHead(totalGbp),
		// Expressions of interest lead to allocations without a scored contest, so they are not
		// counted as competitive.
		competitiveShare: shareOfTotal((a) => a.kind === 'competitive'),
		hhi: concentration,
		effectivePots: concentration !== null && concentration > 0 ? 1 / concentration : null,
		shareUnder1m:
			lead.length > 0
				? lead.filter((a) => a.amountGbp < SMALL_AWARD_GBP).length / lead.length
				: null,
		consortiumShare: shareOfTotal((a) => a.isConsortium),
		partnerAwards: awards.filter((a) => a.role === 'partner').length,
		estimatedGbp,
		estimatedPerHeadGbp: perHead(estimatedGbp)
	};
}

/** Effective-pot counts at which funding is called moderate, then fragmented. */
export const FRAGMENTATION_BANDS = { moderate: 2, fragmented: 5 } as const;

/**
 * Fragmentation in words, from the effective number of pots: under 2 'concentrated' (mostly one
 * pot), 2 to under 5 'moderate', 5 or more 'fragmented' (as if spread evenly over five pots).
 */
export function fragmentationBand(
	effectivePots: number | null
): 'concentrated' | 'moderate' | 'fragmented' | null {
	if (effectivePots === null || Number.isNaN(effectivePots)) return null;
	if (effectivePots < FRAGMENTATION_BANDS.moderate) return 'concentrated';
	if (effectivePots < FRAGMENTATION_BANDS.fragmented) return 'moderate';
	return 'fragmented';
}

type ExplainedField = keyof FragmentationSummary | keyof BidOutcomes | keyof WindowSummary;

// `satisfies` makes the compiler insist on a sentence for every field of the three summaries.
const explanations = {
	awards: 'Number of awards paid to this council as lead.',
	potsWon: 'Number of different funding competitions (pots) the council won money from.',
	funders: 'Number of different government departments or agencies that funded those awards.',
	totalGbp:
		'Total £ awarded to the council as lead; consortium awards count once, against the lead council.',
	medianAwardGbp: 'The middle award size: half the awards were smaller, half larger.',
	perHeadGbp:
		'Total £ awarded to the council as lead divided by its residents; a consortium award counts in full to its lead.',
	competitiveShare:
		'Share of the £ that came from competitions where councils bid against each other.',
	hhi: 'How concentrated the £ is across pots, from near 0 (spread over many) to 1 (all from one pot).',
	effectivePots:
		'The number of equal-sized pots that would give the same concentration; higher means more fragmented.',
	shareUnder1m: 'Share of awards worth less than £1 million.',
	consortiumShare:
		'Share of the £ that came from awards the council led on behalf of a consortium.',
	partnerAwards:
		'Consortium awards paid to another council in which this council is a partner (not in its total).',
	estimatedGbp:
		"An estimate of the £ for this council's residents, with each consortium award split across its member councils by population.",
	estimatedPerHeadGbp:
		'An estimate of £ per resident, with each consortium award split across its member councils by population.',
	bids: 'Number of bids in the pipeline, at any stage.',
	potsBidFor: 'Number of different funding competitions the council has bids for, at any stage.',
	byStatus: 'Bids at each stage: idea, drafting, submitted, won, lost, withdrawn.',
	decided: 'Bids with a result: won or lost.',
	successRateCount: 'Share of decided bids that were won.',
	requestedDecidedGbp:
		'Total £ asked for in decided bids whose outcome in £ is known (won bids without an amount awarded are left out).',
	wonGbp: 'Total £ awarded in won bids with the amount recorded.',
	wonWithoutAmount: 'Won bids with no amount awarded recorded yet: left out of the £ figures.',
	successRateGbp:
		'Share of the £ asked for in decided bids that was won (won bids without an amount awarded left out).',
	officerDays: 'Officer days spent preparing all bids, won or lost.',
	otherCostGbp: 'Other costs of preparing all bids, such as consultants and fees.',
	costGbp:
		'Estimated cost of preparing all bids, won or lost: officer days × the day rate, plus other costs.',
	costedBids: 'Bids with a recorded cost or officer days.',
	costPerGbpWon: 'Cost of bidding for every £1 won.',
	windows: 'Number of funding rounds counted, with or without known dates.',
	knownWindows: 'Rounds whose opening and closing dates are both known.',
	allocations:
		'Money allocated by formula, with no application window: neither short nor long, and not a date missing.',
	shortWindows: `Rounds with both dates known whose window was shorter than six weeks (${SHORT_WINDOW_DAYS} days).`,
	medianDays: 'The middle application window: days from opening to closing date.',
	shortShare: `Share of the rounds with both dates known whose window was shorter than six weeks (${SHORT_WINDOW_DAYS} days).`,
	roundsChanged: 'Rounds with at least one published opening or closing date changed.',
	datesChanged:
		'Published dates later replaced: each extended or moved deadline and each re-run or postponed opening counts once.',
	deadlinesMoved: 'Closing dates replaced by another (extensions, or deadlines brought forward).',
	openingsMoved: 'Opening dates replaced by another (a window re-run, or a postponed opening).'
} satisfies Record<ExplainedField, string>;

/** One plain sentence per metric, for the UI, keyed by FragmentationSummary / BidOutcomes / WindowSummary field name. */
export const METRIC_EXPLANATIONS: Record<string, string> = explanations;
