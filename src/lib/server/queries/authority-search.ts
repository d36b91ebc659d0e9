/**
 * Council search for the list page and the API: a name fragment or code (SQL), any spelling the
 * council resolver knows ("LB Waltham Forest"), abolished councils leading to their successors
 * ("Kettering" → North Northamptonshire), and, when nothing matches, the nearest known names.
 * Names go through the one resolver the imports use, so search and import agree on spellings.
 */
import { AuthorityResolver } from '../rows/resolve-authority';
import { listAuthorities, type AuthorityFilter, type AuthoritySummary } from './authorities';
import { serverDb, sqliteOf, type Db } from './connection';

export interface CouncilRef {
	code: string;
	name: string;
}

export interface AbolishedMatch extends CouncilRef {
	/** The councils that exist today in its place (two when it was split; none if it has none). */
	successors: CouncilRef[];
}

export interface AuthoritySearch {
	authorities: AuthoritySummary[];
	/** Abolished councils the search named, each with its successors (which are listed). */
	abolished: AbolishedMatch[];
	/** Only when nothing matched: the councils whose names are nearest what was typed. */
	suggestions: CouncilRef[];
}

/** A fragment such as "kett" may match several abolished councils; a long list helps no one. */
const ABOLISHED_SHOWN = 10;

export function searchAuthorities(
	filter: AuthorityFilter = {},
	db: Db = serverDb()
): AuthoritySearch {
	const q = filter.q?.trim();
	if (!q) return { authorities: listAuthorities(filter, db), abolished: [], suggestions: [] };
	const resolver = AuthorityResolver.shared(sqliteOf(db));
	const named = resolver.resolve(q, { historical: true });
	const namedCodes = named.ok ? [named.code] : named.candidates;
	const among = (codes: string[], includeAbolished = true) =>
		codes.length ? listAuthorities({ ...filter, q: null, codes, includeAbolished }, db) : [];
	const namedRows = among(namedCodes);
	const found = uniqueByCode([
		...namedRows,
		...listAuthorities({ ...filter, includeAbolished: true }, db)
	]);
	// An abolished council is news when named, or when a fragment matched no current council
	// ("kett"); "north" matching seven abolished districts beside current councils is noise.
	const anyCurrent = found.some((a) => a.isCurrent);
	const abolished = found
		.filter((a) => !a.isCurrent && (!anyCurrent || namedCodes.includes(a.code)))
		.slice(0, ABOLISHED_SHOWN)
		.map((a) => ({ code: a.code, name: a.name, successors: successorsOf(resolver, a.code) }));
	const successors = among(
		abolished.flatMap((a) => a.successors.map((s) => s.code)),
		false
	);
	// The council the words named comes first, then what replaced an abolished one, then fragments.
	const authorities = uniqueByCode([...namedRows, ...successors, ...found]).filter(
		(a) => a.isCurrent || filter.includeAbolished
	);
	const suggestions =
		authorities.length || abolished.length
			? []
			: resolver.suggest(q).map(({ code, name }) => ({ code, name }));
	return { authorities, abolished, suggestions };
}

/** The current councils an abolished one became, following replaced-by through any merges. */
function successorsOf(resolver: AuthorityResolver, code: string): CouncilRef[] {
	const r = resolver.resolve(code);
	const codes = r.ok ? (r.code === code ? [] : [r.code]) : r.candidates;
	return codes.map((c) => ({ code: c, name: resolver.name(c) ?? c }));
}

function uniqueByCode(rows: AuthoritySummary[]): AuthoritySummary[] {
	const seen = new Set<string>();
	return rows.filter((a) => !seen.has(a.code) && !!seen.add(a.code));
}
