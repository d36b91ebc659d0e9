/**
 * Authority lookups for the list page, the profile page and the API.
 */
import {
	and,
	asc,
	eq,
	inArray,
	isNotNull,
	like,
	min,
	ne,
	or,
	sql,
	type SQLWrapper
} from 'drizzle-orm';
import { authorities, authorityAliases, authorityGssCodes, targets } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';
import { param, unlessFlag, whenGiven } from './filters';
import { inJsonArray } from './sqlite/json';

/** The earliest net-zero year an authority has promised for one scope. */
const targetYear = (db: Db, scope: 'council_operations' | 'whole_area') =>
	sql<number | null>`(${db
		.select({ year: min(targets.targetYear) })
		.from(targets)
		.where(and(eq(targets.authorityCode, authorities.code), eq(targets.scope, scope)))})`;

const summaryFields = (db: Db) => ({
	code: authorities.code,
	gssCode: authorities.gssCode,
	name: authorities.niceName,
	officialName: authorities.officialName,
	type: authorities.type,
	typeName: authorities.typeName,
	tier: authorities.tier,
	nation: authorities.nation,
	region: authorities.region,
	isCurrent: authorities.isCurrent,
	population2020: authorities.population2020,
	councilTargetYear: targetYear(db, 'council_operations'),
	areaTargetYear: targetYear(db, 'whole_area')
});

export interface AuthorityFilter {
	q?: string | null;
	nation?: string | null;
	region?: string | null;
	type?: string | null;
	includeAbolished?: boolean;
	/** Only these 3-letter codes (the councils a name resolved to). */
	codes?: readonly string[] | null;
}

const listQuery = preparedQuery((db) => {
	const text = (column: SQLWrapper) => like(sql`lower(${column})`, param('q'));
	return db
		.select(summaryFields(db))
		.from(authorities)
		.where(
			and(
				unlessFlag('includeAbolished', eq(authorities.isCurrent, true)),
				whenGiven('nation', eq(authorities.nation, param('nation'))),
				whenGiven('region', eq(authorities.region, param('region'))),
				whenGiven('type', eq(authorities.type, param('type'))),
				whenGiven(
					'q',
					or(
						text(authorities.niceName),
						text(authorities.officialName),
						text(authorities.code),
						text(authorities.gssCode),
						inArray(
							authorities.code,
							db
								.select({ code: authorityAliases.authorityCode })
								.from(authorityAliases)
								.where(like(authorityAliases.normalised, param('q')))
						)
					)!
				),
				whenGiven('codes', inJsonArray(authorities.code, param('codes')))
			)
		)
		.orderBy(asc(authorities.niceName))
		.prepare();
});

export function listAuthorities(filter: AuthorityFilter = {}, db: Db = serverDb()) {
	const q = filter.q?.trim() ? `%${filter.q.trim().toLowerCase()}%` : null;
	return listQuery(db).all({
		includeAbolished: filter.includeAbolished ? 1 : 0,
		nation: filter.nation ?? null,
		region: filter.region ?? null,
		type: filter.type ?? null,
		q,
		codes: filter.codes ? JSON.stringify(filter.codes) : null
	});
}

export type AuthoritySummary = ReturnType<typeof listAuthorities>[number];

const nationsQuery = preparedQuery((db) =>
	db
		.selectDistinct({ v: authorities.nation })
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.orderBy(asc(authorities.nation))
		.prepare()
);
const regionsQuery = preparedQuery((db) =>
	db
		.selectDistinct({ v: authorities.region })
		.from(authorities)
		.where(
			and(
				eq(authorities.isCurrent, true),
				isNotNull(authorities.region),
				ne(authorities.region, '')
			)
		)
		.orderBy(asc(authorities.region))
		.prepare()
);
const typesQuery = preparedQuery((db) =>
	db
		.selectDistinct({ code: authorities.type, name: authorities.typeName })
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.orderBy(asc(authorities.typeName))
		.prepare()
);

/** Authority types of current councils, by name (filters on the list and deadlines pages). */
export function listAuthorityTypes(db: Db = serverDb()) {
	return typesQuery(db).all();
}

export function listAuthorityFilterOptions(db: Db = serverDb()) {
	return {
		nations: nationsQuery(db)
			.all()
			.map((r) => r.v),
		regions: regionsQuery(db)
			.all()
			.map((r) => r.v!),
		types: listAuthorityTypes(db)
	};
}

export type FilterOptions = ReturnType<typeof listAuthorityFilterOptions>;

const byCodeQuery = preparedQuery((db) =>
	db
		.select({ code: authorities.code, name: authorities.niceName })
		.from(authorities)
		.where(eq(authorities.code, param('code')))
		.prepare()
);
const byGssQuery = preparedQuery((db) =>
	db
		.select({ code: authorityGssCodes.authorityCode })
		.from(authorityGssCodes)
		.where(eq(authorityGssCodes.gssCode, param('code')))
		.prepare()
);

/** A 3-letter code, a current or former GSS code: the authority's 3-letter code, or null. */
export function findAuthorityCode(input: string, db: Db = serverDb()): string | null {
	const code = input.trim().toUpperCase();
	return byCodeQuery(db).get({ code })?.code ?? byGssQuery(db).get({ code })?.code ?? null;
}

const detailQuery = preparedQuery((db) =>
	db
		.select({
			...summaryFields(db),
			startDate: authorities.startDate,
			endDate: authorities.endDate,
			areaKm2: authorities.areaKm2,
			countyCode: authorities.countyCode,
			caCode: authorities.combinedAuthorityCode,
			replacedBy: authorities.replacedByCodes
		})
		.from(authorities)
		.where(eq(authorities.code, param('code')))
		.prepare()
);
const predecessorsQuery = preparedQuery((db) =>
	db
		.select({ code: authorities.code, name: authorities.niceName, endDate: authorities.endDate })
		.from(authorities)
		.where(inJsonArray(param('code'), authorities.replacedByCodes))
		.orderBy(asc(authorities.niceName))
		.prepare()
);
const membersQuery = preparedQuery((db) =>
	db
		.select({ code: authorities.code, name: authorities.niceName })
		.from(authorities)
		.where(
			and(
				eq(authorities.isCurrent, true),
				or(
					eq(authorities.countyCode, param('code')),
					eq(authorities.combinedAuthorityCode, param('code'))
				)
			)
		)
		.orderBy(asc(authorities.niceName))
		.prepare()
);

export function getAuthority(code: string, db: Db = serverDb()) {
	const row = detailQuery(db).get({ code });
	if (!row) return null;
	const named = (c: string | null) => (c ? (byCodeQuery(db).get({ code: c }) ?? null) : null);
	const { countyCode, caCode, replacedBy, ...rest } = row;
	return {
		...rest,
		county: named(countyCode),
		combinedAuthority: named(caCode),
		successors: (replacedBy ?? [])
			.map(named)
			.filter((a): a is { code: string; name: string } => a !== null),
		predecessors: predecessorsQuery(db).all({ code }),
		members: membersQuery(db).all({ code })
	};
}

export type AuthorityDetail = NonNullable<ReturnType<typeof getAuthority>>;
