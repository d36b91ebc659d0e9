import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { detectFeedFromHeaders } from '../import/detect-feed';
import type { ImportReport } from '../import/run-import';
import { getAuthorityEmissions } from '../queries/emissions';
import { createFixtureDb, fixture, importFile } from '../../../../tests/helpers/db';

const OWN = fixture('emissions-totals/own-totals.csv');

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'emissions-totals', OWN);
});
afterAll(() => handle.close());

const HEADER = 'council,year,measure,value_kt,unit\n';

describe("emissions-totals feed (a council's or data lab's own file)", () => {
	it('imports one row per council, year and measure, a council named or coded', () => {
		expect(report).toMatchObject({ status: 'committed', rowsRead: 5, rowsAccepted: 5 });
		expect(report.groups).toEqual([]);
		const [territorial, influence] = getAuthorityEmissions('TRF', handle.db);
		expect(territorial).toMatchObject({ measure: 'territorial', gases: 'ghg', totalsOnly: true });
		expect(territorial!.rows).toEqual([
			{ year: 2022, sector: 'Total', valueKt: 1442.22 },
			{ year: 2023, sector: 'Total', valueKt: 1393.07 }
		]);
		expect(influence).toMatchObject({ measure: 'scope_of_influence', gases: 'co2' });
		expect(influence!.rows.map((r) => r.valueKt)).toEqual([1074.82, 996.52]);
		expect(territorial!.populationByYear).toEqual({ 2022: 236651, 2023: 237480 });
		expect(territorial!.releases[0]).toMatchObject({
			datasetKey: 'own-emissions-totals',
			label: `Emissions totals (${OWN})`,
			releaseDate: null
		});
	});

	it('reads a blank unit as kt CO2e', () => {
		const cardiff = getAuthorityEmissions('CRF', handle.db);
		expect(cardiff.map((s) => [s.measure, s.gases, s.rows])).toEqual([
			['territorial', 'ghg', [{ year: 2023, sector: 'Total', valueKt: 1700.5 }]]
		]);
	});

	it('refuses a measure it does not know and a second unit for one measure, naming row, column and value', async () => {
		const bad = await importFile(
			handle,
			'emissions-totals',
			`${HEADER}Trafford,2021,consumption,6.1,\nTrafford,2021,territorial,1570.9,kt CO2e\nTrafford,2020,territorial,1430.5,kt CO2\n`
		);
		expect(bad.status).toBe('rejected');
		const errors = bad.groups.filter((g) => g.severity === 'error');
		expect(errors.map((g) => [g.column, g.values, g.rows, g.message].join(' | '))).toEqual([
			'measure | consumption | 2 | expected "territorial" or "scope of influence" (in measure or indicator), or words naming emissions',
			'unit | kt CO2 | 4 | expected kt CO2e, the unit of the earlier territorial rows: one unit per measure'
		]);
	});

	it('is the feed picked for a file in its layout, and the DESNZ totals layout picks its own', () => {
		expect(detectFeedFromHeaders(['GSS code', 'Year', 'Measure', 'Value', 'Unit'])?.key).toBe(
			'emissions-totals'
		);
		const desnz =
			'lad_code,lad_name,year,country,country_code,region,region_code,total_emissions_scope_ktco2,territorial_emissions_ktco2e,mid_year_population_thousands,area_km2';
		expect(detectFeedFromHeaders(desnz.split(','))?.key).toBe('desnz-ghg-totals');
	});
});

describe("a data lab's long layout, imported as published", () => {
	const LONG = fixture('emissions-totals/data-lab-long.csv');
	const LONG_HEADER = ['area_code', 'area_name', 'period', 'indicator', 'measure', 'unit', 'value'];

	it('is recognised from its header row, with no mapping', () => {
		expect(detectFeedFromHeaders(LONG_HEADER)?.key).toBe('emissions-totals');
	});

	it('stores the totals in kt, each measure with its gases, and says what it left out', async () => {
		const lab = await createFixtureDb();
		try {
			const r = await importFile(lab, 'emissions-totals', LONG);
			expect(r).toMatchObject({ status: 'committed', rowsRead: 9, rowsAccepted: 5 });
			expect(r.groups.filter((g) => g.severity === 'error')).toEqual([]);
			const notStored = r.groups.filter((g) => g.code === 'not_stored');
			expect(notStored.map((g) => [g.rows, g.message.split(':')[0]])).toEqual([
				[[3, 6, 10], 'a per-head or per-area figure'],
				[[8], "one sector's figure"]
			]);
			const [territorial, influence] = getAuthorityEmissions('TRF', lab.db);
			expect(territorial).toMatchObject({ measure: 'territorial', gases: 'ghg' });
			expect(territorial!.rows.map((x) => [x.year, x.valueKt])).toEqual([
				[2022, 1442.22],
				[2023, 1393.07]
			]);
			expect(influence).toMatchObject({ measure: 'scope_of_influence', gases: 'co2' });
			expect(influence!.rows.map((x) => x.valueKt)).toEqual([1074.82, 996.52]);
			// Cardiff's figure was in tonnes: 1,551,092.86 t is 1,551.09286 kt.
			const [cardiff] = getAuthorityEmissions('CRF', lab.db);
			expect(cardiff!.rows).toEqual([{ year: 2023, sector: 'Total', valueKt: 1551.09286 }]);
		} finally {
			lab.close();
		}
	});
});
