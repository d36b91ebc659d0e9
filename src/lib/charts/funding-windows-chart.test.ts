import { describe, expect, it } from 'vitest';
import { awardSizeTable, windowBandConfig, windowBands } from './funding-config';

describe('window lengths counted in bands of weeks', () => {
	const days = [3, 13, 14, 27, 41, 42, 55, 83, 84, 181, 182, 400];
	const bands = windowBands(
		days.map((d, i) => ({ label: `round ${i}`, days: d })),
		42
	);

	it('puts each round in exactly one band, the edge in the band above', () => {
		expect(bands.map((b) => [b.label, b.rounds])).toEqual([
			['under 2 weeks', 2],
			['2 to under 4 weeks', 2],
			['4 to under 6 weeks', 1],
			['6 to under 8 weeks', 2],
			['8 to under 12 weeks', 1],
			['12 to under 26 weeks', 2],
			['26 weeks and over', 2]
		]);
		expect(bands.reduce((n, b) => n + b.rounds, 0)).toBe(days.length);
	});

	it('marks the bands under the short-window line, and colours them so', () => {
		expect(bands.map((b) => b.short)).toEqual([true, true, true, false, false, false, false]);
		const colours = windowBandConfig(bands, 42).data.datasets[0]!.backgroundColor;
		expect(colours).toEqual(bands.map((b) => (b.short ? '#D55E00' : '#0072B2')));
	});
});

describe('award sizes', () => {
	it('counts every award once in its band', () => {
		const t = awardSizeTable([50_000, 999_999, 1_000_000, 25_000_000]);
		expect(t.rows.reduce((n, r) => n + r[1], 0)).toBe(4);
	});
});
