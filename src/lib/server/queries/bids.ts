/**
 * A council's bids with their competition, partners and costs (the pipeline table and the API).
 */
import type Database from 'better-sqlite3';
import { all } from './statements';

export interface BidRow {
	id: number;
	reference: string;
	title: string;
	scheme: string;
	round: string;
	funder: string | null;
	status: 'idea' | 'drafting' | 'submitted' | 'won' | 'lost' | 'withdrawn';
	statusDate: string | null;
	submittedOn: string | null;
	decidedOn: string | null;
	requestedGbp: number | null;
	awardedGbp: number | null;
	officerDays: number | null;
	bidCostGbp: number | null;
	partners: { code: string | null; name: string; kind: string }[];
	sourceUrl: string | null;
	notes: string | null;
	isSample: boolean;
}

export function listAuthorityBids(sqlite: Database.Database, code: string): BidRow[] {
	return all<Omit<BidRow, 'partners' | 'isSample'> & { partners: string | null; isSample: number }>(
		sqlite,
		`SELECT b.id, b.reference, b.title, c.scheme, c.round, f.name AS funder, b.status, b.status_date AS statusDate,
		        b.submitted_on AS submittedOn, b.decided_on AS decidedOn, b.requested_gbp AS requestedGbp,
		        b.awarded_gbp AS awardedGbp, b.officer_days AS officerDays, b.bid_cost_gbp AS bidCostGbp,
		        b.source_url AS sourceUrl, b.notes, b.is_sample AS isSample,
		        (SELECT json_group_array(json_object('code', p.authority_code, 'name', p.name, 'kind', p.kind))
		         FROM partners p WHERE p.bid_id = b.id) AS partners
		 FROM bids b JOIN competitions c ON c.id = b.competition_id LEFT JOIN funders f ON f.id = c.funder_id
		 WHERE b.lead_authority_code = ?
		 ORDER BY coalesce(b.decided_on, b.submitted_on, b.status_date, '') DESC, b.reference`,
		code
	).map((b) => ({
		...b,
		isSample: !!b.isSample,
		partners: b.partners ? (JSON.parse(b.partners) as BidRow['partners']) : []
	}));
}
