import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { undoImport } from '../import/undo-import';
import {
	countRows,
	createTestDb,
	dataDigest,
	fixture,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { parseReportingYear, templateCouncilEmissionsFeed } from './template-council-emissions';

const FILE = fixture('templates/council-emissions.csv');
const HEADER = 'authority,year,scope_1_t,scope_2_t,scope_3_t,method,source_url,notes';

let handle: DbHandle;
const load = (source: string) => importFile(handle, templateCouncilEmissionsFeed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
});
afterAll(() => handle.close());

const stored = () =>
	handle.sqlite
		.prepare(
			'SELECT authority_code, year, scope1_t, scope2_t, scope3_t, method, source_url, notes FROM council_emissions ORDER BY authority_code, year'
		)
		.all();

describe('parseReportingYear', () => {
	it.each([
		['2023', { year: 2023, financial: false }],
		['2023.0', { year: 2023, financial: false }],
		['2023/24', { year: 2023, financial: true }],
		['2023-24', { year: 2023, financial: true }],
		['2023–24', { year: 2023, financial: true }],
		['2023/2024', { year: 2023, financial: true }],
		[' FY 2023/24 ', { year: 2023, financial: true }],
		['1999/00', { year: 1999, financial: true }]
	])('reads %s', (raw, expected) => {
		expect(parseReportingYear(raw)).toEqual(expected);
	});

	it.each(['2023/25', '2023-04', '2023/2023', '23/24', 'last year', '1850', ''])(
		'refuses %s',
		(raw) => {
			expect(parseReportingYear(raw)).toBeNull();
		}
	);
});

describe('council emissions template', () => {
	it('imports a council report, financial years stored as their first year (and said so)', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({ status: 'committed', rowsRead: 3, rowsWritten: 3, fatal: null });
		expect(report.unmappedColumns).toEqual([]);
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'info',
				code: 'financial_year',
				column: 'year',
				rows: [2, 3],
				values: ['2022/23', '2023-24'],
				message: 'financial year stored as its first year (2023/24 as 2023)'
			})
		]);
		expect(stored()).toEqual([
			{
				authority_code: 'LDS',
				year: 2022,
				scope1_t: 13204.5,
				scope2_t: 7118,
				scope3_t: null,
				method: 'GHG Protocol',
				source_url: 'https://www.leeds.gov.uk/test-page',
				notes: null
			},
			{
				authority_code: 'LDS',
				year: 2023,
				scope1_t: 12480,
				scope2_t: 6210,
				scope3_t: 2940,
				method: 'LGA GHG accounting tool',
				source_url: 'https://www.leeds.gov.uk/test-page',
				notes: 'Scope 3 first counted this year'
			},
			{
				authority_code: 'TRF',
				year: 2023,
				scope1_t: 1850,
				scope2_t: 0,
				scope3_t: null,
				method: null,
				source_url: null,
				notes: null
			}
		]);
	});

	it('writes nothing when the same file is imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 3 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('updates a year on re-import; a column the file lacks leaves its stored value alone', async () => {
		// "2023" is the same report as "2023-24": both are stored as 2023.
		const report = await load('authority,year,scope_1_t,scope_3_t\nLeeds,2023,"12,000",\n');
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1, valuesSetBack: 1 });
		expect(countRows(handle, 'council_emissions')).toBe(3);
		expect(stored()[1]).toEqual({
			authority_code: 'LDS',
			year: 2023,
			scope1_t: 12000,
			// Blank in the file: kept, unless the import is asked to clear it.
			scope3_t: 2940,
			// Not in the file: kept.
			scope2_t: 6210,
			method: 'LGA GHG accounting tool',
			source_url: 'https://www.leeds.gov.uk/test-page',
			notes: 'Scope 3 first counted this year'
		});
	});

	// The same rule for every feed the record writer writes: two rows of one council and year.
	it('refuses two rows of one report with different figures, naming both rows', async () => {
		const before = dataDigest(handle);
		const r = await load(`${HEADER}\nLeeds,2019,100,,,,,\nLeeds,2019,120,,,,,\n`);
		expect(r.status).toBe('rejected');
		expect(r.groups.filter((g) => g.severity === 'error')).toEqual([
			expect.objectContaining({
				code: 'conflicting_rows',
				rows: [3],
				message:
					'row 2 gives the same key authorityCode LDS, year 2019 with other values (scope1T: 100 in row 2, 120 here): correct or delete one of the two rows'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('rejects bad rows, naming row, column, value and what was expected', async () => {
		const before = dataDigest(handle);
		const report = await load(
			`${HEADER}\n` +
				'Leeds,2023/25,100,,,,,\n' +
				'Leeds,2021,-5,,,,,\n' +
				'Leeds,2020,,lots,,,,\n' +
				'Leeds,2019,,,7,,javascript:alert(1),\n' +
				'Leeds,2018,,,,GHG Protocol,,No figures yet\n'
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'year',
				values: ['2023/25'],
				rows: [2],
				message: 'expected a year such as 2023, or a financial year such as 2023/24'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'scope_1_t',
				values: ['-5'],
				rows: [3],
				message: 'expected t CO2e, 0 or more'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'scope_2_t',
				values: ['lots'],
				rows: [4],
				message: 'expected a number'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'source_url',
				values: ['javascript:alert(1)'],
				rows: [5],
				message: 'expected a web address starting with http:// or https://'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'no_emissions',
				column: null,
				rows: [6],
				message:
					'row 6 has no emissions figure: expected t CO2e in at least one of scope_1_t, scope_2_t and scope_3_t'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('refuses a file without the required year column', async () => {
		const report = await load('authority,scope_1_t\nLeeds,100\n');
		expect(report.status).toBe('rejected');
		expect(report.fatal).toMatch(/year/);
	});

	it('undo removes the rows an import added and restores those it changed', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'authority,year,scope_2_t\nLeeds,2023,"6,000"\nKirklees,2022/23,"3,100"\n'
		);
		expect(report.changes).toEqual([
			{ table: 'council_emissions', inserted: 1, updated: 1, deleted: 0 }
		]);
		expect(countRows(handle, 'council_emissions')).toBe(4);
		expect(await undoImport(handle, report.batchId!)).toMatchObject({ ok: true, rowsRestored: 2 });
		expect(dataDigest(handle)).toEqual(before);
		expect(countRows(handle, 'council_emissions')).toBe(3);
	});
});
