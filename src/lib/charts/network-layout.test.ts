import { describe, expect, it } from 'vitest';
import { circularLayout, edgeWidth } from './network-layout';

describe('the circular layout', () => {
	it('places groups together with a gap, from the top, clockwise', () => {
		// 4 nodes in 2 groups → 6 slots, 60° apart; slots 0, 1 | gap 2 | 3, 4 | gap 5.
		const nodes = [
			{ id: 'GMCA', group: 'GM' },
			{ id: 'MAN', group: 'GM' },
			{ id: 'LDS', group: 'Other' },
			{ id: 'NHS', group: 'Other' }
		];
		const at = circularLayout(nodes, { size: 200, margin: 20 });
		// radius 80 about (100, 100): slot 0 at the top, slot 1 at 60° clockwise from it…
		expect(at.get('GMCA')).toEqual({ x: 100, y: 20, anchor: 'start', rotate: -90 });
		expect(at.get('MAN')).toEqual({ x: 169.3, y: 60, anchor: 'start', rotate: -30 });
		expect(at.get('LDS')).toEqual({ x: 100, y: 180, anchor: 'start', rotate: 90 });
		expect(at.get('NHS')).toEqual({ x: 30.7, y: 140, anchor: 'end', rotate: 330 });
		expect(circularLayout(nodes, { size: 200, margin: 20 })).toEqual(at);
	});
	it('uses no gap for a single group', () => {
		const at = circularLayout(
			[
				{ id: 'A', group: 'G' },
				{ id: 'B', group: 'G' }
			],
			{ size: 100, margin: 10 }
		);
		expect(at.get('B')).toEqual({ x: 50, y: 90, anchor: 'start', rotate: 90 });
	});
});

describe('edge width', () => {
	it('grows with the square root of £, thin for none', () => {
		expect(edgeWidth(0, 100)).toBe(1.5);
		expect(edgeWidth(100, 100)).toBe(9);
		expect(edgeWidth(25, 100)).toBe(5.3);
	});
});
