/**
 * One council's climate actions with their milestones and what funds them (linked bids' statuses,
 * linked awards), in the shape the pure action metrics take (metrics/actions-progress.ts).
 */
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { actionFunding, actionMilestones, actions, bids } from '../db/schema';
import type { ActionFact } from '../metrics/actions-progress';
import { preparedQuery, serverDb, type Db } from './connection';
import { visibleActions } from '../accounts/private-fields';
import { PUBLIC, type Viewer } from '../accounts/viewer';

const actionsQuery = preparedQuery((db) =>
	db
		.select({
			id: actions.id,
			reference: actions.reference,
			title: actions.title,
			sector: actions.sector,
			scope: actions.scope,
			status: actions.status,
			phase: actions.phase,
			percentComplete: actions.percentComplete,
			dueDate: actions.dueDate,
			completedOn: actions.completedOn,
			lastUpdated: actions.lastUpdated,
			estTco2ePerYear: actions.estTco2ePerYear,
			costGbp: actions.costGbp,
			owner: actions.owner,
			rag: actions.rag,
			ragNote: actions.ragNote,
			isSample: actions.isSample,
			isPublic: actions.isPublic
		})
		.from(actions)
		.where(eq(actions.authorityCode, sql.placeholder('code')))
		// By due date, undated last.
		.orderBy(sql`${actions.dueDate} IS NULL`, asc(actions.dueDate), asc(actions.reference))
		.prepare()
);

const milestonesQuery = preparedQuery((db) =>
	db
		.select({
			actionId: actionMilestones.actionId,
			title: actionMilestones.title,
			dueDate: actionMilestones.dueDate,
			doneOn: actionMilestones.doneOn
		})
		.from(actionMilestones)
		.innerJoin(actions, eq(actions.id, actionMilestones.actionId))
		.where(eq(actions.authorityCode, sql.placeholder('code')))
		.orderBy(asc(actionMilestones.dueDate), asc(actionMilestones.title))
		.prepare()
);

const linkedBidsQuery = preparedQuery((db) =>
	db
		.select({
			actionId: actionFunding.actionId,
			reference: bids.reference,
			title: bids.title,
			status: bids.status
		})
		.from(actionFunding)
		.innerJoin(actions, eq(actions.id, actionFunding.actionId))
		.innerJoin(bids, eq(bids.id, actionFunding.bidId))
		.where(eq(actions.authorityCode, sql.placeholder('code')))
		.prepare()
);

const linkedAwardsQuery = preparedQuery((db) =>
	db
		.select({ actionId: actionFunding.actionId })
		.from(actionFunding)
		.innerJoin(actions, eq(actions.id, actionFunding.actionId))
		.where(
			and(eq(actions.authorityCode, sql.placeholder('code')), isNotNull(actionFunding.awardId))
		)
		.prepare()
);

/**
 * Every action of the council `viewer` may see (the public: public ones only), each with its
 * milestones, linked bids and linked award count.
 */
export function listActions(code: string, db: Db = serverDb(), viewer: Viewer = PUBLIC) {
	const rows = visibleActions(actionsQuery(db).all({ code }), code, viewer);
	const milestones = milestonesQuery(db).all({ code });
	const linkedBids = linkedBidsQuery(db).all({ code });
	const awardCounts = new Map<number, number>();
	for (const { actionId } of linkedAwardsQuery(db).all({ code })) {
		awardCounts.set(actionId, (awardCounts.get(actionId) ?? 0) + 1);
	}
	return rows.map((a) => ({
		...a,
		milestones: milestones.filter((m) => m.actionId === a.id),
		linkedBids: linkedBids.filter((b) => b.actionId === a.id),
		linkedAwards: awardCounts.get(a.id) ?? 0
	})) satisfies ActionFact[];
}

export type ActionRow = ReturnType<typeof listActions>[number];

const actionCountsQuery = preparedQuery((db) =>
	db
		.select({
			code: actions.authorityCode,
			total: count(),
			complete: sql<number>`sum(${actions.status} = 'complete')`.mapWith(Number)
		})
		.from(actions)
		// Public actions only: the compare table is everyone's and is cached for every viewer, and
		// a count of a council's private actions would tell the public they exist.
		.where(and(eq(actions.isSample, false), eq(actions.isPublic, true)))
		.groupBy(actions.authorityCode)
		.prepare()
);

/** Every council's public actions and those complete (sample actions left out), for compare. */
export function countActionsByAuthority(db: Db = serverDb()) {
	return new Map(
		actionCountsQuery(db)
			.all()
			.map((r) => [r.code, { total: r.total, complete: r.complete }])
	);
}
