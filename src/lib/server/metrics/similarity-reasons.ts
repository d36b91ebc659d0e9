/**
 * Why a peer matches, in words a reader can check: the two measures of the emissions profile on
 * which the two councils are closest, with both values, and how far apart their centres are. A
 * match score alone did not say why North Ayrshire was Trafford's nearest profile. Pure; made
 * when the peers are computed and stored with them.
 */
import type { SimilarityType } from './similar-councils';
import {
	DENSITY_FEATURE,
	EMISSIONS_PROFILE_SECTORS,
	shareFeature,
	type EmissionsProfileInput,
	type LocatedAuthority
} from './similarity-features';

/** A council's profile measures: each sector's share (0–1) and people per km². */
type Profile = Record<string, number>;

export interface ReasonInputs {
	profiles: Map<string, Profile>;
	/** Each measure's standard deviation across the councils, to compare closeness fairly. */
	spread: Record<string, number>;
	centres: Map<string, { x: number; y: number }>;
}

const MEASURES = [...EMISSIONS_PROFILE_SECTORS.map(shareFeature), DENSITY_FEATURE];

/** The measures of each council and their spread, from the inputs of the computation. */
export function reasonInputs(
	emissions: readonly EmissionsProfileInput[],
	located: readonly LocatedAuthority[]
): ReasonInputs {
	const profiles = new Map<string, Profile>();
	for (const e of emissions) {
		const total = Object.values(e.sectorsKt).reduce<number>((s, v) => s + (v ?? 0), 0);
		if (!(total > 0) || !e.population || !e.areaKm2) continue;
		const profile: Profile = { [DENSITY_FEATURE]: e.population / e.areaKm2 };
		for (const s of EMISSIONS_PROFILE_SECTORS)
			profile[shareFeature(s)] = (e.sectorsKt[s] ?? 0) / total;
		profiles.set(e.code, profile);
	}
	const spread: Record<string, number> = {};
	for (const m of MEASURES) {
		const values = [...profiles.values()].map((p) => p[m]!);
		const mean = values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
		const variance =
			values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(values.length - 1, 1);
		spread[m] = Math.sqrt(variance);
	}
	const centres = new Map<string, { x: number; y: number }>();
	for (const a of located)
		if (a.x !== null && a.y !== null) centres.set(a.code, { x: a.x, y: a.y });
	return { profiles, spread, centres };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const perKm2 = (n: number) => Math.round(n).toLocaleString('en-GB');

/** "transport 31% and 30%" or "2,239 and 2,010 people per km²". */
function measureWords(measure: string, a: number, b: number): string {
	if (measure === DENSITY_FEATURE) return `${perKm2(a)} and ${perKm2(b)} people per km²`;
	const sector = measure.replace(/^share of /, '').toLowerCase();
	return `${sector} ${percent(a)} and ${percent(b)} of emissions`;
}

/** A sector below this share of both councils' emissions says little about them: not a reason. */
const SMALL_SHARE = 0.05;

/**
 * The `n` profile measures on which two councils are closest (the gap over the measure's spread),
 * each in words; a sector that is a small share of both ("agriculture 0% and 0%") is passed over.
 */
function closestMeasures(inputs: ReasonInputs, a: string, b: string, n: number): string[] {
	const p = inputs.profiles.get(a);
	const q = inputs.profiles.get(b);
	if (!p || !q) return [];
	const telling = (m: string) => m === DENSITY_FEATURE || Math.max(p[m]!, q[m]!) >= SMALL_SHARE;
	// A measure all councils share (no spread, but for rounding) tells no two of them apart.
	return MEASURES.filter((m) => inputs.spread[m]! > 1e-9 && telling(m))
		.map((m) => ({ m, gap: Math.abs(p[m]! - q[m]!) / inputs.spread[m]! }))
		.sort((x, y) => x.gap - y.gap)
		.slice(0, n)
		.map(({ m }) => measureWords(m, p[m]!, q[m]!));
}

/** How far apart two councils' centres are, "12 km apart" (British National Grid metres). */
function apart(inputs: ReasonInputs, a: string, b: string): string | null {
	const p = inputs.centres.get(a);
	const q = inputs.centres.get(b);
	if (!p || !q) return null;
	return `centres ${Math.round(Math.hypot(p.x - q.x, p.y - q.y) / 1000).toLocaleString('en-GB')} km apart`;
}

/** Why `peer` is among `code`'s peers of this type, in one line. */
export function peerReason(
	type: SimilarityType,
	code: string,
	peer: string,
	inputs: ReasonInputs
): string {
	const distance = apart(inputs, code, peer);
	const parts =
		type === 'nearby'
			? [distance]
			: type === 'emissions'
				? closestMeasures(inputs, code, peer, 2)
				: [distance, ...closestMeasures(inputs, code, peer, 1)];
	return parts.filter(Boolean).join('; ');
}
