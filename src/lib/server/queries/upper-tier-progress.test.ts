/**
 * Counties, combined authorities and the GLA on current figures: each one's series is the sum of
 * its member councils' figures in the shipped DESNZ 2005–2023 release, not its own 2005–2020
 * figure, on both measures; and the national view judges all 18 of their whole-area targets.
 *
 * The expected years were worked by hand, before this code, by summing each area's districts in
 * the shipped release and applying the app's rule (a least-squares line over 2019–2023, the first
 * whole year at or below zero): Devon 2056, Cambridgeshire 2074, Leicestershire 2072, the West
 * Midlands 2049, all in CO2 within the scope of influence. The sums below are the shipped rows
 * added up (data/la-ghg-emissions-desnz-2005-2023), so a reviewer can check them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { DATA_DIR } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { totalsByYear } from '../metrics/emissions';
import { targetProgress } from '../metrics/target-progress';
import { listAreaMembers } from './area-members';
import { allCurrentAreaSeries, currentAreaSeries } from './area-series';
import { getAuthorityEmissions } from './emissions';
import { computeNationalProgress } from './national-progress';

let handle: DbHandle;

beforeAll(async () => {
	// The progress database (the register and the 2005–2023 totals), then the real promises and
	// the 2005–2020 series, which holds each county's and combined authority's own figures.
	handle = await createProgressDb([
		['mysociety-promises', join(DATA_DIR, 'la-climate-commitments/promises.csv')],
		[
			'mysociety-emissions',
			join(DATA_DIR, 'la-emissions-mysociety-2005-2020/local_authority_emissions.csv')
		]
	]);
}, 60_000);
afterAll(() => handle.close());

const series = (code: string, measure: 'territorial' | 'scope_of_influence') => {
	const s = currentAreaSeries(code, handle.db).find((x) => x.measure === measure);
	if (!s) throw new Error(`${code} has no ${measure} series`);
	return s;
};

/** The projected year and status of a whole-area target on the council's current series. */
function judged(code: string, targetYear: number, measure: 'territorial' | 'scope_of_influence') {
	const s = series(code, measure);
	const p = targetProgress({
		target: { scope: 'whole_area', targetYear },
		measure,
		series: s.points,
		trend: { windowYears: 5, windowEndYear: s.windowEndYear ?? undefined },
		notJudged: s.old
	});
	if (!p.available || !p.projection.available || !p.status.available) {
		throw new Error(`${code} not judged`);
	}
	return { year: p.projection.year, colour: p.status.colour, series: s };
}

const yearValues = (code: string, measure: 'territorial' | 'scope_of_influence', from: number) =>
	series(code, measure)
		.points.filter((p) => p.year >= from)
		.map((p) => [p.year, Math.round(p.valueKt * 1000) / 1000]);

describe('who is summed', () => {
	it('a county is its districts; a combined authority its councils, a county as its districts', () => {
		const areas = listAreaMembers(handle.db);
		const codes = (code: string) => areas.get(code)!.members.map((m) => m.code);
		expect(codes('DEV')).toEqual(['EDE', 'EXE', 'MDE', 'NDE', 'SHA', 'TEI', 'TOR', 'WDE']);
		// Cambridgeshire and Peterborough: the register lists the county and its five districts;
		// each district is counted once.
		expect(codes('CPCA')).toEqual(['CAB', 'ECA', 'FEN', 'HUN', 'PTE', 'SCA']);
		expect(areas.get('CPCA')!.members.find((m) => m.code === 'CAB')!.county).toEqual({
			code: 'CAM',
			name: 'Cambridgeshire'
		});
		// The East Midlands: Derbyshire's 8 districts, Nottinghamshire's 7, Derby and Nottingham.
		expect(codes('EMCA')).toHaveLength(17);
		expect(codes('EMCA')).toEqual(expect.arrayContaining(['DER', 'NGM', 'AMB', 'RUS']));
		// The GLA: the 32 London boroughs and the City of London.
		expect(codes('GLA')).toHaveLength(33);
		expect(codes('GLA')).toContain('LND');
		expect(codes('GMCA')).toHaveLength(10);
		// Every current county, combined authority and the GLA has members: 21 + 14 + 1.
		expect(areas.size).toBe(36);
	});
});

describe('an upper tier on the sum of its members', () => {
	it("gives Devon the sum of its 8 districts' 2005–2023 figures, not its own 2005–2020 ones", () => {
		const s = series('DEV', 'scope_of_influence');
		expect(s.releaseLabel).toBe(
			"sum of its 8 districts' figures, DESNZ UK local authority greenhouse gas emissions 2005–2023 (2025 release)"
		);
		expect(s.sum).toMatchObject({ inUse: true, membersPhrase: '8 districts', leftOut: [] });
		expect(s.sum!.members.map((m) => m.name)).toContain('Torridge');
		expect(s.old).toBeNull();
		expect(s.windowEndYear).toBe(2023);
		expect(s.points.map((p) => p.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2005 + i));
		// The districts' 2020 low and 2021 rebound, then the fall to 2023 that the 2005–2020
		// series (Devon's own 3,294 kt in 2020) cannot show.
		expect(yearValues('DEV', 'scope_of_influence', 2019)).toEqual([
			[2019, 3610.127],
			[2020, 3251.673],
			[2021, 3487.471],
			[2022, 3263.531],
			[2023, 3123.692]
		]);
		// Population summed too: per-head figures are the area's.
		expect(s.points.at(-1)!.population).toBeGreaterThan(800_000);
	});

	it("is not judged on Devon's own 2005–2020 figures, which ended on the Covid low", () => {
		// What the app said before: Devon's own series ends on 3,294 kt in 2020, and its 2016–2020
		// line reaches zero in 2039, on track for 2050. Its districts' figures rebound in 2021.
		const own = getAuthorityEmissions('DEV', handle.db).find(
			(e) => e.measure === 'scope_of_influence'
		)!;
		expect(own.releases[0]!.label).toMatch(/2005–2020/);
		const points = totalsByYear(own.rows).map((t) => ({ year: t.year, valueKt: t.totalKt }));
		expect(points.at(-1)!.year).toBe(2020);
		expect(points.at(-1)!.valueKt).toBeCloseTo(3294, 0);
		const before = targetProgress({
			target: { scope: 'whole_area', targetYear: 2050 },
			measure: 'scope_of_influence',
			series: points
		});
		expect(before).toMatchObject({ projection: { year: 2039 }, status: { colour: 'green' } });
		expect(series('DEV', 'scope_of_influence').points.at(-1)!.year).toBe(2023);
	});

	it('projects Devon (2050) to net zero in 2056: off track', () => {
		// Mean 16736.495 / 5 = 3347.299; deviations 262.828, −95.626, 140.172, −83.768, −223.607;
		// Σ(x − x̄)(y − ȳ) = −525.656 + 95.626 + 0 − 83.768 − 447.214 = −961.011; slope −96.101 kt a
		// year; zero at 2021 + 3347.299 / 96.101 = 2055.83, so 2056, 6 years after 2050: red.
		expect(judged('DEV', 2050, 'scope_of_influence')).toMatchObject({ year: 2056, colour: 'red' });
	});

	it('projects Cambridgeshire 2074, Leicestershire 2072 and the West Midlands 2049', () => {
		// Cambridgeshire: mean 3359.783, slope −64.561, zero at 2021 + 52.041 = 2073.04 → 2074.
		expect(judged('CAM', 2050, 'scope_of_influence')).toMatchObject({ year: 2074, colour: 'red' });
		// Leicestershire: mean 3047.866, slope −60.153, zero at 2021 + 50.668 = 2071.67 → 2072.
		expect(judged('LEC', 2050, 'scope_of_influence')).toMatchObject({ year: 2072, colour: 'red' });
		// West Midlands: mean 9448.259, slope −347.570, zero at 2021 + 27.184 = 2048.18 → 2049,
		// 8 years after its 2041 target.
		expect(judged('WMCA', 2041, 'scope_of_influence')).toMatchObject({
			year: 2049,
			colour: 'red'
		});
	});

	it('judges Greater Manchester (2038) on territorial figures: 2045, off track', () => {
		// 2019–2023, kt CO2e: 13673.056, 12286.182, 12644.723, 11689.850, 11312.333; mean
		// 12321.229, slope −531.778, zero at 2021 + 23.170 = 2044.17 → 2045, 7 years late.
		const g = judged('GMCA', 2038, 'territorial');
		expect(g).toMatchObject({ year: 2045, colour: 'red' });
		expect(g.series.unit).toBe('kt CO2e');
		expect(g.series.releaseLabel).toMatch(/^sum of its 10 member councils' figures, DESNZ/);
	});

	it('reads every council at once exactly as it reads each one', () => {
		for (const measure of ['territorial', 'scope_of_influence'] as const) {
			const all = allCurrentAreaSeries(measure, handle.db);
			for (const code of ['DEV', 'CPCA', 'EMCA', 'GLA', 'TRF']) {
				const one = series(code, measure);
				const bulk = all.get(code)!;
				expect(bulk.releaseLabel).toBe(one.releaseLabel);
				expect(bulk.sum?.members.map((m) => m.code)).toEqual(one.sum?.members.map((m) => m.code));
				expect(bulk.points.map((p) => [p.year, p.population])).toEqual(
					one.points.map((p) => [p.year, p.population])
				);
				bulk.points.forEach((p, i) => expect(p.valueKt).toBeCloseTo(one.points[i]!.valueKt, 9));
			}
		}
	});
});

describe('the national view', () => {
	it('judges all 18 county and combined-authority targets, on both measures', () => {
		for (const measure of ['territorial', 'scope_of_influence'] as const) {
			const p = computeNationalProgress({ measure, windowYears: 5 }, handle.db);
			const upper = p.rows.filter(
				(r) => ['CTY', 'COMB', 'SRA'].includes(r.type) && r.status !== 'no_target'
			);
			expect(upper).toHaveLength(18);
			expect(upper.filter((r) => r.status === 'none')).toEqual([]);
			expect(p.releaseLabels).toEqual([
				'DESNZ UK local authority greenhouse gas emissions 2005–2023 (2025 release)'
			]);
		}
		const influence = computeNationalProgress(
			{ measure: 'scope_of_influence', windowYears: 5 },
			handle.db
		);
		const row = (code: string) => influence.rows.find((r) => r.code === code)!;
		expect(row('DEV')).toMatchObject({ status: 'red', projectedYear: 2056, latestYear: 2023 });
		expect(row('WMCA')).toMatchObject({ status: 'red', projectedYear: 2049, targetYear: 2041 });
		expect(row('DEV').releaseLabel).toMatch(/^sum of its 8 districts' figures/);
	});
});
