/**
 * Consortium awards and bids with their partners. The partnership map is the published awards'
 * (sample data left out, as in every national view): a council's bids are its own ledger and
 * change no public figure. A council's own page adds its ledger: the bids it led (drafts only for
 * its officers) and the bids of others naming it a partner that its officers accepted.
 * Filtered by scheme, year and council, with how much of the data records partners at all.
 */
import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { authorities, awards, bids, competitions, partners, schemes } from '../db/schema';
import { countsIn, type MoneyScope } from '../metrics/funding';
import { visibleBids } from '../accounts/private-fields';
import { PUBLIC, type Viewer } from '../accounts/viewer';
import { acceptedPartnerBids } from './partnership-answers';
import {
	partnershipNetwork,
	partnersOf,
	type Collaboration,
	type CouncilInfo
} from '../metrics/partnership-network';
import { preparedQuery, serverDb, type Db } from './connection';
import { groupRows } from './group-rows';
import { yearOf } from './sqlite/dates';

const awardsQuery = preparedQuery((db) =>
	db
		.select({
			id: awards.id,
			bidId: awards.bidId,
			leadCode: awards.authorityCode,
			scheme: competitions.scheme,
			round: competitions.round,
			purpose: schemes.purpose,
			amountGbp: awards.amountGbp,
			year: yearOf(awards.awardDate),
			isConsortium: awards.isConsortium
		})
		.from(awards)
		.innerJoin(competitions, eq(competitions.id, awards.competitionId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.where(eq(awards.isSample, false))
		.orderBy(asc(awards.id))
		.prepare()
);

const bidsQuery = preparedQuery((db) =>
	db
		.select({
			id: bids.id,
			leadCode: bids.leadAuthorityCode,
			reference: bids.reference,
			scheme: bids.scheme,
			round: bids.round,
			status: bids.status,
			awardedGbp: bids.awardedGbp,
			officerDays: bids.officerDays,
			bidCostGbp: bids.bidCostGbp,
			year: yearOf(sql`coalesce(${bids.submittedOn}, ${bids.decidedOn}, ${bids.statusDate})`)
		})
		.from(bids)
		.where(eq(bids.isSample, false))
		.orderBy(asc(bids.id))
		.prepare()
);

const partnerFields = {
	awardId: partners.awardId,
	bidId: partners.bidId,
	code: partners.authorityCode,
	name: partners.name,
	kind: partners.kind
};
const awardPartnersQuery = preparedQuery((db) =>
	db
		.select(partnerFields)
		.from(partners)
		.where(isNotNull(partners.awardId))
		.orderBy(asc(partners.id))
		.prepare()
);
const bidPartnersQuery = preparedQuery((db) =>
	db
		.select(partnerFields)
		.from(partners)
		.where(isNotNull(partners.bidId))
		.orderBy(asc(partners.id))
		.prepare()
);

const ca = alias(authorities, 'ca');
const councilsQuery = preparedQuery((db) =>
	db
		.select({
			code: authorities.code,
			name: authorities.niceName,
			caCode: ca.code,
			caName: ca.niceName
		})
		.from(authorities)
		.leftJoin(ca, eq(ca.code, authorities.combinedAuthorityCode))
		.prepare()
);

export interface PartnershipFilter {
	scheme?: string | null;
	year?: number | null;
	/** Only the awards and bids this council led or joined. */
	council?: string | null;
	/** Net-zero money only (the default), or all of it. */
	money?: MoneyScope;
}

/** A council's ledger on its own page: whose it is, and who is reading. */
export interface PartnershipLedger {
	council: string;
	viewer: Viewer;
}

export function getPartnerships(
	filter: PartnershipFilter = {},
	db: Db = serverDb(),
	ledger: PartnershipLedger | null = null
) {
	const awardPartners = groupRows(awardPartnersQuery(db).all(), (p) => p.awardId!);
	const bidPartners = groupRows(bidPartnersQuery(db).all(), (p) => p.bidId!);
	const allAwards = awardsQuery(db)
		.all()
		.filter((a) => countsIn(a.purpose, filter.money ?? 'net-zero'));
	const allBids = ledger ? ledgerBids(ledger, db) : [];
	const shown = <T extends { scheme: string; year: number | null }>(r: T) =>
		(!filter.scheme || r.scheme === filter.scheme) && (!filter.year || r.year === filter.year);
	const involves = (lead: string, ps: readonly { code: string | null }[] = []) =>
		!filter.council || lead === filter.council || ps.some((p) => p.code === filter.council);

	const awardRows = allAwards.filter(
		(a) => shown(a) && involves(a.leadCode, awardPartners.get(a.id))
	);
	const bidRows = allBids.filter((b) => shown(b) && involves(b.leadCode, bidPartners.get(b.id)));
	const collaborations: Collaboration[] = [
		...awardRows.map((a) => ({
			source: 'award' as const,
			id: a.id,
			bidId: a.bidId,
			leadCode: a.leadCode,
			scheme: a.scheme,
			round: a.round,
			wonGbp: a.amountGbp,
			partners: awardPartners.get(a.id) ?? []
		})),
		...bidRows.map((b) => ({
			source: 'bid' as const,
			id: b.id,
			leadCode: b.leadCode,
			scheme: b.scheme,
			round: b.round,
			wonGbp: b.status === 'won' ? (b.awardedGbp ?? 0) : 0,
			partners: bidPartners.get(b.id) ?? []
		}))
	];
	const councils = new Map<string, CouncilInfo>(
		councilsQuery(db)
			.all()
			.map((c) => [
				c.code,
				{
					code: c.code,
					name: c.name,
					combinedAuthority: c.caCode ? { code: c.caCode, name: c.caName ?? c.caCode } : null
				}
			])
	);
	return {
		network: partnershipNetwork(collaborations, councils),
		coverage: {
			awards: awardRows.length,
			awardsWithPartners: awardRows.filter((a) => awardPartners.has(a.id)).length,
			consortiumAwards: awardRows.filter((a) => a.isConsortium).length,
			bids: bidRows.length,
			bidsWithPartners: bidRows.filter((b) => bidPartners.has(b.id)).length
		},
		options: {
			schemes: [...new Set([...allAwards, ...allBids].map((r) => r.scheme))].sort(),
			years: [
				...new Set([...allAwards, ...allBids].flatMap((r) => (r.year === null ? [] : [r.year])))
			].sort((a, b) => b - a)
		},
		councilName: filter.council ? (councils.get(filter.council)?.name ?? null) : null
	};
}

export type Partnerships = ReturnType<typeof getPartnerships>;

/**
 * The council's own bids that its page shows partners of: those it led, as the viewer may see
 * them (drafts only to its officers), and those of other councils naming it that it accepted.
 */
function ledgerBids({ council, viewer }: PartnershipLedger, db: Db) {
	const accepted = acceptedPartnerBids(council, db);
	const bidsOf = groupRows(bidsQuery(db).all(), (b) => b.leadCode);
	const led = visibleBids(bidsOf.get(council) ?? [], council, viewer);
	const joined = [...bidsOf.entries()]
		.filter(([lead]) => lead !== council)
		.flatMap(([lead, list]) =>
			visibleBids(list, lead, viewer).filter((b) => accepted.has(`${lead}\u0000${b.reference}`))
		);
	return [...led, ...joined];
}

/**
 * One council's partners, most £ won together first, for its own page: the published awards and
 * the council's own ledger (see ledgerBids).
 */
export function listCouncilPartners(code: string, db: Db = serverDb(), viewer: Viewer = PUBLIC) {
	const { network } = getPartnerships({ council: code }, db, { council: code, viewer });
	const byId = new Map(network.nodes.map((n) => [n.id, n]));
	return partnersOf(network, code).map(({ id, edge }) => {
		const n = byId.get(id)!;
		return {
			label: n.label,
			code: n.code,
			kind: n.kind,
			count: edge.count,
			/** Of count, how many are the council's own bids (its ledger), not published awards. */
			bids: edge.bids,
			jointGbp: edge.jointGbp,
			schemes: edge.schemes
		};
	});
}

export type CouncilPartner = ReturnType<typeof listCouncilPartners>[number];
