import { describe, expect, it } from 'vitest';
import { breaks, colourFor, hexCentre, layout, NO_DATA, SCALE } from './hexmap';

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
});
