/**
 * Funding facts for the metrics: awards (as lead, or as a partner of a consortium award), bids,
 * and application windows, as the plain rows the pure functions in metrics/funding.ts take.
 */
import type Database from 'better-sqlite3';
import type { AwardFact, BidFact, WindowFact } from '../metrics/funding';
import { estimatedShareGbp, LATEST_POPULATION_SQL, listAwardShares } from './award-shares';
import { all } from './statements';

export interface AuthorityAwardFact extends AwardFact {
	authorityCode: string;
}

/**
 * Every award with the authority it counts for: the lead (role 'lead') and each partner council
 * (role 'partner'). Lead rows alone sum to the money; partner rows never add to it. Each row also
 * carries the authority's estimated share (consortium awards split by population), whose sum
 * over lead and partner rows is the money again.
 */
export function listAwardFacts(
	sqlite: Database.Database,
	opts: { authority?: string | null; year?: number | null; includeSample?: boolean } = {}
): AuthorityAwardFact[] {
	const rows = all<
		Omit<AuthorityAwardFact, 'isConsortium' | 'isSample' | 'estimatedShareGbp'> & {
			awardId: number;
			isConsortium: number;
			isSample: number;
		}
	>(
		sqlite,
		`SELECT * FROM (
		   SELECT a.id AS awardId, a.authority_code AS authorityCode, 'lead' AS role, a.competition_id AS competitionId, c.scheme, c.round,
		          f.name AS funder, c.kind, a.amount_gbp AS amountGbp, CAST(substr(a.award_date, 1, 4) AS INTEGER) AS year,
		          a.is_consortium AS isConsortium, a.is_sample AS isSample
		   FROM awards a JOIN competitions c ON c.id = a.competition_id LEFT JOIN funders f ON f.id = c.funder_id
		   UNION ALL
		   SELECT DISTINCT a.id, p.authority_code, 'partner', a.competition_id, c.scheme, c.round, f.name, c.kind, a.amount_gbp,
		          CAST(substr(a.award_date, 1, 4) AS INTEGER), 1, a.is_sample
		   FROM partners p JOIN awards a ON a.id = p.award_id JOIN competitions c ON c.id = a.competition_id
		   LEFT JOIN funders f ON f.id = c.funder_id
		   WHERE p.authority_code IS NOT NULL AND p.authority_code != a.authority_code
		 )
		 WHERE (? IS NULL OR authorityCode = ?) AND (? IS NULL OR year = ?) AND (? OR isSample = 0)
		 ORDER BY authorityCode, year, competitionId`,
		opts.authority ?? null,
		opts.authority ?? null,
		opts.year ?? null,
		opts.year ?? null,
		opts.includeSample ? 1 : 0
	);
	const shares = listAwardShares(sqlite);
	return rows.map(({ awardId, ...r }) => ({
		...r,
		isConsortium: !!r.isConsortium,
		isSample: !!r.isSample,
		estimatedShareGbp: estimatedShareGbp(shares, awardId, r.authorityCode, r.role, r.amountGbp)
	}));
}

export function listBidFacts(
	sqlite: Database.Database,
	authority: string,
	includeSample = true
): BidFact[] {
	return all<Omit<BidFact, 'isSample'> & { isSample: number }>(
		sqlite,
		`SELECT competition_id AS competitionId, status, requested_gbp AS requestedGbp, awarded_gbp AS awardedGbp,
		        officer_days AS officerDays, bid_cost_gbp AS bidCostGbp,
		        CAST(substr(coalesce(submitted_on, status_date, decided_on), 1, 4) AS INTEGER) AS year, is_sample AS isSample
		 FROM bids WHERE lead_authority_code = ? AND (? OR is_sample = 0)`,
		authority,
		includeSample ? 1 : 0
	).map((b) => ({ ...b, isSample: !!b.isSample }));
}

/**
 * Current (not superseded) first opening and last closing date of every competition, and how
 * many of each were replaced: every superseded row is one changed date, so a deadline extended
 * twice counts two and a re-run window (a superseded opening) counts too.
 */
export function listWindowFacts(
	sqlite: Database.Database,
	includeSample = false
): (WindowFact & { scheme: string; round: string; kind: string | null })[] {
	return all(
		sqlite,
		`SELECT c.id AS competitionId, c.scheme, c.round, c.kind,
		        (SELECT min(date) FROM competition_dates d WHERE d.competition_id = c.id AND d.event = 'opens' AND d.superseded_by_id IS NULL) AS opens,
		        (SELECT max(date) FROM competition_dates d WHERE d.competition_id = c.id AND d.event = 'closes' AND d.superseded_by_id IS NULL) AS closes,
		        (SELECT count(*) FROM competition_dates d WHERE d.competition_id = c.id AND d.event = 'opens' AND d.superseded_by_id IS NOT NULL) AS openingChanges,
		        (SELECT count(*) FROM competition_dates d WHERE d.competition_id = c.id AND d.event = 'closes' AND d.superseded_by_id IS NOT NULL) AS closingChanges
		 FROM competitions c WHERE (? OR c.is_sample = 0) ORDER BY c.scheme, c.round`,
		includeSample ? 1 : 0
	);
}

export interface AuthorityPopulation {
	code: string;
	name: string;
	type: string;
	typeName: string;
	tier: string;
	gssCode: string | null;
	population: number | null;
}

/** Current authorities with their latest known population (for £ per head). */
export function listAuthorityPopulations(sqlite: Database.Database): AuthorityPopulation[] {
	return all(
		sqlite,
		`SELECT a.code, a.nice_name AS name, a.type, a.type_name AS typeName, a.tier, a.gss_code AS gssCode,
		        ${LATEST_POPULATION_SQL} AS population
		 FROM authorities a WHERE a.is_current = 1 ORDER BY a.nice_name`
	);
}

/** Years in which published awards are dated, newest first (the year filter's choices). */
export function listAwardYears(sqlite: Database.Database): number[] {
	return all<{ year: number }>(
		sqlite,
		`SELECT DISTINCT CAST(substr(award_date, 1, 4) AS INTEGER) AS year FROM awards
		 WHERE award_date IS NOT NULL AND is_sample = 0 ORDER BY year DESC`
	).map((r) => r.year);
}
