import { describe, expect, it } from 'vitest';
import { summariseEmissions, totalsByYear } from './emissions';

const rows = [
	{ year: 2006, sector: 'Transport', valueKt: 30 },
	{ year: 2005, sector: 'Transport', valueKt: 40 },
	{ year: 2005, sector: 'Domestic', valueKt: 60 },
	{ year: 2006, sector: 'Domestic', valueKt: 45 }
];

describe('totalsByYear', () => {
	it('sums sectors per year, ascending, keeping the breakdown', () => {
		expect(totalsByYear(rows)).toEqual([
			{ year: 2005, totalKt: 100, sectors: { Transport: 40, Domestic: 60 } },
			{ year: 2006, totalKt: 75, sectors: { Transport: 30, Domestic: 45 } }
		]);
	});

	it('adds sub-sector rows of the same sector together', () => {
		const t = totalsByYear([
			{ year: 2020, sector: 'Transport', valueKt: 1.5 },
			{ year: 2020, sector: 'Transport', valueKt: 2.5 }
		]);
		expect(t[0]!.sectors.Transport).toBe(4);
	});
});

describe('summariseEmissions', () => {
	it('computes the change since the first year, per head and the largest sector (hand-worked)', () => {
		// 100 kt → 75 kt is −25 %; 75 kt = 75,000 t over 50,000 people = 1.5 t each; Domestic 45/75 = 60 %.
		const s = summariseEmissions(totalsByYear(rows), { 2006: 50_000 })!;
		expect(s.firstYear).toBe(2005);
		expect(s.latestYear).toBe(2006);
		expect(s.changePct).toBeCloseTo(-25, 10);
		expect(s.latestPerHeadT).toBeCloseTo(1.5, 10);
		expect(s.largestSector).toEqual({ sector: 'Domestic', sharePct: 60 });
	});

	it('leaves per head unknown without a population and handles an empty series', () => {
		expect(summariseEmissions(totalsByYear(rows))!.latestPerHeadT).toBeNull();
		expect(summariseEmissions([])).toBeNull();
	});

	it('names no largest sector when the series has one (a totals-only release)', () => {
		const s = summariseEmissions(totalsByYear([{ year: 2023, sector: 'Total', valueKt: 996.5 }]))!;
		expect(s.latestKt).toBe(996.5);
		expect(s.largestSector).toBeNull();
	});

	it('does not divide by a zero first year', () => {
		const s = summariseEmissions(
			totalsByYear([
				{ year: 2005, sector: 'X', valueKt: 0 },
				{ year: 2006, sector: 'X', valueKt: 5 }
			])
		)!;
		expect(s.changePct).toBeNull();
	});
});
