/**
 * Estimated shares of every award that names partner councils (consortium awards), keyed by
 * award id then council code, weighed by the same populations as £ per head. The split itself is
 * the pure populationShares in metrics/funding-shares.ts.
 */
import type Database from 'better-sqlite3';
import { populationShares, type MemberShare, type ShareMember } from '../metrics/funding-shares';
import { all } from './statements';

/** An authority's latest known population: an emissions release's mid-year estimate, else the register's 2020 figure. */
export const LATEST_POPULATION_SQL = `coalesce((SELECT p.population FROM authority_populations p WHERE p.authority_code = a.code ORDER BY p.year DESC LIMIT 1), a.population_2020)`;

export type AwardShares = Map<number, Map<string, MemberShare>>;

export function listAwardShares(sqlite: Database.Database): AwardShares {
	const awards = all<{ id: number; leadCode: string; partners: string }>(
		sqlite,
		`SELECT a.id, a.authority_code AS leadCode, json_group_array(p.authority_code) AS partners
		 FROM awards a JOIN partners p ON p.award_id = a.id
		 WHERE p.authority_code IS NOT NULL GROUP BY a.id`
	);
	const shares: AwardShares = new Map();
	if (awards.length === 0) return shares;
	const members = new Map<string, ShareMember>(
		all<{
			code: string;
			population: number | null;
			county: string | null;
			combined: string | null;
		}>(
			sqlite,
			`SELECT a.code, ${LATEST_POPULATION_SQL} AS population, a.county_code AS county,
			        a.combined_authority_code AS combined
			 FROM authorities a`
		).map((m) => [
			m.code,
			{
				code: m.code,
				population: m.population,
				withinCodes: [m.county, m.combined].filter((c): c is string => c !== null)
			}
		])
	);
	for (const a of awards) {
		const partners = JSON.parse(a.partners) as string[];
		const split = populationShares(a.leadCode, partners, members);
		shares.set(a.id, new Map(split.map((m) => [m.code, m])));
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
