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
