/**
 * The national picture for the home page: how many councils, which targets for which years, and
 * when climate emergencies were declared. Counts are of councils, never sums across tiers.
 */
import type Database from 'better-sqlite3';
import { all } from './statements';

export interface AuthorityCount {
	nation: string;
	tier: string;
	count: number;
}

export interface TargetYearCount {
	scope: 'council_operations' | 'whole_area';
	targetYear: number;
	councils: number;
}

export interface TargetScopeTotal {
	scope: string;
	councils: number;
}

export interface DeclarationMonth {
	month: string;
	declarations: number;
}

export interface NationalOverview {
	authorities: AuthorityCount[];
	councilsWithPromiseRecords: number;
	targetScopeTotals: TargetScopeTotal[];
	targetYears: TargetYearCount[];
	declarationsByMonth: DeclarationMonth[];
	declaredTotal: number;
	declarationsUndated: number;
}

export function getNationalOverview(sqlite: Database.Database): NationalOverview {
	return {
		authorities: all(
			sqlite,
			`SELECT nation, tier, count(*) AS count FROM authorities WHERE is_current = 1 GROUP BY nation, tier ORDER BY nation, tier`
		),
		councilsWithPromiseRecords:
			all<{ n: number }>(
				sqlite,
				'SELECT count(DISTINCT authority_code) AS n FROM targets WHERE is_sample = 0'
			)[0]?.n ?? 0,
		targetScopeTotals: all(
			sqlite,
			`SELECT scope, count(DISTINCT authority_code) AS councils FROM targets WHERE is_sample = 0 GROUP BY scope ORDER BY councils DESC`
		),
		targetYears: all(
			sqlite,
			`SELECT scope, target_year AS targetYear, count(DISTINCT authority_code) AS councils FROM targets
			 WHERE is_sample = 0 AND target_year IS NOT NULL AND scope IN ('council_operations', 'whole_area')
			 GROUP BY scope, target_year ORDER BY target_year`
		),
		declarationsByMonth: all(
			sqlite,
			`SELECT substr(date_made, 1, 7) AS month, count(*) AS declarations FROM declarations
			 WHERE declared = 1 AND date_made IS NOT NULL GROUP BY month ORDER BY month`
		),
		declaredTotal:
			all<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM declarations WHERE declared = 1')[0]
				?.n ?? 0,
		declarationsUndated:
			all<{ n: number }>(
				sqlite,
				'SELECT count(*) AS n FROM declarations WHERE declared = 1 AND date_made IS NULL'
			)[0]?.n ?? 0
	};
}
