/**
 * The series progress is judged on: the current release per council and measure, the same whether
 * read for one council or for all of them at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, FEED_FIXTURES, importFile } from '../../../../tests/helpers/db';
import { allCurrentAreaSeries, currentAreaSeries, pickCurrent } from './area-series';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb();
	// The 2005–2020 sector series (2019–2020 rows of a few councils), then the 2005–2023 totals.
	await importFile(handle, 'mysociety-emissions', FEED_FIXTURES['mysociety-emissions']);
	await importFile(
		handle,
		'desnz-ghg-totals',
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')
	);
});
afterAll(() => handle.close());

describe('the current whole-area series', () => {
	it('takes the release reaching the latest year, then the newest', () => {
		const a = { releaseId: 1, lastYear: 2020 };
		const b = { releaseId: 2, lastYear: 2023 };
		const c = { releaseId: 3, lastYear: 2023 };
		expect(pickCurrent([a, b])).toBe(b);
		expect(pickCurrent([b, a])).toBe(b);
		expect(pickCurrent([a, c, b])).toBe(c);
		expect(pickCurrent([])).toBeUndefined();
	});

	it('judges Trafford on the 2005–2023 totals, not the 2005–2020 sectors summed', () => {
		const [territorial, influence] = currentAreaSeries('TRF', handle.db);
		expect(territorial).toMatchObject({ measure: 'territorial', unit: 'kt CO2e' });
		expect(territorial!.releaseLabel).toMatch(/2005–2023/);
		expect(territorial!.points).toHaveLength(19);
		expect(territorial!.points.at(-1)).toEqual({
			year: 2023,
			valueKt: expect.closeTo(1393.071, 3),
			population: 237480
		});
		expect(influence).toMatchObject({ measure: 'scope_of_influence', unit: 'kt CO2' });
		expect(influence!.points.at(-1)!.valueKt).toBeCloseTo(996.516, 3);
	});

	it("judges a county on its districts' 2005–2023 totals summed, not its own 2005–2020 figure", () => {
		const series = currentAreaSeries('NFK', handle.db);
		expect(series.map((s) => s.measure)).toEqual(['territorial', 'scope_of_influence']);
		for (const s of series) {
			expect(s.points.map((p) => p.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2005 + i));
			expect(s.releaseLabel).toMatch(/^sum of its 7 districts' figures, DESNZ .*2005–2023/);
			expect(s.isAggregate).toBe(true);
		}
	});

	it('reads every council at once exactly as it reads each one', () => {
		for (const measure of ['territorial', 'scope_of_influence'] as const) {
			const all = allCurrentAreaSeries(measure, handle.db);
			// 361 councils in the 2005–2023 totals, and the 36 counties, combined authorities and the
			// GLA that are sums of them: every current council.
			expect(all.size).toBe(397);
			for (const code of ['TRF', 'NFK', 'MAN', 'GMCA', 'CRF']) {
				const one = currentAreaSeries(code, handle.db).find((s) => s.measure === measure);
				if (!one) {
					expect(all.has(code)).toBe(false);
					continue;
				}
				const bulk = all.get(code)!;
				expect(bulk.releaseLabel).toBe(one.releaseLabel);
				expect(bulk.isAggregate).toBe(one.isAggregate);
				expect(bulk.points.map((p) => [p.year, p.population])).toEqual(
					one.points.map((p) => [p.year, p.population])
				);
				bulk.points.forEach((p, i) => expect(p.valueKt).toBeCloseTo(one.points[i]!.valueKt, 9));
			}
		}
	});
});
