import { describe, expect, it } from 'vitest';
import {
	axisUnit,
	indexToBase,
	lineFor,
	overlayConfig,
	overlayTable,
	perHead,
	seriesFlags,
	type CouncilSeries
} from './side-by-side';

const district: CouncilSeries = {
	code: 'TRF',
	name: 'Trafford',
	unit: 'kt CO2e',
	releaseLabel: 'DESNZ 2005–2023',
	points: [
		{ year: 2005, valueKt: 200, population: 200_000 },
		{ year: 2006, valueKt: 150, population: 250_000 },
		{ year: 2010, valueKt: 100, population: null }
	]
};
const county: CouncilSeries = {
	code: 'LAN',
	name: 'Lancashire',
	unit: 'kt CO2',
	releaseLabel: 'mySociety 2005–2020',
	points: [
		{ year: 2005, valueKt: 8000, population: 1_000_000 },
		{ year: 2020, valueKt: 6000, population: 1_000_000 }
	]
};
const late: CouncilSeries = {
	code: 'NEW',
	name: 'New Council',
	unit: 'kt CO2e',
	releaseLabel: 'DESNZ 2005–2023',
	points: [
		{ year: 2008, valueKt: 90 },
		{ year: 2009, valueKt: 80 }
	]
};

describe('indexing to 2005 = 100', () => {
	it('divides each year by the 2005 figure (200 → 100, 150 → 75, 100 → 50)', () => {
		const r = indexToBase(district.points);
		expect(r.available).toBe(true);
		if (r.available)
			expect(r.values).toEqual([
				{ year: 2005, value: 100 },
				{ year: 2006, value: 75 },
				{ year: 2010, value: 50 }
			]);
	});
	it('says a series without 2005 cannot be indexed', () => {
		const r = indexToBase(late.points);
		expect(r).toEqual({
			available: false,
			reason: 'no 2005 figure, so it cannot be indexed to 2005 = 100'
		});
		const line = lineFor(late, 'indexed');
		expect(line.values).toEqual([]);
		expect(line.note).toContain('cannot be indexed');
	});
	it('indexes kt CO2 and kt CO2e lines onto one unit-free scale', () => {
		const lines = [lineFor(district, 'indexed'), lineFor(county, 'indexed')];
		expect(lines[1]!.values).toEqual([
			{ year: 2005, value: 100 },
			{ year: 2020, value: 75 }
		]);
		expect(axisUnit(lines)).toBe('index, 2005 = 100');
	});
});

describe('per head', () => {
	it('is kt × 1,000 over population, leaving out years without one', () => {
		const r = perHead(district.points);
		// 200 kt × 1000 / 200,000 = 1 t; 150 × 1000 / 250,000 = 0.6 t
		expect(r.values).toEqual([
			{ year: 2005, value: 1 },
			{ year: 2006, value: 0.6 }
		]);
		expect(r.note).toBe('1 year without a population left out');
		expect(perHead(late.points).note).toContain('no population');
		expect(lineFor(county, 'per_head').unit).toBe('t CO2 a person');
	});
});

describe('flags and axis', () => {
	it('flags different releases and units, and names both units on a shared axis', () => {
		const flags = seriesFlags([district, county]);
		expect(flags).toMatchObject({ mixedReleases: true, mixedUnits: true });
		expect(seriesFlags([district, late])).toMatchObject({
			mixedReleases: false,
			mixedUnits: false
		});
		const lines = [lineFor(district, 'absolute'), lineFor(county, 'absolute')];
		expect(axisUnit(lines)).toBe('kt CO2e and kt CO2 (different units on one axis)');
	});
	it("compares a sum's releases, not its label: a county summed from one release is not mixed", () => {
		const summed: CouncilSeries = {
			...county,
			unit: 'kt CO2e',
			releaseLabel: "sum of its 12 districts' figures, DESNZ 2005–2023",
			sources: ['DESNZ 2005–2023']
		};
		expect(seriesFlags([district, summed])).toMatchObject({
			mixedReleases: false,
			releases: ['DESNZ 2005–2023']
		});
		expect(seriesFlags([county, summed]).mixedReleases).toBe(true);
	});
});

describe('overlay table and chart', () => {
	it('aligns every line on the union of years, null where a line has none', () => {
		const lines = [lineFor(district, 'absolute'), lineFor(county, 'absolute')];
		const t = overlayTable(lines, 'absolute');
		expect(t.columns).toEqual(['Year', 'Trafford (kt CO2e)', 'Lancashire (kt CO2)']);
		expect(t.rows).toEqual([
			['2005', 200, 8000],
			['2006', 150, null],
			['2010', 100, null],
			['2020', null, 6000]
		]);
		const config = overlayConfig(lines, 'absolute');
		expect(config.data.labels).toEqual(['2005', '2006', '2010', '2020']);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Trafford', 'Lancashire']);
		expect(config.data.datasets[1]!.data).toEqual([8000, null, null, 6000]);
	});
});
