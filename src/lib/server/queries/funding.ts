/**
 * Money to one authority (awards and allocations, as lead or as a consortium partner) and its part
 * in programmes such as Warm Homes: Local Grant.
 */
import type Database from 'better-sqlite3';
import type { MemberShare } from '../metrics/funding-shares';
import { listAwardShares } from './award-shares';
import { all } from './statements';

export interface AwardRow {
	id: number;
	scheme: string;
	round: string;
	funder: string | null;
	kind: 'award' | 'allocation';
	competitionKind: string | null;
	amountGbp: number;
	awardDate: string | null;
	projectTitle: string;
	isConsortium: boolean;
	/** 'lead' when the money was paid to this authority; 'partner' when it shares in a consortium. */
	role: 'lead' | 'partner';
	leadCode: string;
	leadName: string;
	partners: { code: string | null; name: string }[];
	/**
	 * For an award shared with partner councils: this authority's estimated share in £ (split by
	 * population, an estimate), and why it has none when left out of the split. Null otherwise.
	 */
	estimatedShareGbp: number | null;
	shareLeftOut: MemberShare['leftOut'];
	sourceUrl: string | null;
	notes: string | null;
	isSample: boolean;
}

export function listAuthorityAwards(sqlite: Database.Database, code: string): AwardRow[] {
	const rows = all<
		Omit<
			AwardRow,
			'partners' | 'isConsortium' | 'isSample' | 'estimatedShareGbp' | 'shareLeftOut'
		> & {
			isConsortium: number;
			isSample: number;
			partners: string | null;
		}
	>(
		sqlite,
		`SELECT a.id, c.scheme, c.round, f.name AS funder, a.kind, c.kind AS competitionKind, a.amount_gbp AS amountGbp,
		        a.award_date AS awardDate, a.project_title AS projectTitle, a.is_consortium AS isConsortium,
		        CASE WHEN a.authority_code = ? THEN 'lead' ELSE 'partner' END AS role,
		        a.authority_code AS leadCode, la.nice_name AS leadName, a.source_url AS sourceUrl, a.notes, a.is_sample AS isSample,
		        (SELECT json_group_array(json_object('code', p.authority_code, 'name', p.name)) FROM partners p WHERE p.award_id = a.id) AS partners
		 FROM awards a
		 JOIN competitions c ON c.id = a.competition_id
		 LEFT JOIN funders f ON f.id = c.funder_id
		 JOIN authorities la ON la.code = a.authority_code
		 WHERE a.authority_code = ? OR EXISTS (SELECT 1 FROM partners p WHERE p.award_id = a.id AND p.authority_code = ?)
		 ORDER BY coalesce(a.award_date, '') DESC, a.amount_gbp DESC`,
		code,
		code,
		code
	);
	const shares = listAwardShares(sqlite);
	return rows.map((r) => {
		const mine = shares.get(r.id)?.get(code);
		return {
			...r,
			isConsortium: !!r.isConsortium,
			isSample: !!r.isSample,
			partners: r.partners
				? (JSON.parse(r.partners) as { code: string | null; name: string }[])
				: [],
			estimatedShareGbp: mine ? r.amountGbp * mine.share : null,
			shareLeftOut: mine?.leftOut ?? null
		};
	});
}

export interface ParticipationRow {
	scheme: string;
	round: string;
	status: string;
	leadCode: string | null;
	leadName: string | null;
	websiteUrl: string | null;
	/** Councils taking part through this authority, when it leads a consortium. */
	members: number;
}

export function listAuthorityParticipations(
	sqlite: Database.Database,
	code: string
): ParticipationRow[] {
	return all<ParticipationRow>(
		sqlite,
		`SELECT c.scheme, c.round, p.status, p.lead_authority_code AS leadCode,
		        coalesce(la.nice_name, p.lead_name) AS leadName, p.website_url AS websiteUrl,
		        (SELECT count(*) FROM participations m WHERE m.competition_id = p.competition_id AND m.lead_authority_code = ?) AS members
		 FROM participations p
		 JOIN competitions c ON c.id = p.competition_id
		 LEFT JOIN authorities la ON la.code = p.lead_authority_code
		 WHERE p.authority_code = ?`,
		code,
		code
	);
}
