/**
 * The councils whose areas make up a county, a combined authority or the GLA, read from the
 * council register, so that an upper tier's emissions can be the sum of its members' figures
 * (area-series.ts). DESNZ publishes figures for districts and single-tier councils only; the
 * upper tiers' own figures are the 2005–2020 series alone.
 *
 * - A county: the current councils whose county is it (its districts).
 * - A combined authority or the GLA: the current councils whose combined authority is it; a
 *   county among them stands for its districts (the East Midlands' Derbyshire is its 8
 *   districts), and a district the register lists beside its county is counted once.
 */
import { asc, eq } from 'drizzle-orm';
import { authorities } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';

/** The tiers whose area is made of other councils' areas. */
export const UPPER_TIERS: ReadonlySet<string> = new Set(['upper', 'combined', 'regional']);

export interface AreaMember {
	code: string;
	name: string;
	/** In a combined authority's list, the county the member lies in (grouped under it on the page). */
	county: { code: string; name: string } | null;
}

export interface AreaMembers {
	tier: string;
	members: AreaMember[];
}

const registerQuery = preparedQuery((db) =>
	db
		.select({
			code: authorities.code,
			name: authorities.niceName,
			tier: authorities.tier,
			countyCode: authorities.countyCode,
			combinedAuthorityCode: authorities.combinedAuthorityCode
		})
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.orderBy(asc(authorities.niceName))
		.prepare()
);

type RegisterRow = ReturnType<ReturnType<typeof registerQuery>['all']>[number];

/** Each current upper tier's members, by its code; an upper tier without members is left out. */
export function listAreaMembers(db: Db = serverDb()): Map<string, AreaMembers> {
	const rows = registerQuery(db).all();
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const inCounty = new Map<string, RegisterRow[]>();
	const inCombined = new Map<string, RegisterRow[]>();
	for (const r of rows) {
		for (const [parent, index] of [
			[r.countyCode, inCounty],
			[r.combinedAuthorityCode, inCombined]
		] as const) {
			if (!parent) continue;
			const list = index.get(parent);
			if (list) list.push(r);
			else index.set(parent, [r]);
		}
	}
	const districtsOf = (county: RegisterRow): AreaMember[] =>
		(inCounty.get(county.code) ?? [])
			.filter((d) => !UPPER_TIERS.has(d.tier))
			.map((d) => ({
				code: d.code,
				name: d.name,
				county: { code: county.code, name: county.name }
			}));

	const out = new Map<string, AreaMembers>();
	for (const area of rows) {
		if (!UPPER_TIERS.has(area.tier)) continue;
		const found = new Map<string, AreaMember>();
		if (area.tier === 'upper') {
			for (const d of districtsOf(area)) found.set(d.code, { ...d, county: null });
		} else {
			for (const m of inCombined.get(area.code) ?? []) {
				if (m.tier === 'upper') {
					for (const d of districtsOf(m)) found.set(d.code, d);
				} else if (!UPPER_TIERS.has(m.tier) && !found.has(m.code)) {
					const county = m.countyCode ? byCode.get(m.countyCode) : undefined;
					found.set(m.code, {
						code: m.code,
						name: m.name,
						county: county ? { code: county.code, name: county.name } : null
					});
				}
			}
		}
		const members = [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
		if (members.length) out.set(area.code, { tier: area.tier, members });
	}
	return out;
}

/** One upper tier's members, or null for a council that is not one (or has none listed). */
export function areaMembersOf(code: string, db: Db = serverDb()): AreaMembers | null {
	return listAreaMembers(db).get(code) ?? null;
}
