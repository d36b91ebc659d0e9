import { describe, expect, it } from 'vitest';
import { peerReason, reasonInputs } from './similarity-reasons';

// Three councils: A and B alike in transport and domestic shares, apart in industry; C far away.
const kt = (industry: number, transport: number, domestic: number, agriculture: number) => ({
	Industry: industry,
	Commercial: 10,
	'Public sector': 5,
	Domestic: domestic,
	Transport: transport,
	Agriculture: agriculture
});
const inputs = reasonInputs(
	[
		// Totals 100 kt: shares are the kt figures as percentages.
		{ code: 'AAA', sectorsKt: kt(20, 30, 35, 0), population: 200_000, areaKm2: 100 },
		{ code: 'BBB', sectorsKt: kt(5, 45, 35, 0), population: 150_000, areaKm2: 100 },
		{ code: 'CCC', sectorsKt: kt(50, 10, 15, 10), population: 10_000, areaKm2: 1000 }
	],
	[
		{ code: 'AAA', x: 380_000, y: 395_000 },
		{ code: 'BBB', x: 383_000, y: 399_000 },
		{ code: 'CCC', x: 100_000, y: 800_000 }
	]
);

describe('peerReason', () => {
	it('says how far apart two councils’ centres are, for nearby peers', () => {
		// √(3,000² + 4,000²) = 5,000 m.
		expect(peerReason('nearby', 'AAA', 'BBB', inputs)).toBe('centres 5 km apart');
	});

	it('names the two profile measures on which they are closest, with both values', () => {
		// Domestic 35% and 35% is identical. Then, gap ÷ the sample sd across the three: density
		// 500 ÷ 1,035 = 0.48, industry 0.15 ÷ 0.229 = 0.65, transport 0.15 ÷ 0.176 = 0.85.
		// Commercial and public sector are the same for all (no spread: they tell no one apart);
		// agriculture, 0% for both, is too small a share to say anything.
		expect(peerReason('emissions', 'AAA', 'BBB', inputs)).toBe(
			'domestic 35% and 35% of emissions; 2,000 and 1,500 people per km²'
		);
	});

	it('gives the distance and the closest measure for overall peers', () => {
		expect(peerReason('overall', 'AAA', 'BBB', inputs)).toBe(
			'centres 5 km apart; domestic 35% and 35% of emissions'
		);
	});

	it('says nothing it does not know: a council with no centre gets its measures only', () => {
		const noCentre = reasonInputs(
			[{ code: 'AAA', sectorsKt: kt(20, 30, 35, 0), population: 1, areaKm2: 1 }],
			[{ code: 'AAA', x: null, y: null }]
		);
		expect(peerReason('nearby', 'AAA', 'BBB', noCentre)).toBe('');
	});
});
