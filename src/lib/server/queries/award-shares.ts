/**
 * Estimated shares of every award that names partner councils (consortium awards), keyed by
 * award id then council code, weighed by the same populations as £ per head. The split itself is
 * the pure populationShares in metrics/funding-shares.ts.
 */
import { asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { authorities, authorityPopulations, awards, partners } from '../db/schema';
import { populationShares, type MemberShare, type ShareMember } from '../metrics/funding-shares';
import { cachedByDataVersion } from './data-version-cache';
import { preparedQuery, type Db } from './connection';
import { groupRows } from './group-rows';

/** An authority's latest known population: an emissions release's mid-year estimate, else the register's 2020 figure. */
export const latestPopulation = (db: Db) =>
	sql<number | null>`coalesce((${db
		.select({ population: authorityPopulations.population })
		.from(authorityPopulations)
		.where(eq(authorityPopulations.authorityCode, authorities.code))
		.orderBy(desc(authorityPopulations.year))
		.limit(1)}), ${authorities.population2020})`;

export type AwardShares = Map<number, Map<string, MemberShare>>;

const partnerCouncilsQuery = preparedQuery((db) =>
	db
		.select({ awardId: awards.id, leadCode: awards.authorityCode, code: partners.authorityCode })
		.from(awards)
		.innerJoin(partners, eq(partners.awardId, awards.id))
		.where(isNotNull(partners.authorityCode))
		.orderBy(asc(awards.id), asc(partners.id))
		.prepare()
);

const membersQuery = preparedQuery((db) =>
	db
		.select({
			code: authorities.code,
			population: latestPopulation(db),
			county: authorities.countyCode,
			combined: authorities.combinedAuthorityCode
		})
		.from(authorities)
		.prepare()
);

/**
 * Every consortium award's split, kept until the data changes: it reads every partner row, and
 * a council's funding page and the national figures ask for it on each request.
 */
export function listAwardShares(db: Db): AwardShares {
	return cachedShares(null, db);
}

const cachedShares = cachedByDataVersion(
	'award shares',
	(_: null, db: Db) => computeAwardShares(db),
	() => '',
	1
);

function computeAwardShares(db: Db): AwardShares {
	const awardsWithPartners = groupRows(partnerCouncilsQuery(db).all(), (p) => p.awardId);
	const shares: AwardShares = new Map();
	if (awardsWithPartners.size === 0) return shares;
	const members = new Map<string, ShareMember>(
		membersQuery(db)
			.all()
			.map((m) => [
				m.code,
				{
					code: m.code,
					population: m.population,
					withinCodes: [m.county, m.combined].filter((c): c is string => c !== null)
				}
			])
	);
	for (const [awardId, rows] of awardsWithPartners) {
		const split = populationShares(
			rows[0]!.leadCode,
			rows.map((r) => r.code!),
			members
		);
		shares.set(awardId, new Map(split.map((m) => [m.code, m])));
	}
	return shares;
}

/** This authority's estimated £ of one award: its split share, or the whole award when unshared and it is the lead. */
export function estimatedShareGbp(
	shares: AwardShares,
	awardId: number,
	code: string,
	role: 'lead' | 'partner',
	amountGbp: number
): number {
	const split = shares.get(awardId);
	if (!split) return role === 'lead' ? amountGbp : 0;
	return amountGbp * (split.get(code)?.share ?? 0);
}
