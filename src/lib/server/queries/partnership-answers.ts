/**
 * Which other councils' bids name a council as partner, and what its officers answered: the
 * requests waiting on its funding page, and the accepted ones its own ledger counts.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { authorities, bids, partners, partnershipAnswers } from '../db/schema';
import { visibleBids } from '../accounts/private-fields';
import type { Viewer } from '../accounts/viewer';
import { preparedQuery, serverDb, type Db } from './connection';
import { param } from './filters';

const bidKey = (lead: string, reference: string) => `${lead}\u0000${reference}`;

const answersQuery = preparedQuery((db) =>
	db
		.select({
			lead: partnershipAnswers.leadAuthorityCode,
			reference: partnershipAnswers.bidReference,
			answer: partnershipAnswers.answer,
			at: partnershipAnswers.at
		})
		.from(partnershipAnswers)
		.where(eq(partnershipAnswers.partnerAuthorityCode, param('partner')))
		.orderBy(asc(partnershipAnswers.id))
		.prepare()
);

/** The answer in force (the newest) for each bid, by lead and reference. */
export function partnershipAnswersOf(partner: string, db: Db = serverDb()) {
	const newest = new Map<string, { answer: 'accepted' | 'declined'; at: string }>();
	for (const a of answersQuery(db).all({ partner }))
		newest.set(bidKey(a.lead, a.reference), { answer: a.answer, at: a.at });
	return newest;
}

/** The bids of other councils this council accepted being a partner in, by lead and reference. */
export function acceptedPartnerBids(partner: string, db: Db = serverDb()): Set<string> {
	return new Set(
		[...partnershipAnswersOf(partner, db)]
			.filter(([, a]) => a.answer === 'accepted')
			.map(([k]) => k)
	);
}

const namingQuery = preparedQuery((db) =>
	db
		.select({
			lead: bids.leadAuthorityCode,
			leadName: authorities.niceName,
			reference: bids.reference,
			title: bids.title,
			scheme: bids.scheme,
			round: bids.round,
			status: bids.status,
			requestedGbp: bids.requestedGbp,
			awardedGbp: bids.awardedGbp,
			officerDays: bids.officerDays,
			bidCostGbp: bids.bidCostGbp,
			isSample: bids.isSample
		})
		.from(partners)
		.innerJoin(bids, eq(bids.id, partners.bidId))
		.innerJoin(authorities, eq(authorities.code, bids.leadAuthorityCode))
		.where(
			and(
				eq(partners.authorityCode, param('partner')),
				ne(bids.leadAuthorityCode, param('partner'))
			)
		)
		.orderBy(asc(bids.leadAuthorityCode), asc(bids.reference))
		.prepare()
);

/**
 * Other councils' bids naming this council as a partner, as this viewer may see them (a lead's
 * drafts stay its own), each with the partner's answer: 'waiting' until one is given.
 */
export function listPartnerRequests(partner: string, viewer: Viewer, db: Db = serverDb()) {
	const answers = partnershipAnswersOf(partner, db);
	const rows = namingQuery(db).all({ partner });
	const leads = [...new Set(rows.map((r) => r.lead))];
	return leads
		.flatMap((lead) =>
			visibleBids(
				rows.filter((r) => r.lead === lead),
				lead,
				viewer
			)
		)
		.map(({ officerDays: _days, bidCostGbp: _cost, ...r }) => {
			const answer = answers.get(bidKey(r.lead, r.reference));
			return {
				...r,
				answer: answer?.answer ?? ('waiting' as const),
				answeredAt: answer?.at ?? null
			};
		});
}

export type PartnerRequest = ReturnType<typeof listPartnerRequests>[number];
