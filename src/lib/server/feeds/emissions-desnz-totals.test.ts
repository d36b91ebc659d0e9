import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import { getAuthorityEmissions } from '../queries/emissions';
import { countRows, createFixtureDb, DATA_DIR, importFile } from '../../../../tests/helpers/db';

/** The shipped file itself: it loads in about a second. */
const SHIPPED = join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv');

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'desnz-ghg-totals', SHIPPED);
});
afterAll(() => handle.close());

const one = <T>(sql: string, ...params: unknown[]) =>
	handle.sqlite.prepare(sql).get(...params) as T;

describe('desnz-ghg-totals feed, on the shipped 2005–2023 file', () => {
	it('loads every row with no problems', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 6859,
			rowsAccepted: 6859,
			rowsRejected: 0,
			rowsWritten: 6859
		});
		expect(report.groups).toEqual([]);
	});

	it('stores 361 councils × 19 years, one totals row each', () => {
		expect(
			one(
				'SELECT count(*) AS n, count(DISTINCT authority_code) AS councils, count(DISTINCT year) AS years, min(year) AS first, max(year) AS last FROM emissions'
			)
		).toEqual({ n: 6859, councils: 361, years: 19, first: 2005, last: 2023 });
		expect(one("SELECT count(*) AS n FROM emissions WHERE sector <> 'Total'")).toEqual({ n: 0 });
	});

	it('is one release named as DESNZ published it, territorial in CO2e and scope of influence in CO2', () => {
		expect(countRows(handle, 'emission_releases')).toBe(1);
		expect(
			one(
				'SELECT dataset_key, label, release_date, gases, influence_gases, year_from, year_to FROM emission_releases'
			)
		).toEqual({
			dataset_key: 'desnz-la-ghg-totals',
			label: 'DESNZ UK local authority greenhouse gas emissions 2005–2023 (2025 release)',
			release_date: '2025-07-03',
			gases: 'ghg',
			influence_gases: 'co2',
			year_from: 2005,
			year_to: 2023
		});
	});

	it("gives Trafford's 2023 figures: 1,393.07 kt CO2e territorial, 996.52 kt CO2 scope of influence", () => {
		const series = getAuthorityEmissions('TRF', handle.db);
		const [territorial, influence] = series;
		expect(series.map((s) => [s.measure, s.gases, s.totalsOnly, s.rows.length])).toEqual([
			['territorial', 'ghg', true, 19],
			['scope_of_influence', 'co2', true, 19]
		]);
		expect(territorial!.rows.at(-1)!.year).toBe(2023);
		expect(territorial!.rows.at(-1)!.valueKt).toBeCloseTo(1393.07, 2);
		expect(influence!.rows.at(-1)!.valueKt).toBeCloseTo(996.52, 2);
		// People, from the file's thousands: for per-head figures (5.87 t CO2e a person in 2023).
		expect(territorial!.populationByYear[2023]).toBe(237480);
	});

	it('writes nothing when the same file is imported again', async () => {
		const again = await importFile(handle, 'desnz-ghg-totals', SHIPPED);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0 });
		expect(countRows(handle, 'emission_releases')).toBe(1);
		expect(countRows(handle, 'emissions')).toBe(6859);
	});
});
