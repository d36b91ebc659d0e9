import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	countRows,
	createFixtureDb,
	FEED_FIXTURES,
	importFile,
	toCsv
} from '../../../../tests/helpers/db';
import { MYSOCIETY_SUBSECTORS } from './emissions-mysociety';

const TOTAL = 'Total Emissions:kt CO2';
const wide = Papa.parse<Record<string, string>>(
	readFileSync(FEED_FIXTURES['mysociety-emissions'], 'utf8'),
	{
		header: true,
		skipEmptyLines: true
	}
).data;

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'mysociety-emissions', FEED_FIXTURES['mysociety-emissions']);
});
afterAll(() => handle.close());

function stored(code: string, year: number) {
	return handle.sqlite
		.prepare(
			'SELECT sector, sub_sector, influence_kt AS value_kt, territorial_kt, is_aggregate FROM emissions WHERE authority_code = ? AND year = ?'
		)
		.all(code, year) as {
		sector: string;
		sub_sector: string;
		value_kt: number;
		is_aggregate: number;
	}[];
}

describe('mysociety-emissions feed', () => {
	it('commits every fixture row', () => {
		expect(wide.length).toBe(18);
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 18,
			rowsAccepted: 18,
			rowsRejected: 0,
			fatal: null
		});
		expect(report.groups.filter((g) => g.severity !== 'info')).toEqual([]);
	});

	it('turns each wide row into exactly 20 long rows', () => {
		expect(MYSOCIETY_SUBSECTORS).toHaveLength(20);
		expect(countRows(handle, 'emissions')).toBe(18 * 20);
		expect(report.rowsWritten).toBe(18 * 20);
		for (const row of wide)
			expect(stored(row['local-authority-code']!, Number(row.Year))).toHaveLength(20);
	});

	it('long rows of every wide row sum to its "Total Emissions" column', () => {
		for (const row of wide) {
			const sum = stored(row['local-authority-code']!, Number(row.Year)).reduce(
				(a, r) => a + r.value_kt,
				0
			);
			expect(sum).toBeCloseTo(Number(row[TOTAL]), 6);
		}
	});

	it('Trafford 2020 totals ≈1088.3 kt, with each sub-sector as published', () => {
		const trf = stored('TRF', 2020);
		expect(trf.reduce((a, r) => a + r.value_kt, 0)).toBeCloseTo(1088.3, 1);
		const row = wide.find((r) => r['local-authority-code'] === 'TRF' && r.Year === '2020')!;
		for (const s of MYSOCIETY_SUBSECTORS) {
			const long = trf.find((r) => r.sub_sector === s.subSector)!;
			expect(long.sector).toBe(s.sector);
			expect(long.value_kt).toBeCloseTo(Number(row[s.column]), 9);
		}
		const industry = trf.filter((r) => r.sector === 'Industry').reduce((a, r) => a + r.value_kt, 0);
		expect(industry).toBeCloseTo(Number(row['Industry Total:kt CO2']), 6);
	});

	it('marks county and combined-authority rows as aggregates, districts and unitaries not', () => {
		const flags = handle.sqlite
			.prepare(
				'SELECT authority_code, max(is_aggregate) AS agg, min(is_aggregate) AS agg_min FROM emissions GROUP BY authority_code'
			)
			.all() as { authority_code: string; agg: number; agg_min: number }[];
		const byCode = Object.fromEntries(flags.map((f) => [f.authority_code, f]));
		expect(byCode.GMCA).toMatchObject({ agg: 1, agg_min: 1 });
		expect(byCode.NFK).toMatchObject({ agg: 1, agg_min: 1 });
		for (const code of ['TRF', 'MAN', 'BPL', 'KIN', 'WFT', 'BNE', 'CBD'])
			expect(byCode[code]).toMatchObject({ agg: 0, agg_min: 0 });
	});

	it('stores population in people, not thousands', () => {
		const pop = handle.sqlite
			.prepare(
				"SELECT population FROM authority_populations WHERE authority_code = 'TRF' AND year = 2020 AND dataset_key = 'mysociety-emissions'"
			)
			.pluck()
			.get();
		expect(pop).toBe(237579);
		expect(countRows(handle, 'authority_populations')).toBe(18);
	});

	it('records one release spanning the years imported, scope-of-influence CO2 only', () => {
		const releases = handle.sqlite
			.prepare(
				'SELECT gases, has_territorial, has_influence, year_from, year_to FROM emission_releases'
			)
			.all();
		expect(releases).toEqual([
			{ gases: 'co2', has_territorial: 0, has_influence: 1, year_from: 2019, year_to: 2020 }
		]);
		const territorial = handle.sqlite
			.prepare('SELECT count(*) FROM emissions WHERE territorial_kt IS NOT NULL')
			.pluck()
			.get();
		expect(territorial).toBe(0);
	});

	it('writes nothing on re-import of the same file', async () => {
		const again = await importFile(
			handle,
			'mysociety-emissions',
			FEED_FIXTURES['mysociety-emissions']
		);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 360 });
		expect(countRows(handle, 'emissions')).toBe(360);
		expect(countRows(handle, 'emission_releases')).toBe(1);
	});

	it('warns when the published total disagrees with the sub-sectors', async () => {
		const header = Object.keys(wide[0]!);
		const row: Record<string, string> = {
			...wide.find((r) => r['local-authority-code'] === 'BPL')!,
			[TOTAL]: '9999'
		};
		const r = await importFile(
			handle,
			'mysociety-emissions',
			toCsv([header, header.map((h) => row[h]!)]),
			{ dryRun: true }
		);
		expect(r.status).toBe('dry-run');
		// (Its other note, on the release's coverage, is tested with the emissions query.)
		expect(r.groups.filter((g) => g.severity !== 'info')).toEqual([
			expect.objectContaining({
				severity: 'warning',
				code: 'total_mismatch',
				column: TOTAL,
				rows: [2]
			})
		]);
	});
});
