/**
 * Similar councils, step one: authorities as points (z-scored features) and the distances between
 * them. Pure and import-time only. Match scores and peer lists are in similarity-peers.ts.
 *
 * The method is mySociety's (read, not copied; their code is MIT):
 * - mysociety/data_common, src/data_common/pandas/df_extensions/space.py: `fnormalize` z-scores
 *   each feature across every authority given, (x − mean) ÷ pandas `std()`, which is the sample
 *   standard deviation (n − 1); a `transform` then multiplies a feature (the weight) after the
 *   z-scoring; `self_distance` is the Euclidean distance over all pairs (scipy `pdist`);
 *   `match_distance` and `composite_distance`: see similarity-peers.ts and `overallDistances`.
 * - mysociety/local-authority-similarity, notebooks/emissions.ipynb, physical.ipynb and
 *   composite.ipynb: one pool of all 394 current authorities (counties, combined authorities and
 *   the GLA included) per type; "physical" is the z-scored British National Grid x and y of each
 *   centroid, not a great-circle distance; the composite is √(sum of the squared raw distances of
 *   the other types), which `overallDistances` follows (theirs has four: emissions, physical,
 *   deprivation and rural–urban; ours the two the issue names).
 *
 * Choices where they leave room:
 * - Sample standard deviation, as pandas does. It only rescales a type's distances by one
 *   constant, so ranks and match scores within a type do not depend on it.
 * - A feature with no spread (sd 0) says nothing: its z-score is 0 for all (pandas gives NaN).
 * - An authority lacking any feature of a type leaves that type, with the reason; nothing is
 *   imputed. It leaves before the means are taken, so it does not shift anyone else's z-scores.
 * - Distances are never held as an n × n matrix: a matrix hands out one row at a time into a
 *   buffer the caller owns, so 10,000 authorities need O(n) memory and no allocation per pair.
 */

/** One authority's raw features for one type of similarity; null or missing = unknown. */
export interface FeatureRow {
	code: string;
	values: Readonly<Record<string, number | null | undefined>>;
}

/** An authority left out of a calculation, and why. */
export interface Exclusion {
	code: string;
	reason: string;
}

export interface FeatureStats {
	feature: string;
	mean: number;
	/** Sample standard deviation (n − 1) across the authorities kept. */
	sd: number;
	weight: number;
}

/** Authorities as points: row i of `values` (row-major, `dims` wide) is `codes[i]`. */
export interface PointSet {
	codes: readonly string[];
	dims: number;
	values: Float64Array;
}

export interface ZScoreResult extends PointSet {
	stats: FeatureStats[];
	excluded: Exclusion[];
}

/**
 * Z-score each feature across the given authorities, then multiply it by its weight (default 1).
 * Authorities lacking a feature are excluded with a reason, never imputed.
 */
export function zScores(
	rows: readonly FeatureRow[],
	features: readonly string[],
	weights: Readonly<Record<string, number>> = {}
): ZScoreResult {
	if (features.length === 0) throw new Error('zScores: expected at least one feature');
	for (const [feature, w] of Object.entries(weights)) {
		if (!features.includes(feature)) throw new Error(`zScores: weight for unknown "${feature}"`);
		if (!Number.isFinite(w) || w < 0) {
			throw new Error(`zScores: weight of "${feature}" is ${w}; expected a number ≥ 0`);
		}
	}
	const seen = new Set<string>();
	const kept: FeatureRow[] = [];
	const excluded: Exclusion[] = [];
	for (const row of rows) {
		if (seen.has(row.code)) throw new Error(`zScores: authority ${row.code} appears twice`);
		seen.add(row.code);
		const missing = features.filter((f) => !Number.isFinite(row.values[f]));
		if (missing.length > 0)
			excluded.push({ code: row.code, reason: `no value for ${missing.join(', ')}` });
		else kept.push(row);
	}

	const n = kept.length;
	const dims = features.length;
	const values = new Float64Array(n * dims);
	const stats: FeatureStats[] = features.map((feature, k) => {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += kept[i]!.values[feature] as number;
		const mean = n > 0 ? sum / n : 0;
		let squares = 0;
		for (let i = 0; i < n; i++) squares += ((kept[i]!.values[feature] as number) - mean) ** 2;
		const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
		const weight = weights[feature] ?? 1;
		for (let i = 0; i < n; i++) {
			const x = kept[i]!.values[feature] as number;
			values[i * dims + k] = sd > 0 ? ((x - mean) / sd) * weight : 0;
		}
		return { feature, mean, sd, weight };
	});
	return { codes: kept.map((r) => r.code), dims, values, stats, excluded };
}

/** Distances between authorities, handed out one row at a time. */
export interface DistanceMatrix {
	readonly codes: readonly string[];
	/**
	 * Fill `out` (length ≥ codes.length) with the distance from codes[i] to each codes[j] and
	 * return it; out[i] is 0. Not re-entrant: it may use buffers of its own.
	 */
	row(i: number, out: Float64Array): Float64Array;
}

/** Euclidean distances between every pair of points. */
export function pairwiseDistances(points: PointSet): DistanceMatrix {
	const { codes, dims, values } = points;
	const n = codes.length;
	if (values.length !== n * dims) {
		throw new Error(`pairwiseDistances: ${values.length} values for ${n} points × ${dims}`);
	}
	return {
		codes,
		row(i, out) {
			const a = i * dims;
			for (let j = 0; j < n; j++) {
				const b = j * dims;
				let sum = 0;
				for (let k = 0; k < dims; k++) {
					const d = values[a + k]! - values[b + k]!;
					sum += d * d;
				}
				out[j] = Math.sqrt(sum);
			}
			return out;
		}
	};
}

/**
 * The root-mean-square distance between two authorities of a z-scored type: for z-scores (sample
 * variance 1 each, times the weight squared) the mean squared distance over all pairs is
 * 2 × Σ weight², features with no spread counting nothing. A type's typical distance, known
 * without visiting the n² pairs.
 */
export function typicalDistance(stats: readonly FeatureStats[]): number {
	return Math.sqrt(2 * stats.reduce((sum, s) => sum + (s.sd > 0 ? s.weight ** 2 : 0), 0));
}

/**
 * The overall distance: √(sum of the squared distances of each type), each type's distance
 * divided by its `scales` entry when given (its typical distance, so that each type counts
 * equally: unscaled, as mySociety's composite is, nine emissions features outweighed the two of
 * nearness, and Trafford's overall peers held none of the boroughs around it). Only authorities
 * present in every type take part; the rest are excluded naming the types they lack.
 */
export function overallDistances(
	parts: Readonly<Record<string, DistanceMatrix>>,
	scales: Readonly<Record<string, number>> = {}
): {
	matrix: DistanceMatrix;
	excluded: Exclusion[];
} {
	const names = Object.keys(parts);
	if (names.length === 0) throw new Error('overallDistances: expected at least one type');
	const matrices = names.map((name) => parts[name]!);
	const indexes = matrices.map((m) => new Map(m.codes.map((code, i) => [code, i])));

	const all = [...new Set(matrices.flatMap((m) => m.codes))];
	const codes: string[] = [];
	const excluded: Exclusion[] = [];
	for (const code of all) {
		const lacking = names.filter((_, t) => !indexes[t]!.has(code));
		if (lacking.length > 0) excluded.push({ code, reason: `no ${lacking.join(', ')} distance` });
		else codes.push(code);
	}

	const n = codes.length;
	// Where each overall authority sits in each type's own rows.
	const maps = indexes.map((index) => Int32Array.from(codes, (code) => index.get(code)!));
	const scratch = matrices.map((m) => new Float64Array(m.codes.length));
	const divisors = names.map((name) => (scales[name]! > 0 ? scales[name]! : 1));
	return {
		matrix: {
			codes,
			row(i, out) {
				out.fill(0, 0, n);
				for (let t = 0; t < matrices.length; t++) {
					const map = maps[t]!;
					const part = matrices[t]!.row(map[i]!, scratch[t]!);
					for (let j = 0; j < n; j++) {
						const d = part[map[j]!]! / divisors[t]!;
						out[j] = out[j]! + d * d;
					}
				}
				for (let j = 0; j < n; j++) out[j] = Math.sqrt(out[j]!);
				return out;
			}
		},
		excluded
	};
}
