/**
 * Money to one authority (awards and allocations, as lead or as a consortium partner) and its part
 * in programmes such as Warm Homes: Local Grant.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias, union } from 'drizzle-orm/sqlite-core';
import {
	authorities,
	awards,
	bids,
	competitions,
	funders,
	participations,
	partners,
	schemes
} from '../db/schema';
import { listAwardShares } from './award-shares';
import { preparedQuery, serverDb, type Db } from './connection';
import { param } from './filters';
import { groupRows } from './group-rows';

const lead = alias(authorities, 'lead');

/**
 * The awards this authority led, or in which it is a partner council. Written as a set of ids
 * from each side's own index: "lead = ? OR EXISTS (partner …)" made SQLite scan every award.
 */
const mine = (db: Db) =>
	inArray(
		awards.id,
		union(
			db
				.select({ id: awards.id })
				.from(awards)
				.where(eq(awards.authorityCode, param('code'))),
			db
				.select({ id: sql<number>`${partners.awardId}` })
				.from(partners)
				.where(and(eq(partners.authorityCode, param('code')), isNotNull(partners.awardId)))
		)
	);

const awardsQuery = preparedQuery((db) =>
	db
		.select({
			id: awards.id,
			scheme: competitions.scheme,
			round: competitions.round,
			/** The scheme's purpose: net-zero money or general; null when not classified. */
			purpose: schemes.purpose,
			funder: funders.name,
			kind: awards.kind,
			/** The council's own bid this published award is the money of, when linked. */
			bidReference: bids.reference,
			competitionKind: competitions.kind,
			amountGbp: awards.amountGbp,
			awardDate: awards.awardDate,
			projectTitle: awards.projectTitle,
			isConsortium: awards.isConsortium,
			leadCode: awards.authorityCode,
			leadName: lead.niceName,
			sourceUrl: awards.sourceUrl,
			notes: awards.notes,
			isSample: awards.isSample
		})
		.from(awards)
		.innerJoin(competitions, eq(competitions.id, awards.competitionId))
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.leftJoin(bids, eq(bids.id, awards.bidId))
		.innerJoin(lead, eq(lead.code, awards.authorityCode))
		.where(mine(db))
		.orderBy(desc(sql`coalesce(${awards.awardDate}, '')`), desc(awards.amountGbp))
		.prepare()
);

const awardPartnersQuery = preparedQuery((db) =>
	db
		.select({ awardId: partners.awardId, code: partners.authorityCode, name: partners.name })
		.from(partners)
		.innerJoin(awards, eq(awards.id, partners.awardId))
		.where(mine(db))
		.orderBy(asc(partners.id))
		.prepare()
);

export function listAuthorityAwards(code: string, db: Db = serverDb()) {
	const partnersOf = groupRows(awardPartnersQuery(db).all({ code }), (p) => p.awardId);
	const shares = listAwardShares(db);
	return awardsQuery(db)
		.all({ code })
		.map((r) => {
			const share = shares.get(r.id)?.get(code);
			return {
				...r,
				/** 'lead' when the money was paid to this authority; 'partner' when it shares in a consortium. */
				role: r.leadCode === code ? ('lead' as const) : ('partner' as const),
				partners: (partnersOf.get(r.id) ?? []).map(({ code, name }) => ({ code, name })),
				/**
				 * For an award shared with partner councils: this authority's estimated share in £
				 * (split by population, an estimate), and why it has none when left out of the split.
				 */
				estimatedShareGbp: share ? r.amountGbp * share.share : null,
				shareLeftOut: share?.leftOut ?? null
			};
		});
}

export type AwardRow = ReturnType<typeof listAuthorityAwards>[number];

const members = alias(participations, 'members');
const membersByCompetition = (db: Db) =>
	db
		.select({ competitionId: members.competitionId, members: count().as('members') })
		.from(members)
		.where(eq(members.leadAuthorityCode, param('code')))
		.groupBy(members.competitionId)
		.as('led');

const participationsQuery = preparedQuery((db) => {
	const led = membersByCompetition(db);
	return db
		.select({
			scheme: competitions.scheme,
			round: competitions.round,
			status: participations.status,
			leadCode: participations.leadAuthorityCode,
			leadName: sql<string | null>`coalesce(${lead.niceName}, ${participations.leadName})`,
			websiteUrl: participations.websiteUrl,
			/** Councils taking part through this authority, when it leads a consortium. */
			members: sql<number>`coalesce(${led.members}, 0)`
		})
		.from(participations)
		.innerJoin(competitions, eq(competitions.id, participations.competitionId))
		.leftJoin(lead, eq(lead.code, participations.leadAuthorityCode))
		.leftJoin(led, eq(led.competitionId, participations.competitionId))
		.where(eq(participations.authorityCode, param('code')))
		.orderBy(asc(participations.competitionId))
		.prepare();
});

export function listAuthorityParticipations(code: string, db: Db = serverDb()) {
	return participationsQuery(db).all({ code });
}

export type ParticipationRow = ReturnType<typeof listAuthorityParticipations>[number];
