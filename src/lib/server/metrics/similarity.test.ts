import { describe, expect, it } from 'vitest';
import { overallDistances, pairwiseDistances, zScores, type DistanceMatrix } from './similarity';
import { matchScale, matchScore, matchScores, topPeers } from './similarity-peers';
import { tierGroup } from './tier-group';

/*
 * Five councils, two features (hand-worked throughout):
 *   code type  a   b     z(a) = (a − 10) ÷ 1   z(b) = (b − 20) ÷ 2, then × 0.5
 *   AAA  NMD   9   18    −1                    −0.5
 *   BBB  UA    9   22    −1                    +0.5
 *   CCC  CTY  10   20     0                     0
 *   DDD  NMD  11   18    +1                    −0.5
 *   EEE  COMB 11   22    +1                    +0.5
 * a: mean 10, squared deviations 1+1+0+1+1 = 4, sample variance 4 ÷ (5 − 1) = 1, sd 1
 *    (the population sd would be √(4/5) ≈ 0.894 and z(a) ≈ ±1.118).
 * b: mean 20, squared deviations 4+4+0+4+4 = 16, sample variance 4, sd 2.
 * FFF lacks b and leaves before the means are taken.
 * Distances: AB = DE = 1; AC = BC = CD = CE = √1.25 ≈ 1.118; AD = BE = 2; AE = BD = √5 ≈ 2.236.
 */
const rows = [
	{ code: 'AAA', values: { a: 9, b: 18 } },
	{ code: 'BBB', values: { a: 9, b: 22 } },
	{ code: 'CCC', values: { a: 10, b: 20 } },
	{ code: 'DDD', values: { a: 11, b: 18 } },
	{ code: 'EEE', values: { a: 11, b: 22 } },
	{ code: 'FFF', values: { a: 10, b: null } }
];
const types: Record<string, string> = {
	AAA: 'NMD',
	BBB: 'UA',
	CCC: 'CTY',
	DDD: 'NMD',
	EEE: 'COMB'
};
const groupOf = (code: string) => tierGroup(types[code] ?? '');
const points = zScores(rows, ['a', 'b'], { b: 0.5 });
const matrix = pairwiseDistances(points);
const R = Math.sqrt(1.25);
const S = Math.sqrt(5);

function fullMatrix(m: DistanceMatrix): number[][] {
	return m.codes.map((_, i) => [...m.row(i, new Float64Array(m.codes.length))]);
}

describe('zScores', () => {
	it('z-scores each feature with the sample sd, then weights it; the incomplete are excluded', () => {
		expect(points.codes).toEqual(['AAA', 'BBB', 'CCC', 'DDD', 'EEE']);
		expect([...points.values]).toEqual([-1, -0.5, -1, 0.5, 0, 0, 1, -0.5, 1, 0.5]);
		expect(points.stats).toEqual([
			{ feature: 'a', mean: 10, sd: 1, weight: 1 },
			{ feature: 'b', mean: 20, sd: 2, weight: 0.5 }
		]);
		expect(points.excluded).toEqual([{ code: 'FFF', reason: 'no value for b' }]);
	});

	it('names every missing feature, treats NaN as missing, and gives a flat feature z 0', () => {
		const z = zScores(
			[
				{ code: 'X', values: { a: NaN, c: 5 } },
				{ code: 'Y', values: { a: 1, b: 2, c: 5 } },
				{ code: 'Z', values: { a: 3, b: 2, c: 5 } }
			],
			['a', 'b', 'c']
		);
		expect(z.excluded).toEqual([{ code: 'X', reason: 'no value for a, b' }]);
		// a: mean 2, sd √((1 + 1) ÷ 1) = √2; b and c do not vary.
		expect(z.values[0]).toBeCloseTo(-1 / Math.SQRT2, 12);
		expect([z.values[1], z.values[2], z.values[4], z.values[5]]).toEqual([0, 0, 0, 0]);
		expect(z.stats[2]).toEqual({ feature: 'c', mean: 5, sd: 0, weight: 1 });
	});

	it('refuses an authority twice and a weight that is not a number ≥ 0', () => {
		expect(() => zScores([rows[0]!, rows[0]!], ['a'])).toThrow('AAA appears twice');
		expect(() => zScores(rows, ['a'], { a: -1 })).toThrow('expected a number ≥ 0');
		expect(() => zScores(rows, ['a'], { c: 1 })).toThrow('unknown "c"');
	});
});

describe('pairwiseDistances', () => {
	it('gives the Euclidean distance between every pair (hand-worked)', () => {
		const m = fullMatrix(matrix);
		expect(m[0]).toEqual([0, 1, R, 2, S]);
		expect(m[1]).toEqual([1, 0, R, S, 2]);
		expect(m[2]).toEqual([R, R, 0, R, R]);
		expect(m[4]).toEqual([S, 2, R, 1, 0]);
		m.forEach((row, i) => row.forEach((d, j) => expect(d).toBe(m[j]![i])));
	});
});

describe('matchScale and matchScore', () => {
	it('scales by the 10th-largest distance, not the 10th nearest, and floors at 0', () => {
		// Self at 0, others at 1…11: the 10th-largest is 2 (the 10th nearest would be 10).
		const row = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
		expect(matchScale(row, 0)).toBe(2);
		const scores = matchScores(row, 0);
		expect(scores[0]).toBeNaN();
		// 1 − 1/2 = 50 %; 2 is the scale: 0 %; 11 would be −450 %, floored at 0.
		expect([scores[1], scores[2], scores[11]]).toEqual([50, 0, 0]);
	});

	it('uses the largest distance when a council has fewer than 10 others', () => {
		// AAA: others at 1, √1.25, 2, √5; scale √5.
		const row = matrix.row(0, new Float64Array(5));
		expect(matchScale(row, 0)).toBe(S);
		// 1 − 1/√5 = 0.5528 → 55.3; 1 − √1.25/√5 = 0.5 → 50; 1 − 2/√5 = 0.1056 → 10.6; 0.
		expect([...matchScores(row, 0)].slice(1)).toEqual([55.3, 50, 10.6, 0]);
		// With the 2nd-largest (2) as scale: 50; 1 − 1.118/2 = 0.441 → 44.1; 0; 1 − 2.236/2 < 0 → 0.
		expect([...matchScores(row, 0, 2)].slice(1)).toEqual([50, 44.1, 0, 0]);
	});

	it('scores a zero scale 100 for an identical council and 0 otherwise', () => {
		expect(matchScore(0, 0)).toBe(100);
		expect(matchScore(1, 0)).toBe(0);
		expect(matchScale([0], 0)).toBe(0);
	});
});

describe('topPeers', () => {
	const { peers, excluded } = topPeers(matrix, { groupOf });

	it('lists only peers of the same tier group, nearest first, scaled over everyone', () => {
		// AAA's scale is √5, its distance to EEE, a combined authority that is not its peer.
		expect(peers.get('AAA')).toEqual([
			{ code: 'BBB', distance: 1, match: 55.3, position: 1 },
			{ code: 'DDD', distance: 2, match: 10.6, position: 2 }
		]);
		expect(peers.get('DDD')!.map((p) => [p.code, p.match])).toEqual([
			['AAA', 10.6],
			['BBB', 0]
		]);
		// The only county and the only combined authority have no peers.
		expect(peers.get('CCC')).toEqual([]);
		expect(peers.get('EEE')).toEqual([]);
		expect(excluded).toEqual([]);
	});

	it('keeps `limit` peers, breaks ties by code, and excludes a council with no group', () => {
		// Unweighted, AAA is 2 from both BBB and DDD.
		const square = pairwiseDistances(zScores(rows, ['a', 'b']));
		const all = topPeers(square, { groupOf: (c) => (c === 'EEE' ? null : 'g'), limit: 2 });
		expect(all.peers.get('AAA')!.map((p) => [p.code, p.distance])).toEqual([
			['CCC', Math.SQRT2],
			['BBB', 2]
		]);
		expect(all.peers.has('EEE')).toBe(false);
		expect(all.excluded).toEqual([
			{ code: 'EEE', reason: 'its authority type is in no peer group' }
		]);
		expect(() => topPeers(square, { groupOf, limit: 0 })).toThrow('expected a whole number ≥ 1');
	});
});

describe('overallDistances', () => {
	// A second type in another order, one dimension, lacking CCC: AAA 0, BBB 1, DDD 0, EEE 2.
	const place = pairwiseDistances({
		codes: ['EEE', 'DDD', 'BBB', 'AAA'],
		dims: 1,
		values: Float64Array.from([2, 0, 1, 0])
	});
	const overall = overallDistances({ profile: matrix, place });

	it('is √(sum of squared distances) over the authorities in every type (hand-worked)', () => {
		expect(overall.matrix.codes).toEqual(['AAA', 'BBB', 'DDD', 'EEE']);
		// AB √(1 + 1); AD √(4 + 0); AE √(5 + 4); BD √(5 + 1); BE √(4 + 1); DE √(1 + 4).
		const m = fullMatrix(overall.matrix);
		const expected = [
			[0, Math.SQRT2, 2, 3],
			[Math.SQRT2, 0, Math.sqrt(6), S],
			[2, Math.sqrt(6), 0, S],
			[3, S, S, 0]
		];
		m.forEach((row, i) => row.forEach((d, j) => expect(d).toBeCloseTo(expected[i]![j]!, 12)));
		m.forEach((row, i) => row.forEach((d, j) => expect(d).toBe(m[j]![i])));
		expect(overall.excluded).toEqual([{ code: 'CCC', reason: 'no place distance' }]);
	});
});
