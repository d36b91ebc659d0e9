/**
 * Similar councils, step two: from distances to a 0–100 match score and each council's nearest
 * peers of its own peer group (tier-group.ts). Pure, import-time only; distances come from similarity.ts.
 *
 * The match score is mySociety's (mysociety/data_common, src/data_common/pandas/df_extensions/
 * space.py, `match_distance`): sort a council's distances to every other authority, take
 * `tail(10).iloc[0]`, which is the 10th-LARGEST distance (not the 10th nearest: their comment
 * says the largest "might be an extreme outlier (in this case london)"), and score
 * 1 − distance ÷ that, × 100, rounded to one decimal place. Farther than the 10th-largest gives
 * a negative number; mySociety floors it at 0, and so do we, so scores are always 0–100.
 *
 * Choices where mySociety is silent or where the issue says otherwise:
 * - The scale is taken over every other authority of the type, all tiers together, as
 *   mySociety's distance maps are (394 × 393 rows); the peer group only filters the peers.
 * - With fewer than 10 others there is no 10th-largest: the largest is used. (pandas' `tail(10)
 *   .iloc[0]` would then pick the smallest and score the nearest council 0.)
 * - The tier filter comes before the top 30 are taken, so a council keeps 30 peers when its
 *   group has them; CAPE (mysociety/caps, caps/models.py `Distance.populate`) keeps the top 30
 *   of all tiers and filters when showing them, which leaves fewer. `position` is the rank
 *   within the council's group, 1 = nearest; ties in distance go by code.
 */
import type { DistanceMatrix, Exclusion } from './similarity';

/** mySociety's rank: 0 % is the council's 10th-largest distance. */
export const MATCH_SCALE_RANK = 10;
/** Peers kept per council and type of similarity, as CAPE does. */
export const PEERS_KEPT = 30;

/**
 * The distance that scores 0: the `rank`-th largest from `self` to anyone else, or the largest
 * when there are fewer than `rank` others; 0 when there is no one else.
 */
export function matchScale(
	row: ArrayLike<number>,
	self: number,
	rank: number = MATCH_SCALE_RANK
): number {
	const others = row.length - 1;
	if (others < 1) return 0;
	const k = others >= rank ? rank : 1;
	// The k largest so far, in descending order.
	const top = new Float64Array(k);
	let count = 0;
	for (let j = 0; j < row.length; j++) {
		if (j === self) continue;
		const d = row[j]!;
		if (count === k && d <= top[k - 1]!) continue;
		let p = count < k ? count++ : k - 1;
		while (p > 0 && top[p - 1]! < d) {
			top[p] = top[p - 1]!;
			p--;
		}
		top[p] = d;
	}
	return top[k - 1]!;
}

/** 100 × (1 − distance ÷ scale), floored at 0, to one decimal place. */
export function matchScore(distance: number, scale: number): number {
	if (!(scale > 0)) return distance === 0 ? 100 : 0;
	const share = Math.min(1, Math.max(0, 1 - distance / scale));
	return Math.round(share * 1000) / 10;
}

/** Match scores of one council against everyone in its distance row; its own entry is NaN. */
export function matchScores(
	row: ArrayLike<number>,
	self: number,
	rank: number = MATCH_SCALE_RANK
): Float64Array {
	const scale = matchScale(row, self, rank);
	const scores = new Float64Array(row.length);
	for (let j = 0; j < row.length; j++) scores[j] = j === self ? NaN : matchScore(row[j]!, scale);
	return scores;
}

export interface Peer {
	code: string;
	distance: number;
	/** 0–100. */
	match: number;
	/** 1 = nearest within the council’s peer group. */
	position: number;
}

export interface TopPeersOptions {
	/** Which authorities may be compared: equal non-null groups only. */
	groupOf: (code: string) => string | null;
	limit?: number;
	scaleRank?: number;
}

/** Each council's nearest `limit` peers of its own group, nearest first. */
export function topPeers(
	matrix: DistanceMatrix,
	{ groupOf, limit = PEERS_KEPT, scaleRank = MATCH_SCALE_RANK }: TopPeersOptions
): { peers: Map<string, Peer[]>; excluded: Exclusion[] } {
	if (!Number.isInteger(limit) || limit < 1) {
		throw new Error(`topPeers: limit is ${limit}; expected a whole number ≥ 1`);
	}
	const { codes } = matrix;
	const n = codes.length;
	// Groups as small integers so the inner loop compares numbers, not strings; −1 = none.
	const groupIds = new Map<string, number>();
	const group = Int32Array.from(codes, (code) => {
		const g = groupOf(code);
		if (g === null) return -1;
		if (!groupIds.has(g)) groupIds.set(g, groupIds.size);
		return groupIds.get(g)!;
	});

	const row = new Float64Array(n);
	const bestIndex = new Int32Array(limit);
	const bestDistance = new Float64Array(limit);
	const peers = new Map<string, Peer[]>();
	const excluded: Exclusion[] = [];
	for (let i = 0; i < n; i++) {
		if (group[i] === -1) {
			excluded.push({ code: codes[i]!, reason: 'its authority type is in no peer group' });
			continue;
		}
		matrix.row(i, row);
		const scale = matchScale(row, i, scaleRank);
		let count = 0;
		for (let j = 0; j < n; j++) {
			if (j === i || group[j] !== group[i]) continue;
			const d = row[j]!;
			// Insert into the sorted best list unless it is full and j is no nearer than its last.
			if (count === limit && !nearer(d, j, bestDistance[limit - 1]!, bestIndex[limit - 1]!)) {
				continue;
			}
			let p = count < limit ? count++ : limit - 1;
			while (p > 0 && nearer(d, j, bestDistance[p - 1]!, bestIndex[p - 1]!)) {
				bestDistance[p] = bestDistance[p - 1]!;
				bestIndex[p] = bestIndex[p - 1]!;
				p--;
			}
			bestDistance[p] = d;
			bestIndex[p] = j;
		}
		const list: Peer[] = [];
		for (let p = 0; p < count; p++) {
			const d = bestDistance[p]!;
			list.push({
				code: codes[bestIndex[p]!]!,
				distance: d,
				match: matchScore(d, scale),
				position: p + 1
			});
		}
		peers.set(codes[i]!, list);
	}
	return { peers, excluded };

	function nearer(d: number, j: number, otherD: number, other: number): boolean {
		return d < otherD || (d === otherD && codes[j]! < codes[other]!);
	}
}
