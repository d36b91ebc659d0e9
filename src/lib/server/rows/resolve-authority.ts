/**
 * Resolves what a feed calls a council (3-letter code, GSS code, former GSS code, or a name in any
 * of its spellings) to the current authority's code. Abolished councils resolve to their successor
 * and say so, because a 2022 feed that names Allerdale means Cumberland today.
 */
import type Database from 'better-sqlite3';
import { foldName, nameDistance, normaliseCouncilName } from './normalise-name';

export type Resolution =
	| {
			ok: true;
			code: string;
			matchedBy: 'code' | 'gss' | 'former_gss' | 'name';
			/** Set when the input named an abolished council and its successor was used. */
			successorOf: string | null;
	  }
	| { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

interface AuthorityFacts {
	code: string;
	name: string;
	tier: string;
	gss: string | null;
	isCurrent: boolean;
	replacedBy: string[];
}

const GSS_RE = /^[EWSN]\d{8}$/;

/** "Mayoral Combined County Authority" and the shorter ways of saying it, longest first. */
const COMBINED_SUFFIX =
	/\s+(?:mayoral\s+)?combined\s+(?:county\s+)?authority$|\s+(?:mayoral\s+)?(?:cca|mca|ca)$/i;
const COMBINED_FORMS = [
	'Combined Authority',
	'Mayoral Combined Authority',
	'Combined County Authority',
	'Mayoral Combined County Authority',
	'CA',
	'MCA',
	'CCA'
];

/**
 * The names a combined authority goes by: its place with or without "Mayoral", as a combined
 * authority or a combined county authority, in full or as CA/MCA/CCA, and the initials people
 * use ("LCRCA", "SYMCA"). Funders' award lists and officers write them every way: "York and North
 * Yorkshire Combined Authority" is the register's York and North Yorkshire Mayoral Combined
 * Authority. None of these can be another council's name.
 */
export function combinedAuthorityNames(officialName: string): string[] {
	const place = officialName.replace(COMBINED_SUFFIX, '').trim();
	const initials = place
		.split(/\s+/)
		.filter((w) => !/^(and|of|the)$/i.test(w))
		.map((w) => w[0]!.toUpperCase())
		.join('');
	return [
		place,
		...COMBINED_FORMS.map((form) => `${place} ${form}`),
		...(initials.length >= 2 ? ['CA', 'MCA', 'CCA'].map((form) => `${initials}${form}`) : [])
	];
}

export class AuthorityResolver {
	private authorities = new Map<string, AuthorityFacts>();
	private gss = new Map<string, { code: string; isCurrent: boolean }>();
	private folded = new Map<string, Set<string>>();
	private normalised = new Map<string, Set<string>>();

	static load(sqlite: Database.Database): AuthorityResolver {
		const r = new AuthorityResolver();
		const rows = sqlite
			.prepare(
				'SELECT code, official_name, nice_name, tier, gss_code, is_current, replaced_by_codes FROM authorities'
			)
			.all() as {
			code: string;
			official_name: string;
			nice_name: string;
			tier: string;
			gss_code: string | null;
			is_current: number;
			replaced_by_codes: string | null;
		}[];
		for (const a of rows) {
			const replacedBy = a.replaced_by_codes ? (JSON.parse(a.replaced_by_codes) as string[]) : [];
			r.authorities.set(a.code, {
				code: a.code,
				name: a.nice_name,
				tier: a.tier,
				gss: a.gss_code,
				isCurrent: !!a.is_current,
				replacedBy
			});
		}
		const gss = sqlite
			.prepare('SELECT gss_code, authority_code, is_current FROM authority_gss_codes')
			.all() as {
			gss_code: string;
			authority_code: string;
			is_current: number;
		}[];
		for (const g of gss)
			r.gss.set(g.gss_code, { code: g.authority_code, isCurrent: !!g.is_current });
		const aliases = sqlite.prepare('SELECT alias, authority_code FROM authority_aliases').all() as {
			alias: string;
			authority_code: string;
		}[];
		for (const a of aliases) r.addName(a.alias, a.authority_code);
		for (const a of r.authorities.values()) r.addName(a.name, a.code);
		for (const a of rows.filter((row) => row.tier === 'combined'))
			for (const name of combinedAuthorityNames(a.official_name)) r.addName(name, a.code);
		return r;
	}

	get size(): number {
		return this.authorities.size;
	}

	has(code: string): boolean {
		return this.authorities.has(code);
	}

	name(code: string): string | undefined {
		return this.authorities.get(code)?.name;
	}

	/** The council's tier (district, unitary, upper, combined, regional…). */
	tier(code: string): string | undefined {
		return this.authorities.get(code)?.tier;
	}

	gssCode(code: string): string | null {
		return this.authorities.get(code)?.gss ?? null;
	}

	isCurrent(code: string): boolean {
		return this.authorities.get(code)?.isCurrent ?? false;
	}

	private addName(name: string, code: string) {
		for (const [map, key] of [
			[this.folded, foldName(name)],
			[this.normalised, normaliseCouncilName(name)]
		] as const) {
			if (!key) continue;
			let set = map.get(key);
			if (!set) map.set(key, (set = new Set()));
			set.add(code);
		}
	}

	/**
	 * Follow `replaced-by` to the council that exists today. A council split in two (Cumbria,
	 * Northamptonshire) has no single successor: that is ambiguous, not a guess.
	 */
	private current(code: string, matchedBy: 'code' | 'gss' | 'former_gss' | 'name'): Resolution {
		let facts = this.authorities.get(code);
		const seen = new Set<string>();
		while (facts && !facts.isCurrent && facts.replacedBy.length && !seen.has(facts.code)) {
			if (facts.replacedBy.length > 1)
				return { ok: false, reason: 'ambiguous', candidates: facts.replacedBy };
			seen.add(facts.code);
			facts = this.authorities.get(facts.replacedBy[0]!);
		}
		if (!facts) return { ok: false, reason: 'unknown', candidates: [] };
		return {
			ok: true,
			code: facts.code,
			matchedBy,
			successorOf: facts.code === code ? null : code
		};
	}

	private pick(codes: Set<string> | undefined): string[] {
		if (!codes) return [];
		const all = [...codes];
		if (all.length <= 1) return all;
		// One name, several councils: an abolished and a current one share it (Dorset County
		// Council and Dorset Council). The current one is meant.
		const current = all.filter((c) => this.authorities.get(c)?.isCurrent);
		return current.length >= 1 ? current : all;
	}

	/**
	 * `historical: true` keeps an abolished council as itself: a promise Allerdale made is
	 * Allerdale's, not Cumberland's. Feeds about money and emissions today follow successors.
	 */
	resolve(input: string, opts: { historical?: boolean } = {}): Resolution {
		const raw = input.trim();
		if (!raw) return { ok: false, reason: 'unknown', candidates: [] };
		const settle = (code: string, matchedBy: 'code' | 'gss' | 'former_gss' | 'name'): Resolution =>
			opts.historical
				? { ok: true, code, matchedBy, successorOf: null }
				: this.current(code, matchedBy);
		const upper = raw.toUpperCase();
		if (this.authorities.has(upper)) return settle(upper, 'code');
		if (GSS_RE.test(upper)) {
			const g = this.gss.get(upper);
			return g
				? settle(g.code, g.isCurrent ? 'gss' : 'former_gss')
				: { ok: false, reason: 'unknown', candidates: [] };
		}
		for (const candidates of [
			this.pick(this.folded.get(foldName(raw))),
			this.pick(this.normalised.get(normaliseCouncilName(raw)))
		]) {
			if (candidates.length === 1) return settle(candidates[0]!, 'name');
			if (candidates.length > 1) return { ok: false, reason: 'ambiguous', candidates };
		}
		return { ok: false, reason: 'unknown', candidates: [] };
	}

	/**
	 * Joint recipients written as one name ("Babergh and Mid Suffolk District Councils",
	 * "Cornwall and Isles of Scilly"): split on "and"/commas when the whole does not resolve and
	 * every part does. The first named is treated as the lead.
	 */
	resolveJoint(input: string): string[] | null {
		const whole = this.resolve(input);
		if (whole.ok) return [whole.code];
		const parts = this.jointParts(input);
		if (!parts?.every((p) => p.resolution.ok)) return null;
		return parts.map((p) => (p.resolution as { code: string }).code);
	}

	/**
	 * The parts of a name read as several councils ("Adur and Worthing Councils" → Adur, Worthing),
	 * each resolved, so a caller can name the part it does not know; null when it has one part.
	 */
	jointParts(input: string): { part: string; resolution: Resolution }[] | null {
		const stripped = input.replace(/\b(district|borough|county|city)?\s*councils\b/i, '').trim();
		const parts = stripped.split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
		if (parts.length < 2) return null;
		return parts.map((part) => ({ part, resolution: this.resolve(part) }));
	}

	/**
	 * The councils whose known names (every spelling in the alias table) are nearest a name that
	 * matched none: at most `limit`, nearest first, current councils before abolished ones at the
	 * same distance. Short names allow one edit, longer ones two or three, so "Traford" finds
	 * Trafford but "Leeds" does not offer Leek.
	 */
	suggest(input: string, limit = 5): { code: string; name: string; distance: number }[] {
		const key = normaliseCouncilName(input);
		if (key.length < 3) return [];
		const max = key.length <= 5 ? 1 : key.length <= 10 ? 2 : 3;
		const nearest = new Map<string, number>();
		for (const [name, codes] of this.normalised) {
			const distance = nameDistance(key, name, max);
			if (distance > max) continue;
			for (const code of codes)
				if (distance < (nearest.get(code) ?? Infinity)) nearest.set(code, distance);
		}
		return [...nearest]
			.map(([code, distance]) => ({ code, name: this.name(code) ?? code, distance }))
			.sort(
				(a, b) =>
					a.distance - b.distance ||
					Number(this.isCurrent(b.code)) - Number(this.isCurrent(a.code)) ||
					a.name.localeCompare(b.name)
			)
			.slice(0, limit);
	}

	/**
	 * One resolver per database for pages and the API, loaded on first use and again only after the
	 * database changed (an import may have changed the register): not once per request.
	 */
	static shared(sqlite: Database.Database): AuthorityResolver {
		// data_version moves when another connection commits; total_changes() when this one writes.
		const stamp = `${sqlite.pragma('data_version', { simple: true })}:${sqlite.prepare('SELECT total_changes()').pluck().get()}`;
		const cached = SHARED.get(sqlite);
		if (cached?.stamp === stamp) return cached.resolver;
		const resolver = AuthorityResolver.load(sqlite);
		SHARED.set(sqlite, { stamp, resolver });
		return resolver;
	}
}

const SHARED = new WeakMap<Database.Database, { stamp: string; resolver: AuthorityResolver }>();
