/**
 * Everything the council funding page and its API show: the bid pipeline, awards by funder and
 * year, fragmentation figures beside the median of councils of the same type, and the cost of
 * bidding. Published (real) figures and sample figures are computed apart, never mixed. The page
 * and the API take their figures from the same getAuthorityMetrics, so they cannot disagree.
 */
import { readConfig } from '../config';
import {
	bidOutcomes,
	countsIn,
	fragmentation,
	median,
	type MoneyScope,
	type BidOutcomes,
	type FragmentationSummary
} from '../metrics/funding';
import { listAuthorityBids, type BidRow } from './bids';
import { cachedByDataVersion } from './data-version-cache';
import { serverDb, type Db } from './connection';
import { PUBLIC, type Viewer } from '../accounts/viewer';
import { listAuthorityAwards, type AwardRow } from './funding';
import { moneyNotCounted, type MoneyNotCounted } from '../metrics/money-not-counted';
import {
	getAuthorityPopulation,
	listAuthorityPopulations,
	listAwardFacts,
	listBidFacts,
	type AuthorityPopulation
} from './funding-facts';

export const COMPARED_METRICS = [
	'potsWon',
	'funders',
	'totalGbp',
	'perHeadGbp',
	'medianAwardGbp',
	'competitiveShare',
	'effectivePots',
	'shareUnder1m',
	'consortiumShare',
	'estimatedPerHeadGbp'
] as const satisfies readonly (keyof FragmentationSummary)[];

/** Figures that count shares of others' awards: their medians include partner-only councils. */
const SHARED_METRICS = new Set<string>(['estimatedPerHeadGbp']);

export interface TypeComparison {
	typeName: string;
	/** Councils of this type that led at least one published award: most medians are over these. */
	councils: number;
	/** Councils of this type that led or shared in one: the base of the estimated figures' medians. */
	councilsWithAnyAward: number;
	medians: Partial<Record<(typeof COMPARED_METRICS)[number], number | null>>;
}

export interface AuthorityMetrics {
	population: number | null;
	/** Which money the figures count. */
	money: MoneyScope;
	/** From published awards only. */
	fragmentation: FragmentationSummary;
	/** With net-zero money counted: the council's general and unclassified awards, left out. */
	notCounted: MoneyNotCounted | null;
	outcomes: BidOutcomes;
	/** Whether the bids counted in outcomes include sample ones. */
	bidsAreSample: boolean;
	/** £ per officer day in the cost of bidding. */
	dayRateGbp: number;
}

export interface FundingOptions {
	/** Awards and bids dated this year only; null for all years. */
	year?: number | null;
	/** Net-zero money only (the default), or all of it. */
	money?: MoneyScope;
	/** £ per officer day; the server's BID_DAY_RATE_GBP unless given. */
	dayRateGbp?: number;
	/** Who is asking: the public see no draft bids and no bidding costs. */
	viewer?: Viewer;
}

/** One council's figures from published awards (all years, or awards dated one year). */
export function getAwardFigures(
	code: string,
	year: number | null = null,
	db: Db = serverDb(),
	money: MoneyScope = 'net-zero'
): Pick<AuthorityMetrics, 'population' | 'fragmentation' | 'money' | 'notCounted'> {
	const population = getAuthorityPopulation(code, db);
	const everything = listAwardFacts({ authority: code, year, money: 'all' }, db);
	const facts = everything.filter((f) => countsIn(f.purpose, money));
	return {
		population,
		money,
		fragmentation: fragmentation(facts, population),
		notCounted: money === 'all' ? null : moneyNotCounted(everything)
	};
}

/**
 * One council's funding figures and bid outcomes, for all years or one (awards and bids dated
 * that year): what its funding page shows and what /api/funding/metrics returns.
 */
export function getAuthorityMetrics(
	code: string,
	{
		year = null,
		dayRateGbp = readConfig().BID_DAY_RATE_GBP,
		viewer = PUBLIC,
		money = 'net-zero'
	}: FundingOptions = {},
	db: Db = serverDb()
): AuthorityMetrics {
	const bids = listBidFacts(code, true, db, viewer).filter((b) => year === null || b.year === year);
	return {
		...getAwardFigures(code, year, db, money),
		outcomes: bidOutcomes(bids, dayRateGbp),
		bidsAreSample: bids.some((b) => b.isSample),
		dayRateGbp
	};
}

export interface AuthorityFunding extends AuthorityMetrics {
	awards: AwardRow[];
	bids: BidRow[];
	/** Including sample awards, when there are any (shown apart, labelled). */
	fragmentationWithSample: FragmentationSummary | null;
	comparison: TypeComparison;
}

/** The council funding page: its metrics (for all years) and the rows behind them. */
export function getAuthorityFunding(
	code: string,
	{
		dayRateGbp,
		viewer = PUBLIC,
		money = 'net-zero'
	}: Pick<FundingOptions, 'dayRateGbp' | 'viewer' | 'money'> = {},
	db: Db = serverDb()
): AuthorityFunding {
	const people = listAuthorityPopulations(db);
	const me = people.find((p) => p.code === code);
	const metrics = getAuthorityMetrics(code, { dayRateGbp, viewer, money }, db);
	const withSample = listAwardFacts({ authority: code, includeSample: true, money }, db);
	return {
		...metrics,
		awards: listAuthorityAwards(code, db),
		bids: listAuthorityBids(code, db, viewer),
		fragmentationWithSample:
			withSample.length > metrics.fragmentation.awards + metrics.fragmentation.partnerAwards
				? fragmentation(withSample, metrics.population)
				: null,
		comparison: compareWithType(people, me?.type ?? null, me?.typeName ?? '', db, money)
	};
}

/** Medians over councils of one type that have published awards (real data only). */
function compareWithType(
	people: readonly AuthorityPopulation[],
	type: string | null,
	typeName: string,
	db: Db,
	money: MoneyScope
): TypeComparison {
	if (!type) return { typeName, councils: 0, councilsWithAnyAward: 0, medians: {} };
	return cachedTypeComparison({ people, type, typeName, money }, db);
}

/**
 * The same for every council of the type and every viewer (published awards only), and it reads
 * every award in the country: kept per type and money until the data changes.
 */
const cachedTypeComparison = cachedByDataVersion(
	'type comparison',
	(
		o: {
			people: readonly AuthorityPopulation[];
			type: string;
			typeName: string;
			money: MoneyScope;
		},
		db: Db
	) => computeTypeComparison(o.people, o.type, o.typeName, db, o.money),
	(o) => `${o.type}:${o.money}`,
	64
);

function computeTypeComparison(
	people: readonly AuthorityPopulation[],
	type: string,
	typeName: string,
	db: Db,
	money: MoneyScope
): TypeComparison {
	const peers = people.filter((p) => p.type === type);
	const facts = listAwardFacts({ money }, db);
	const summaries = peers
		.map((p) =>
			fragmentation(
				facts.filter((f) => f.authorityCode === p.code),
				p.population
			)
		)
		.filter((s) => s.awards > 0 || s.partnerAwards > 0);
	const led = summaries.filter((s) => s.awards > 0);
	const medians: TypeComparison['medians'] = {};
	for (const m of COMPARED_METRICS) {
		const base = SHARED_METRICS.has(m) ? summaries : led;
		medians[m] = median(base.map((s) => s[m]).filter((v): v is number => v !== null));
	}
	return { typeName, councils: led.length, councilsWithAnyAward: summaries.length, medians };
}
