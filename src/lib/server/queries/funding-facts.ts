/**
 * Funding facts for the metrics: awards (as lead, or as a partner of a consortium award), bids,
 * and application windows, as the plain rows the pure functions in metrics/funding.ts take.
 */
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { authorities, awards, bids, competitions, funders, partners, schemes } from '../db/schema';
import {
	countsIn,
	type AwardFact,
	type BidFact,
	type MoneyScope,
	type WindowFact
} from '../metrics/funding';
import { estimatedShareGbp, latestPopulation, listAwardShares } from './award-shares';
import { listCompetitionDates, currentWindow } from './competition-dates';
import { preparedQuery, serverDb, type Db } from './connection';
import { oneOrEvery, param, unlessFlag, whenGiven } from './filters';
import { yearOf } from './sqlite/dates';
import { visibleBids } from '../accounts/private-fields';
import { PUBLIC, type Viewer } from '../accounts/viewer';

export interface AuthorityAwardFact extends AwardFact {
	authorityCode: string;
}

const awardYear = yearOf(awards.awardDate);

/** An award's fields as a fact, for whichever authority it counts for. */
const awardFactFields = {
	awardId: awards.id,
	competitionId: awards.competitionId,
	scheme: competitions.scheme,
	round: competitions.round,
	purpose: schemes.purpose,
	funder: funders.name,
	kind: competitions.kind,
	amountGbp: awards.amountGbp,
	year: awardYear,
	isConsortium: awards.isConsortium,
	isSample: awards.isSample
};

/** The filters both kinds of fact take: the year awarded and whether sample awards count. */
const awardFilters = and(
	whenGiven('year', eq(awardYear, param('year'))),
	unlessFlag('includeSample', eq(awards.isSample, false))
);

const leadFactsQuery = oneOrEvery((db, oneCouncil) =>
	db
		.select({ authorityCode: awards.authorityCode, ...awardFactFields })
		.from(awards)
		.innerJoin(competitions, eq(competitions.id, awards.competitionId))
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.where(and(oneCouncil ? eq(awards.authorityCode, param('authority')) : undefined, awardFilters))
		.prepare()
);

const partnerFactsQuery = oneOrEvery((db, oneCouncil) =>
	db
		.selectDistinct({ authorityCode: partners.authorityCode, ...awardFactFields })
		.from(partners)
		.innerJoin(awards, eq(awards.id, partners.awardId))
		.innerJoin(competitions, eq(competitions.id, awards.competitionId))
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.where(
			and(
				isNotNull(partners.authorityCode),
				ne(partners.authorityCode, awards.authorityCode),
				oneCouncil ? eq(partners.authorityCode, param('authority')) : undefined,
				awardFilters
			)
		)
		.prepare()
);

/**
 * Every award with the authority it counts for: the lead (role 'lead') and each partner council
 * (role 'partner'). Lead rows alone sum to the money; partner rows never add to it. Each row also
 * carries the authority's estimated share (consortium awards split by population), whose sum
 * over lead and partner rows is the money again.
 */
export function listAwardFacts(
	opts: {
		authority?: string | null;
		year?: number | null;
		includeSample?: boolean;
		/** Net-zero money only (the default everywhere), or all of it (metrics/funding.ts). */
		money?: MoneyScope;
	} = {},
	db: Db = serverDb()
): AuthorityAwardFact[] {
	const params = {
		authority: opts.authority ?? null,
		year: opts.year ?? null,
		includeSample: opts.includeSample ? 1 : 0
	};
	const rows = [
		...leadFactsQuery(db, params.authority)
			.all(params)
			.map((r) => ({ ...r, role: 'lead' as const })),
		...partnerFactsQuery(db, params.authority)
			.all(params)
			// Not null: the query keeps partner rows that name a council.
			.map((r) => ({
				...r,
				authorityCode: r.authorityCode!,
				role: 'partner' as const,
				isConsortium: true
			}))
	]
		.filter((f) => countsIn(f.purpose, opts.money ?? 'net-zero'))
		.sort(byAuthorityYearCompetition);
	const shares = listAwardShares(db);
	return rows.map(({ awardId, ...r }) => ({
		...r,
		estimatedShareGbp: estimatedShareGbp(shares, awardId, r.authorityCode, r.role, r.amountGbp)
	}));
}

/** Authority, then year (undated first), then competition, as SQL would order them. */
function byAuthorityYearCompetition(
	a: { authorityCode: string; year: number | null; competitionId: number; role: string },
	b: typeof a
): number {
	if (a.authorityCode !== b.authorityCode) return a.authorityCode < b.authorityCode ? -1 : 1;
	if (a.year !== b.year) return (a.year ?? -Infinity) - (b.year ?? -Infinity);
	return a.competitionId - b.competitionId || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0);
}

const bidFactsQuery = preparedQuery((db) =>
	db
		.select({
			authorityCode: bids.leadAuthorityCode,
			scheme: bids.scheme,
			round: bids.round,
			status: bids.status,
			requestedGbp: bids.requestedGbp,
			awardedGbp: bids.awardedGbp,
			officerDays: bids.officerDays,
			bidCostGbp: bids.bidCostGbp,
			year: yearOf(sql`coalesce(${bids.submittedOn}, ${bids.statusDate}, ${bids.decidedOn})`),
			isSample: bids.isSample
		})
		.from(bids)
		.where(
			and(
				eq(bids.leadAuthorityCode, param('authority')),
				unlessFlag('includeSample', eq(bids.isSample, false))
			)
		)
		.prepare()
);

/** A bid's row as the metrics take it: its scheme and round as one pot. */
function asBidFact({
	scheme,
	round,
	...b
}: { scheme: string; round: string } & Omit<BidFact, 'pot'>) {
	return { ...b, pot: `${scheme}\u0000${round}` };
}

/** The bids `viewer` may see: the public, no drafts and no costs (private-fields.ts). */
export function listBidFacts(
	authority: string,
	includeSample = true,
	db: Db = serverDb(),
	viewer: Viewer = PUBLIC
): BidFact[] {
	const rows = bidFactsQuery(db)
		.all({ authority, includeSample: includeSample ? 1 : 0 })
		.map(({ authorityCode: _lead, ...b }) => asBidFact(b));
	return visibleBids(rows, authority, viewer);
}

const windowCompetitionsQuery = preparedQuery((db) =>
	db
		.select({
			competitionId: competitions.id,
			scheme: competitions.scheme,
			round: competitions.round,
			kind: competitions.kind,
			purpose: schemes.purpose,
			funder: funders.name
		})
		.from(competitions)
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.where(unlessFlag('includeSample', eq(competitions.isSample, false)))
		.orderBy(asc(competitions.scheme), asc(competitions.round))
		.prepare()
);

/**
 * Current (not superseded) first opening and last closing date of every competition, and how
 * many of each were replaced: every superseded row is one changed date, so a deadline extended
 * twice counts two and a re-run window (a superseded opening) counts too.
 */
export function listWindowFacts(
	includeSample = false,
	db: Db = serverDb(),
	money: MoneyScope = 'net-zero'
): (WindowFact & {
	scheme: string;
	round: string;
	kind: string | null;
	funder: string | null;
})[] {
	const dates = listCompetitionDates(db);
	return windowCompetitionsQuery(db)
		.all({ includeSample: includeSample ? 1 : 0 })
		.filter((c) => countsIn(c.purpose, money))
		.map(({ purpose: _purpose, ...c }) => ({
			...c,
			...currentWindow(dates.get(c.competitionId) ?? [])
		}));
}

const populationsQuery = preparedQuery((db) =>
	db
		.select({
			code: authorities.code,
			name: authorities.niceName,
			type: authorities.type,
			typeName: authorities.typeName,
			tier: authorities.tier,
			gssCode: authorities.gssCode,
			population: latestPopulation(db)
		})
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.orderBy(asc(authorities.niceName))
		.prepare()
);

/** Current authorities with their latest known population (for £ per head). */
export function listAuthorityPopulations(db: Db = serverDb()) {
	return populationsQuery(db).all();
}

export type AuthorityPopulation = ReturnType<typeof listAuthorityPopulations>[number];

const populationQuery = preparedQuery((db) =>
	db
		.select({ population: latestPopulation(db) })
		.from(authorities)
		.where(and(eq(authorities.code, param('code')), eq(authorities.isCurrent, true)))
		.prepare()
);

/** One current authority's latest known population; null for none, or a former council. */
export function getAuthorityPopulation(code: string, db: Db = serverDb()): number | null {
	return populationQuery(db).get({ code })?.population ?? null;
}

const awardYearsQuery = preparedQuery((db) =>
	db
		.selectDistinct({ year: awardYear })
		.from(awards)
		.where(and(isNotNull(awards.awardDate), eq(awards.isSample, false)))
		.orderBy(desc(awardYear))
		.prepare()
);

/** Years in which published awards are dated, newest first (the year filter's choices). */
export function listAwardYears(db: Db = serverDb()): number[] {
	return awardYearsQuery(db)
		.all()
		.map((r) => r.year!);
}
