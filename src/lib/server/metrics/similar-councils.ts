/**
 * Similar councils for every authority and each type of similarity: emissions profile, nearby,
 * and overall (both at once). Run once at import over all current authorities; the caller stores
 * the peer lists. Pure: plain rows in, peer lists and the reasons for anyone left out.
 *
 * One pool per type, all peer groups together, as mySociety's distance maps are: the z-scores and
 * each council's 10th-largest distance come from the whole pool, and the peer group only decides
 * who may be listed as a peer (see similarity.ts, similarity-peers.ts and tier-group.ts: peerGroup).
 */
import {
	overallDistances,
	pairwiseDistances,
	typicalDistance,
	zScores,
	type DistanceMatrix,
	type Exclusion
} from './similarity';
import {
	emissionsProfileFeatures,
	nearbyFeatures,
	type EmissionsProfileInput,
	type FeatureSet,
	type LocatedAuthority
} from './similarity-features';
import { topPeers, type Peer } from './similarity-peers';
import { peerReason, reasonInputs } from './similarity-reasons';
import { peerGroup, type PeerGroup } from './tier-group';

export const SIMILARITY_TYPES = ['emissions', 'nearby', 'overall'] as const;

/**
 * How much nearness counts in the overall distance against the emissions profile, each type's
 * distance first divided by its typical distance. Equal weights still listed no borough around
 * Manchester or Solihull among their ten; at twice, Manchester's are Salford, Liverpool, Oldham,
 * Sefton, Leeds and Bolton, Solihull's Sandwell, Birmingham, Wolverhampton and Coventry: councils
 * that share a travel-to-work area and often a combined authority, which is what councils mean by
 * their peers. The profile is one year of sector shares, so it should not outweigh place.
 */
export const OVERALL_NEARNESS_WEIGHT = 2;
export type SimilarityType = (typeof SIMILARITY_TYPES)[number];

export interface SimilarityAuthority extends LocatedAuthority {
	/** mySociety authority type code: NMD, UA, CTY, COMB… */
	type: string;
}

/** A peer with why it matches, in words (similarity-reasons.ts). */
export type ExplainedPeer = Peer & { why: string };

export interface SimilarityResult {
	/** Nearest first, at most `limit` per council; councils with no peers of their group get []. */
	peers: Record<SimilarityType, Map<string, ExplainedPeer[]>>;
	distances: Record<SimilarityType, DistanceMatrix>;
	excluded: (Exclusion & { similarity: SimilarityType })[];
}

/**
 * @param authorities the current authorities, each once
 * @param emissions one row per authority for a single year (the latest, in practice)
 */
export function similarCouncils(
	authorities: readonly SimilarityAuthority[],
	emissions: readonly EmissionsProfileInput[],
	options: { limit?: number; scaleRank?: number } = {}
): SimilarityResult {
	const groups = new Map<string, PeerGroup>();
	const untyped = new Set<string>();
	const located: LocatedAuthority[] = [];
	const excluded: SimilarityResult['excluded'] = [];
	const excludeEverywhere = (code: string, reason: string) =>
		SIMILARITY_TYPES.forEach((similarity) => excluded.push({ similarity, code, reason }));
	for (const a of authorities) {
		if (groups.has(a.code) || untyped.has(a.code)) {
			throw new Error(`similarCouncils: authority ${a.code} appears twice`);
		}
		const group = peerGroup(a.type);
		if (group === null) {
			untyped.add(a.code);
			excludeEverywhere(a.code, `authority type "${a.type}" is in no peer group`);
			continue;
		}
		groups.set(a.code, group);
		located.push(a);
	}

	const withEmissions = new Set<string>();
	const profiles: EmissionsProfileInput[] = [];
	for (const row of emissions) {
		if (groups.has(row.code)) {
			withEmissions.add(row.code);
			profiles.push(row);
		} else if (!untyped.has(row.code)) {
			excluded.push({
				similarity: 'emissions',
				code: row.code,
				reason: 'emissions for an authority not in the current list'
			});
		}
	}
	for (const code of groups.keys()) {
		if (!withEmissions.has(code)) {
			excluded.push({ similarity: 'emissions', code, reason: 'no emissions for the year' });
		}
	}

	// Each type's typical distance (typicalDistance), to weigh the types in the overall distance.
	const typical: Partial<Record<SimilarityType, number>> = {};
	const emissionsMatrix = distancesOf('emissions', emissionsProfileFeatures(profiles));
	const nearbyMatrix = distancesOf('nearby', nearbyFeatures(located));
	const overall = overallDistances(
		{ emissions: emissionsMatrix, nearby: nearbyMatrix },
		{ emissions: typical.emissions ?? 1, nearby: (typical.nearby ?? 1) / OVERALL_NEARNESS_WEIGHT }
	);
	for (const e of overall.excluded) excluded.push({ similarity: 'overall', ...e });
	const inSome = new Set([...emissionsMatrix.codes, ...nearbyMatrix.codes]);
	for (const code of groups.keys()) {
		if (!inSome.has(code)) {
			excluded.push({ similarity: 'overall', code, reason: 'no emissions, nearby distance' });
		}
	}

	const distances = { emissions: emissionsMatrix, nearby: nearbyMatrix, overall: overall.matrix };
	const groupOf = (code: string) => groups.get(code) ?? null;
	const reasons = reasonInputs(profiles, located);
	const explained = (t: SimilarityType, lists: Map<string, Peer[]>) =>
		new Map(
			[...lists].map(([code, list]) => [
				code,
				list.map((p) => ({ ...p, why: peerReason(t, code, p.code, reasons) }))
			])
		);
	const peers = Object.fromEntries(
		SIMILARITY_TYPES.map((t) => [
			t,
			explained(t, topPeers(distances[t], { groupOf, ...options }).peers)
		])
	) as SimilarityResult['peers'];
	return { peers, distances, excluded };

	function distancesOf(similarity: SimilarityType, set: FeatureSet): DistanceMatrix {
		const points = zScores(set.rows, set.features, set.weights);
		for (const e of [...set.excluded, ...points.excluded]) excluded.push({ similarity, ...e });
		typical[similarity] = typicalDistance(points.stats);
		return pairwiseDistances(points);
	}
}
