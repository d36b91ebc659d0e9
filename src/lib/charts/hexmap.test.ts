import { describe, expect, it } from 'vitest';
import {
	hexPoints,
	breaks,
	categoryOf,
	colourFor,
	hexCentre,
	layout,
	neighbour,
	NO_DATA,
	SCALE
} from './hexmap';

describe('hex map', () => {
	it('shifts odd rows half a hex right and puts higher rows further north (smaller y)', () => {
		const even = hexCentre(0, 2, 4);
		const odd = hexCentre(0, 3, 4);
		expect(odd.x - even.x).toBeCloseTo(Math.sqrt(3) * 10 * 0.5, 6);
		expect(odd.y).toBeLessThan(even.y);
	});

	it('lays out every cell inside the drawing', () => {
		const { placed, width, height } = layout([
			{ gssCode: 'A', name: 'A', q: 0, r: 0 },
			{ gssCode: 'B', name: 'B', q: 5, r: 7 }
		]);
		for (const p of placed) {
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(width);
			expect(p.y).toBeLessThan(height);
		}
	});

	it('keeps hexes in negative columns inside the drawing (Northern Ireland is at q = -6)', () => {
		const { placed, width } = layout([
			{ gssCode: 'N', name: 'N', q: -6, r: 3 },
			{ gssCode: 'A', name: 'A', q: 0, r: 0 },
			{ gssCode: 'B', name: 'B', q: 5, r: 8 }
		]);
		for (const p of placed) {
			for (const x of hexPoints(p.x, p.y)
				.split(' ')
				.map((pt) => Number(pt.split(',')[0]))) {
				expect(x).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThanOrEqual(width);
			}
		}
	});

	it('moves between neighbouring hexes with the arrow keys and stays put at an edge', () => {
		// Row 2 (north): a b c; row 1 (odd, half a hex right): d e; row 0: f.
		const { placed } = layout([
			{ gssCode: 'a', name: 'a', q: 0, r: 2 },
			{ gssCode: 'b', name: 'b', q: 1, r: 2 },
			{ gssCode: 'c', name: 'c', q: 2, r: 2 },
			{ gssCode: 'd', name: 'd', q: 0, r: 1 },
			{ gssCode: 'e', name: 'e', q: 1, r: 1 },
			{ gssCode: 'f', name: 'f', q: 6, r: 0 }
		]);
		const at = (code: string) => placed.findIndex((p) => p.gssCode === code);
		const go = (code: string, d: 'left' | 'right' | 'up' | 'down') =>
			placed[neighbour(placed, at(code), d)]!.gssCode;
		expect(go('a', 'right')).toBe('b');
		expect(go('b', 'right')).toBe('c');
		expect(go('c', 'right')).toBe('c');
		expect(go('b', 'left')).toBe('a');
		expect(go('a', 'left')).toBe('a');
		// d sits between a and b: up goes to the right one, down from b comes back to d.
		expect(go('d', 'up')).toBe('b');
		expect(go('b', 'down')).toBe('d');
		expect(go('e', 'up')).toBe('c');
		expect(go('a', 'up')).toBe('a');
		// f is far east of every hex above it: nothing within reach, so it stays.
		expect(go('f', 'up')).toBe('f');
		expect(go('d', 'down')).toBe('d');
	});

	it('breaks values into quantile classes and colours the highest darkest', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		const cuts = breaks(values);
		expect(cuts).toEqual([3, 5, 7, 9]);
		expect(colourFor(1, cuts)).toBe(SCALE[0]);
		expect(colourFor(10, cuts)).toBe(SCALE[4]);
		expect(colourFor(null, cuts)).toBe(NO_DATA);
	});

	it('copes with repeated values (fewer classes, still light to dark)', () => {
		// Four councils with nothing, one with 5: two classes, lightest and darkest.
		const cuts = breaks([0, 0, 0, 0, 5]);
		expect(cuts).toEqual([5]);
		expect(colourFor(0, cuts)).toBe(SCALE[0]);
		expect(colourFor(5, cuts)).toBe(SCALE[4]);
		expect(breaks([])).toEqual([]);
	});

	it('finds a categorical cell its class, and none for a key it does not know', () => {
		const categories = [
			{ key: 'green', label: 'On track', colour: '#1b7837' },
			{ key: 'red', label: 'Off track', colour: '#d73027' }
		];
		expect(categoryOf('red', categories)).toBe(categories[1]);
		expect(categoryOf('amber', categories)).toBeNull();
		expect(categoryOf(null, categories)).toBeNull();
		expect(categoryOf(undefined, categories)).toBeNull();
	});
});
