import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	countRows,
	createTestDb,
	dataDigest,
	fixture,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { templateTargetsFeed } from './template-targets';

const FILE = fixture('templates/targets.csv');
const HEADER = 'authority,scope,target_year,baseline_year,baseline_value,interim_targets,wording';

let handle: DbHandle;
const load = (source: string) => importFile(handle, templateTargetsFeed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
});
afterAll(() => handle.close());

const targets = () =>
	handle.sqlite
		.prepare(
			'SELECT id, authority_code, scope, target_year, baseline_year, baseline_kt, wording, source_url FROM targets ORDER BY id'
		)
		.all() as Record<string, unknown>[];
const interim = (targetId: unknown) =>
	handle.sqlite
		.prepare('SELECT year, reduction_pct FROM interim_targets WHERE target_id = ? ORDER BY year')
		.all(targetId);

describe('targets template', () => {
	it('imports targets with baseline and interim targets', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({ status: 'committed', rowsRead: 3, rowsWritten: 3, fatal: null });
		expect(report.groups).toEqual([]);
		const [whole, council, kirklees] = targets();
		expect(whole).toMatchObject({
			authority_code: 'LDS',
			scope: 'whole_area',
			target_year: 2030,
			baseline_year: 2005,
			baseline_kt: 4210,
			wording: 'Leeds will be net zero by 2030',
			source_url: 'https://www.leeds.gov.uk/test-page'
		});
		expect(interim(whole!.id)).toEqual([
			{ year: 2025, reduction_pct: 50 },
			{ year: 2028, reduction_pct: 75 }
		]);
		expect(council).toMatchObject({ scope: 'council_operations', baseline_kt: 52.5 });
		expect(interim(council!.id)).toEqual([]);
		expect(kirklees).toMatchObject({ authority_code: 'KIR', target_year: null });
	});

	it('writes nothing when the same file is imported again (a blank year matches NULL-safely)', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 3 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('updates the baseline and replaces interim targets that differ', async () => {
		const report = await load(
			`${HEADER}\nLeeds,Whole area,2030,2005,"4,300","50% by 2025, 2029: 80%",Leeds will be net zero by 2030\n` +
				`Kirklees,whole area,,,,,Net zero as soon as possible\n`
		);
		expect(report).toMatchObject({ rowsWritten: 1, rowsUnchanged: 1 });
		expect(countRows(handle, 'targets')).toBe(3);
		const whole = targets()[0]!;
		// This file has no source_url column: the stored address stays (it used to be erased).
		expect(whole).toMatchObject({
			baseline_kt: 4300,
			source_url: 'https://www.leeds.gov.uk/test-page'
		});
		expect(interim(whole.id)).toEqual([
			{ year: 2025, reduction_pct: 50 },
			{ year: 2029, reduction_pct: 80 }
		]);
	});

	it('rejects bad rows, naming row, column, value and what was expected', async () => {
		const before = dataDigest(handle);
		const report = await load(
			`${HEADER}\nLeeds,Whole area,2030,2005,,2025 half,X\nLeeds,Whole area,2030,2035,,,Y\n`
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'interim_targets',
				values: ['2025 half'],
				rows: [2],
				message: 'expected interim targets as year: % cut, such as 2030: 68%; 2040: 85%'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'baseline_year',
				values: ['2035'],
				rows: [3],
				message: 'baseline_year 2035 is not before target_year 2030'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});
});

describe('targets template: carbon budgets', () => {
	const BUDGET = 'authority,scope,target_year,carbon_budget_kt,budget_start_year,wording';
	const budget = (wording: string) =>
		handle.sqlite
			.prepare(
				'SELECT carbon_budget_kt, budget_start_year FROM targets WHERE authority_code = ? AND wording = ?'
			)
			.get('LDS', wording);

	it('stores a budget for the whole period with its start year', async () => {
		const report = await load(`${BUDGET}\nLeeds,Whole area,2050,"42,000",2020,Budget test\n`);
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(budget('Budget test')).toEqual({ carbon_budget_kt: 42000, budget_start_year: 2020 });
	});

	it('keeps a stored budget when the file has no budget columns', async () => {
		const report = await load(
			'authority,scope,target_year,baseline_year,wording\nLeeds,Whole area,2050,2005,Budget test\n'
		);
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(budget('Budget test')).toEqual({ carbon_budget_kt: 42000, budget_start_year: 2020 });
	});

	it('refuses a budget starting after the target year, or of 0 or less', async () => {
		const before = dataDigest(handle);
		const report = await load(
			`${BUDGET}\nLeeds,Whole area,2050,"42,000",2051,Late\nLeeds,Whole area,2050,0,2020,Zero\n` +
				`Leeds,Whole area,2050,-3,2020,Negative\n`
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'carbon_budget_kt',
				values: ['0', '-3'],
				rows: [3, 4],
				message: 'expected a carbon budget in kt CO2e, more than 0'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'budget_start_year',
				values: ['2051'],
				rows: [2],
				message: 'budget_start_year 2051 is after target_year 2050'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});
});
