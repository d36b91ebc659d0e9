import { describe, expect, it } from 'vitest';
import { gini, hhi, lorenz, median } from './funding-stats';

describe('median', () => {
	it('takes the middle value, or the mean of the two middle values', () => {
		expect(median([5])).toBe(5);
		expect(median([3, 1, 2])).toBe(2);
		// Sorted 1, 2, 3, 4: middle pair (2 + 3) / 2 = 2.5.
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('is null for no values and leaves the input unsorted', () => {
		expect(median([])).toBeNull();
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('hhi', () => {
	it('sums squared shares (hand-worked)', () => {
		// £6m, £3m, £1m of £10m: shares .6, .3, .1 → .36 + .09 + .01 = .46.
		expect(hhi([6e6, 3e6, 1e6])).toBeCloseTo(0.46, 12);
		// Four equal pots: 4 × .25² = .25; one pot: 1² = 1.
		expect(hhi([1, 1, 1, 1])).toBeCloseTo(0.25, 12);
		expect(hhi([5])).toBe(1);
	});

	it('is null without a positive total or with a negative amount', () => {
		expect(hhi([])).toBeNull();
		expect(hhi([0, 0])).toBeNull();
		expect(hhi([5, -1])).toBeNull();
	});
});

describe('gini (population definition)', () => {
	it('is 0 for equal values and (n−1)/n when one holds everything', () => {
		expect(gini([1, 1, 1, 1])).toBe(0);
		// Ordered pairs: 3 zeros × £10 × 2 directions = 60; divided by 2·n²·mean = 2·16·2.5 = 80 → .75.
		expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
		expect(gini([10, 0, 0, 0])).toBeCloseTo(0.75, 12);
		expect(gini([7])).toBe(0);
	});

	it('matches a hand-worked uneven case', () => {
		// [1,2,3,4]: |differences| over unordered pairs 1+2+3+1+2+1 = 10, ×2 ordered = 20;
		// 2·n²·mean = 2·16·2.5 = 80 → 20/80 = .25.
		expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
	});

	it('is null for no values, a zero total or a negative value', () => {
		expect(gini([])).toBeNull();
		expect(gini([0, 0, 0])).toBeNull();
		expect(gini([1, -1, 2])).toBeNull();
	});
});

describe('lorenz', () => {
	it('runs from (0,0) to (1,1) over values sorted ascending', () => {
		// Sorted 1, 3 of 4: half the units hold 1/4 of the value.
		expect(lorenz([3, 1])).toEqual([
			{ x: 0, y: 0 },
			{ x: 0.5, y: 0.25 },
			{ x: 1, y: 1 }
		]);
		expect(lorenz([0, 0, 0, 10])).toEqual([
			{ x: 0, y: 0 },
			{ x: 0.25, y: 0 },
			{ x: 0.5, y: 0 },
			{ x: 0.75, y: 0 },
			{ x: 1, y: 1 }
		]);
	});

	it('agrees with gini: G = 1 − 2 × area under the curve', () => {
		// [1,2,3,4]: y = .1, .3, .6, 1; trapezoids .25 × (.05 + .2 + .45 + .8) = .375; 1 − .75 = .25.
		const pts = lorenz([1, 2, 3, 4]);
		let area = 0;
		for (let i = 1; i < pts.length; i++) {
			area += ((pts[i]!.x - pts[i - 1]!.x) * (pts[i]!.y + pts[i - 1]!.y)) / 2;
		}
		expect(area).toBeCloseTo(0.375, 12);
		expect(1 - 2 * area).toBeCloseTo(gini([1, 2, 3, 4])!, 12);
	});

	it('has no points without a positive total', () => {
		expect(lorenz([])).toEqual([]);
		expect(lorenz([0, 0])).toEqual([]);
	});
});
