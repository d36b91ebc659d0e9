import { describe, expect, it } from 'vitest';
import {
	DENSITY_FEATURE,
	emissionsProfileFeatures,
	nearbyFeatures,
	shareFeature,
	winsorise
} from './similarity-features';

describe('winsorise', () => {
	it('clamps the lowest and highest ⌊p n⌋ values to the next value in', () => {
		// n = 20, p = 0.05: one value each end; −100 → 2 and 1000 → 19.
		const middle = Array.from({ length: 18 }, (_, i) => i + 2);
		expect(winsorise([1000, ...middle, -100])).toEqual([19, ...middle, 2]);
	});

	it('leaves values alone when ⌊p n⌋ is 0, and refuses a share of half or more', () => {
		// n = 19: 0.05 × 19 = 0.95, so nothing is clamped.
		const values = Array.from({ length: 19 }, (_, i) => i * i);
		expect(winsorise(values)).toEqual(values);
		expect(() => winsorise(values, 0.5)).toThrow('expected 0 ≤ share < 0.5');
	});
});

describe('emissionsProfileFeatures', () => {
	const sectors = (waste: number, transport: number | null = 20) => ({
		Industry: 10,
		Commercial: 20,
		'Public sector': 5,
		Domestic: 40,
		Transport: transport,
		Agriculture: 5,
		'Waste management': waste
	});
	const set = emissionsProfileFeatures([
		{ code: 'XXX', sectorsKt: sectors(0), population: 1000, areaKm2: 10 },
		{ code: 'YYY', sectorsKt: sectors(50), population: 300, areaKm2: 1 },
		{ code: 'ZZZ', sectorsKt: sectors(0, null), population: 1, areaKm2: 1 },
		{
			code: 'WWW',
			sectorsKt: {
				Industry: 0,
				Commercial: 0,
				'Public sector': 0,
				Domestic: 0,
				Transport: 0,
				Agriculture: 0
			},
			population: 1,
			areaKm2: 1
		},
		{ code: 'VVV', sectorsKt: sectors(0), population: 500, areaKm2: null }
	]);

	it('gives each sector share of the whole total (waste counts in it) and density (hand-worked)', () => {
		expect(set.features).toEqual([
			'share of Industry',
			'share of Commercial',
			'share of Public sector',
			'share of Domestic',
			'share of Transport',
			'share of Agriculture',
			DENSITY_FEATURE
		]);
		expect(set.weights).toEqual({ [DENSITY_FEATURE]: 0.25 });
		// XXX: total 100 kt; density 1000 ÷ 10 = 100 per km².
		expect(set.rows[0]).toEqual({
			code: 'XXX',
			values: {
				'share of Industry': 0.1,
				'share of Commercial': 0.2,
				'share of Public sector': 0.05,
				'share of Domestic': 0.4,
				'share of Transport': 0.2,
				'share of Agriculture': 0.05,
				[DENSITY_FEATURE]: 100
			}
		});
		// YYY: 50 kt of waste makes the total 150 kt, so industry is 10 ÷ 150.
		expect(set.rows[1]!.values[shareFeature('Industry')]).toBeCloseTo(1 / 15, 12);
		expect(set.rows[1]!.values[DENSITY_FEATURE]).toBe(300);
	});

	it('excludes, with the reason, a missing sector, a zero total or an unknown density', () => {
		expect(set.rows.map((r) => r.code)).toEqual(['XXX', 'YYY']);
		expect(set.excluded).toEqual([
			{ code: 'ZZZ', reason: 'no emissions for Transport' },
			{ code: 'WWW', reason: 'total emissions are 0 kt' },
			{ code: 'VVV', reason: 'no density: population 500, area null km²' }
		]);
	});
});

describe('nearbyFeatures', () => {
	it('uses easting and northing and excludes an authority without both', () => {
		const set = nearbyFeatures([
			{ code: 'TRF', x: 376480, y: 391413 },
			{ code: 'WMCA', x: null, y: null }
		]);
		expect(set.rows).toEqual([{ code: 'TRF', values: { x: 376480, y: 391413 } }]);
		expect(set.features).toEqual(['x', 'y']);
		expect(set.excluded).toEqual([{ code: 'WMCA', reason: 'no coordinates: x null, y null' }]);
	});
});
