/**
 * Targets, climate emergency declarations and plan documents of one authority.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { declarations, interimTargets, plans, targets } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';

const targetFields = {
	id: targets.id,
	scope: targets.scope,
	targetYear: targets.targetYear,
	baselineYear: targets.baselineYear,
	baselineKt: targets.baselineKt,
	carbonBudgetKt: targets.carbonBudgetKt,
	budgetStartYear: targets.budgetStartYear,
	wording: targets.wording,
	sourceUrl: targets.sourceUrl,
	sourceName: targets.sourceName,
	checkedOn: targets.checkedOn,
	isSample: targets.isSample
};

/** Council operations first, then the whole area, then anything else. */
const scopeOrder = sql`CASE ${targets.scope} WHEN 'council_operations' THEN 0 WHEN 'whole_area' THEN 1 ELSE 2 END`;

const targetsQuery = preparedQuery((db) =>
	db
		.select(targetFields)
		.from(targets)
		.where(eq(targets.authorityCode, sql.placeholder('code')))
		.orderBy(scopeOrder, asc(targets.targetYear))
		.prepare()
);

export function listTargets(code: string, db: Db = serverDb()) {
	return targetsQuery(db).all({ code });
}

export type TargetRow = ReturnType<typeof listTargets>[number];

const interimTargetsQuery = preparedQuery((db) =>
	db
		.select({
			targetId: interimTargets.targetId,
			year: interimTargets.year,
			reductionPct: interimTargets.reductionPct
		})
		.from(interimTargets)
		.innerJoin(targets, eq(targets.id, interimTargets.targetId))
		.where(eq(targets.authorityCode, sql.placeholder('code')))
		.orderBy(asc(interimTargets.targetId), asc(interimTargets.year))
		.prepare()
);

/** Interim targets of a council's targets (`targetId` is a TargetRow's `id`), by year. */
export function listInterimTargets(code: string, db: Db = serverDb()) {
	return interimTargetsQuery(db).all({ code });
}

export type InterimTargetRow = ReturnType<typeof listInterimTargets>[number];

const declarationQuery = preparedQuery((db) =>
	db
		.select({
			declared: declarations.declared,
			madeText: declarations.madeText,
			dateMade: declarations.dateMade,
			datePrecision: declarations.datePrecision,
			motionUrl: declarations.motionUrl
		})
		.from(declarations)
		.where(eq(declarations.authorityCode, sql.placeholder('code')))
		.prepare()
);

export function getDeclaration(code: string, db: Db = serverDb()) {
	return declarationQuery(db).get({ code }) ?? null;
}

export type DeclarationRow = NonNullable<ReturnType<typeof getDeclaration>>;

const allDeclarationsQuery = preparedQuery((db) =>
	db
		.select({
			authorityCode: declarations.authorityCode,
			declared: declarations.declared,
			dateMade: declarations.dateMade
		})
		.from(declarations)
		.prepare()
);

/** Every council's declaration, by code, for the compare table (one query, not one per council). */
export function listAllDeclarations(db: Db = serverDb()) {
	return new Map(
		allDeclarationsQuery(db)
			.all()
			.map(({ authorityCode, ...d }) => [authorityCode, d])
	);
}

const plansQuery = preparedQuery((db) =>
	db
		.select({
			url: plans.url,
			title: plans.title,
			type: plans.type,
			lastUpdate: plans.lastUpdate,
			dateRetrieved: plans.dateRetrieved,
			outOfDate: plans.outOfDate
		})
		.from(plans)
		.where(eq(plans.authorityCode, sql.placeholder('code')))
		.orderBy(desc(sql`coalesce(${plans.dateRetrieved}, ${plans.lastUpdate})`), asc(plans.title))
		.prepare()
);

export function listPlans(code: string, db: Db = serverDb()) {
	return plansQuery(db).all({ code });
}

export type PlanRow = ReturnType<typeof listPlans>[number];

const allTargetsQuery = preparedQuery((db) =>
	db
		.select({ authorityCode: targets.authorityCode, ...targetFields })
		.from(targets)
		.orderBy(asc(targets.authorityCode), asc(targets.scope), asc(targets.targetYear))
		.prepare()
);

/** Every target, grouped by authority, for the list API (one query, not one per authority). */
export function listAllTargets(db: Db = serverDb()): Map<string, TargetRow[]> {
	const byAuthority = new Map<string, TargetRow[]>();
	for (const { authorityCode, ...t } of allTargetsQuery(db).all()) {
		let list = byAuthority.get(authorityCode);
		if (!list) byAuthority.set(authorityCode, (list = []));
		list.push(t);
	}
	return byAuthority;
}
