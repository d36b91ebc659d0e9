/**
 * The national picture for the home page: how many councils, which targets for which years, and
 * when climate emergencies were declared. Counts are of councils, never sums across tiers, and
 * targets are those of current councils, as on /progress and /compare: an abolished council's
 * target is counted apart, as left out.
 */
import {
	and,
	asc,
	count,
	countDistinct,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	ne,
	notInArray,
	or
} from 'drizzle-orm';
import { authorities, declarations, targets } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';
import { monthOf } from './sqlite/dates';

const authorityCountsQuery = preparedQuery((db) =>
	db
		.select({ nation: authorities.nation, tier: authorities.tier, count: count() })
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.groupBy(authorities.nation, authorities.tier)
		.orderBy(asc(authorities.nation), asc(authorities.tier))
		.prepare()
);

/** Published (not sample) targets of councils that exist today. */
const currentTargets = (db: Db) =>
	db
		.select({
			code: targets.authorityCode,
			scope: targets.scope,
			targetYear: targets.targetYear
		})
		.from(targets)
		.innerJoin(authorities, eq(authorities.code, targets.authorityCode))
		.where(and(eq(targets.isSample, false), eq(authorities.isCurrent, true)));

/** Whole-area and council-operations targets of councils since abolished, left out. */
const abolishedTargetsQuery = preparedQuery((db) =>
	db
		.select({ n: count() })
		.from(targets)
		.innerJoin(authorities, eq(authorities.code, targets.authorityCode))
		.where(
			and(
				eq(targets.isSample, false),
				eq(authorities.isCurrent, false),
				inArray(targets.scope, ['council_operations', 'whole_area'])
			)
		)
		.prepare()
);

const scopeTotalsQuery = preparedQuery((db) => {
	const t = currentTargets(db).as('t');
	const councils = countDistinct(t.code);
	return db
		.select({ scope: t.scope, councils })
		.from(t)
		.groupBy(t.scope)
		.orderBy(desc(councils))
		.prepare();
});

const targetYearsQuery = preparedQuery((db) => {
	const t = currentTargets(db).as('t');
	return db
		.select({ scope: t.scope, targetYear: t.targetYear, councils: countDistinct(t.code) })
		.from(t)
		.where(and(isNotNull(t.targetYear), inArray(t.scope, ['council_operations', 'whole_area'])))
		.groupBy(t.scope, t.targetYear)
		.orderBy(asc(t.targetYear))
		.prepare();
});

/**
 * Targets the year chart cannot place: no year named, or a scope other than the two it draws.
 * "no_promise" rows record that a council has no target, so they are not targets left out.
 */
const targetsLeftOutQuery = preparedQuery((db) =>
	db
		.select({
			code: targets.authorityCode,
			name: authorities.niceName,
			scope: targets.scope,
			targetYear: targets.targetYear
		})
		.from(targets)
		.innerJoin(authorities, eq(authorities.code, targets.authorityCode))
		.where(
			and(
				eq(targets.isSample, false),
				eq(authorities.isCurrent, true),
				ne(targets.scope, 'no_promise'),
				or(
					isNull(targets.targetYear),
					notInArray(targets.scope, ['council_operations', 'whole_area'])
				)
			)
		)
		.orderBy(asc(authorities.niceName), asc(targets.scope))
		.prepare()
);

const declaredMonth = monthOf(declarations.dateMade);
const declarationMonthsQuery = preparedQuery((db) =>
	db
		.select({ month: declaredMonth, declarations: count() })
		.from(declarations)
		.where(and(eq(declarations.declared, true), isNotNull(declarations.dateMade)))
		.groupBy(declaredMonth)
		.orderBy(asc(declaredMonth))
		.prepare()
);

const declaredQuery = preparedQuery((db) =>
	db.select({ n: count() }).from(declarations).where(eq(declarations.declared, true)).prepare()
);
const undatedQuery = preparedQuery((db) =>
	db
		.select({ n: count() })
		.from(declarations)
		.where(and(eq(declarations.declared, true), isNull(declarations.dateMade)))
		.prepare()
);

export function getNationalOverview(db: Db = serverDb()) {
	return {
		authorities: authorityCountsQuery(db).all(),
		abolishedTargets: abolishedTargetsQuery(db).get()?.n ?? 0,
		targetScopeTotals: scopeTotalsQuery(db).all(),
		targetYears: targetYearsQuery(db)
			.all()
			.map((r) => ({
				// The two scopes the query keeps.
				scope: r.scope as 'council_operations' | 'whole_area',
				targetYear: r.targetYear!,
				councils: r.councils
			})),
		targetsLeftOut: targetsLeftOutQuery(db).all(),
		declarationsByMonth: declarationMonthsQuery(db)
			.all()
			.map((r) => ({ month: r.month!, declarations: r.declarations })),
		declaredTotal: declaredQuery(db).get()?.n ?? 0,
		declarationsUndated: undatedQuery(db).get()?.n ?? 0
	};
}

export type NationalOverview = ReturnType<typeof getNationalOverview>;
