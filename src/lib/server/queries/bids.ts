/**
 * A council's bids with their competition, partners and costs (the pipeline table and the API).
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { awards, bids, competitions, funders, partners } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';
import { groupRows } from './group-rows';
import { visibleBids } from '../accounts/private-fields';
import { PUBLIC, type Viewer } from '../accounts/viewer';

const code = sql.placeholder('code');

const bidsQuery = preparedQuery((db) =>
	db
		.select({
			id: bids.id,
			reference: bids.reference,
			title: bids.title,
			scheme: bids.scheme,
			round: bids.round,
			/** The published round the bid joined; null when the round is the council's own words. */
			competitionId: bids.competitionId,
			funder: funders.name,
			status: bids.status,
			statusDate: bids.statusDate,
			submittedOn: bids.submittedOn,
			decidedOn: bids.decidedOn,
			requestedGbp: bids.requestedGbp,
			awardedGbp: bids.awardedGbp,
			officerDays: bids.officerDays,
			bidCostGbp: bids.bidCostGbp,
			sourceUrl: bids.sourceUrl,
			notes: bids.notes,
			isSample: bids.isSample,
			/** The published award that is this bid's money (one sum, two records), if linked. */
			publishedAwardGbp: sql<
				number | null
			>`(select ${awards.amountGbp} from ${awards} where ${awards.bidId} = ${bids.id} limit 1)`
		})
		.from(bids)
		.leftJoin(competitions, eq(competitions.id, bids.competitionId))
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.where(eq(bids.leadAuthorityCode, code))
		.orderBy(
			desc(sql`coalesce(${bids.decidedOn}, ${bids.submittedOn}, ${bids.statusDate}, '')`),
			asc(bids.reference)
		)
		.prepare()
);

const partnersQuery = preparedQuery((db) =>
	db
		.select({
			bidId: partners.bidId,
			code: partners.authorityCode,
			name: partners.name,
			kind: partners.kind
		})
		.from(partners)
		.innerJoin(bids, eq(bids.id, partners.bidId))
		.where(eq(bids.leadAuthorityCode, code))
		.orderBy(asc(partners.id))
		.prepare()
);

/** The bids `viewer` may see: the public, no drafts and no costs (private-fields.ts). */
export function listAuthorityBids(code: string, db: Db = serverDb(), viewer: Viewer = PUBLIC) {
	const byBid = groupRows(partnersQuery(db).all({ code }), (p) => p.bidId);
	return visibleBids(bidsQuery(db).all({ code }), code, viewer).map((b) => ({
		...b,
		partners: (byBid.get(b.id) ?? []).map(({ code, name, kind }) => ({ code, name, kind }))
	}));
}

export type BidRow = ReturnType<typeof listAuthorityBids>[number];
