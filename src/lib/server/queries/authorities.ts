/**
 * Authority lookups for the list page, the profile page and the API.
 */
import type Database from 'better-sqlite3';
import { all, get, type SqliteRow } from './statements';

export interface AuthoritySummary {
	code: string;
	gssCode: string | null;
	name: string;
	officialName: string;
	type: string;
	typeName: string;
	tier: string;
	nation: string;
	region: string | null;
	isCurrent: boolean;
	population2020: number | null;
	councilTargetYear: number | null;
	areaTargetYear: number | null;
}

const SUMMARY_SELECT = `
	SELECT a.code, a.gss_code AS gssCode, a.nice_name AS name, a.official_name AS officialName, a.type,
	       a.type_name AS typeName, a.tier, a.nation, a.region, a.is_current AS isCurrent,
	       a.population_2020 AS population2020,
	       (SELECT min(target_year) FROM targets t WHERE t.authority_code = a.code AND t.scope = 'council_operations') AS councilTargetYear,
	       (SELECT min(target_year) FROM targets t WHERE t.authority_code = a.code AND t.scope = 'whole_area') AS areaTargetYear
	FROM authorities a`;

export interface AuthorityFilter {
	q?: string | null;
	nation?: string | null;
	region?: string | null;
	type?: string | null;
	includeAbolished?: boolean;
	/** Only these 3-letter codes (the councils a name resolved to). */
	codes?: readonly string[] | null;
}

export function listAuthorities(
	sqlite: Database.Database,
	filter: AuthorityFilter = {}
): AuthoritySummary[] {
	const q = filter.q?.trim() ? `%${filter.q.trim().toLowerCase()}%` : null;
	const rows = all<SqliteRow<AuthoritySummary, 'isCurrent'>>(
		sqlite,
		`${SUMMARY_SELECT}
		 WHERE (? OR a.is_current = 1)
		   AND (? IS NULL OR a.nation = ?)
		   AND (? IS NULL OR a.region = ?)
		   AND (? IS NULL OR a.type = ?)
		   AND (? IS NULL OR lower(a.nice_name) LIKE ? OR lower(a.official_name) LIKE ? OR lower(a.code) LIKE ? OR lower(a.gss_code) LIKE ?
		        OR a.code IN (SELECT authority_code FROM authority_aliases WHERE normalised LIKE ?))
		   AND (? IS NULL OR a.code IN (SELECT value FROM json_each(?)))
		 ORDER BY a.nice_name`,
		filter.includeAbolished ? 1 : 0,
		filter.nation ?? null,
		filter.nation ?? null,
		filter.region ?? null,
		filter.region ?? null,
		filter.type ?? null,
		filter.type ?? null,
		q,
		q,
		q,
		q,
		q,
		q,
		...Array(2).fill(filter.codes ? JSON.stringify(filter.codes) : null)
	);
	return rows.map((r) => ({ ...r, isCurrent: !!r.isCurrent }));
}

export interface FilterOptions {
	nations: string[];
	regions: string[];
	types: { code: string; name: string }[];
}

export function listAuthorityFilterOptions(sqlite: Database.Database): FilterOptions {
	return {
		nations: all<{ v: string }>(
			sqlite,
			'SELECT DISTINCT nation AS v FROM authorities WHERE is_current = 1 ORDER BY 1'
		).map((r) => r.v),
		regions: all<{ v: string }>(
			sqlite,
			"SELECT DISTINCT region AS v FROM authorities WHERE is_current = 1 AND region IS NOT NULL AND region != '' ORDER BY 1"
		).map((r) => r.v),
		types: all<{ code: string; name: string }>(
			sqlite,
			'SELECT DISTINCT type AS code, type_name AS name FROM authorities WHERE is_current = 1 ORDER BY type_name'
		)
	};
}

/** A 3-letter code, a current or former GSS code: the authority's 3-letter code, or null. */
export function findAuthorityCode(sqlite: Database.Database, input: string): string | null {
	const key = input.trim().toUpperCase();
	return (
		get<{ code: string }>(sqlite, 'SELECT code FROM authorities WHERE code = ?', key)?.code ??
		get<{ code: string }>(
			sqlite,
			'SELECT authority_code AS code FROM authority_gss_codes WHERE gss_code = ?',
			key
		)?.code ??
		null
	);
}

export interface AuthorityDetail extends AuthoritySummary {
	startDate: string | null;
	endDate: string | null;
	areaKm2: number | null;
	county: { code: string; name: string } | null;
	combinedAuthority: { code: string; name: string } | null;
	successors: { code: string; name: string }[];
	predecessors: { code: string; name: string; endDate: string | null }[];
	members: { code: string; name: string }[];
}

export function getAuthority(sqlite: Database.Database, code: string): AuthorityDetail | null {
	const row = get<
		SqliteRow<AuthoritySummary, 'isCurrent'> & {
			startDate: string | null;
			endDate: string | null;
			areaKm2: number | null;
			countyCode: string | null;
			caCode: string | null;
			replacedBy: string | null;
		}
	>(
		sqlite,
		`${SUMMARY_SELECT.replace(
			'FROM authorities a',
			`, a.start_date AS startDate, a.end_date AS endDate, a.area_km2 AS areaKm2,
		   a.county_code AS countyCode, a.combined_authority_code AS caCode, a.replaced_by_codes AS replacedBy FROM authorities a`
		)}
		 WHERE a.code = ?`,
		code
	);
	if (!row) return null;
	const named = (c: string | null) =>
		c
			? (get<{ code: string; name: string }>(
					sqlite,
					'SELECT code, nice_name AS name FROM authorities WHERE code = ?',
					c
				) ?? null)
			: null;
	const successors = (row.replacedBy ? (JSON.parse(row.replacedBy) as string[]) : [])
		.map(named)
		.filter((a): a is { code: string; name: string } => a !== null);
	const { countyCode, caCode, replacedBy, ...rest } = row;
	void replacedBy;
	return {
		...rest,
		isCurrent: !!row.isCurrent,
		county: named(countyCode),
		combinedAuthority: named(caCode),
		successors,
		predecessors: all(
			sqlite,
			`SELECT code, nice_name AS name, end_date AS endDate FROM authorities WHERE EXISTS (SELECT 1 FROM json_each(replaced_by_codes) WHERE value = ?) ORDER BY nice_name`,
			code
		),
		members: all(
			sqlite,
			`SELECT code, nice_name AS name FROM authorities WHERE is_current = 1 AND (county_code = ? OR combined_authority_code = ?) ORDER BY nice_name`,
			code,
			code
		)
	};
}
