import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	countRows,
	createFixtureDb,
	FEED_FIXTURES,
	importFile
} from '../../../../tests/helpers/db';

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'mysociety-plans', FEED_FIXTURES['mysociety-plans']);
});
afterAll(() => handle.close());

const plansOf = (code: string) =>
	handle.sqlite
		.prepare('SELECT * FROM plans WHERE authority_code = ? ORDER BY id')
		.all(code) as Record<string, unknown>[];

describe('mysociety-plans feed', () => {
	it('skips rows with no document address, with an info issue, and still commits', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 11,
			rowsAccepted: 9,
			rowsRejected: 2,
			fatal: null
		});
		expect(report.groups).toContainEqual(
			expect.objectContaining({
				severity: 'info',
				code: 'no_document',
				column: 'url',
				message: 'no document address: nothing to store',
				count: 2,
				rows: [11, 12]
			})
		);
		expect(report.groups.filter((g) => g.severity !== 'info')).toEqual([]);
		expect(countRows(handle, 'plans')).toBe(9);
		expect(plansOf('ANS')).toEqual([]);
	});

	it('folds document types to lower case and a blank type to null', () => {
		expect(plansOf('BPL')[0]).toMatchObject({
			type: 'action plan',
			title: 'Climate Emergency Action Plan',
			out_of_date: 0,
			file_type: 'pdf'
		});
		expect(plansOf('WFT').map((p) => p.type)).toEqual(['meeting minutes', 'action plan']);
		expect(plansOf('GMCA')[0]!.type).toBeNull();
	});

	it('reads every date style the source uses', () => {
		expect(plansOf('CMA')[0]!.date_retrieved).toBe('2021-03-01'); // "1 March 2021"
		expect(plansOf('GMCA')[0]!.date_retrieved).toBe('2020-08-26'); // "26/8/2020"
		expect(plansOf('KIN').map((p) => p.date_retrieved)).toEqual(['2020-10-09', '2022-03-07']); // ISO, "07/03/22"
		expect(plansOf('TRF')[0]).toMatchObject({ date_retrieved: null, last_update: '2024-03-13' });
	});

	it('re-import changes nothing', async () => {
		const again = await importFile(handle, 'mysociety-plans', FEED_FIXTURES['mysociety-plans']);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 9 });
	});

	it('rejects a document address that is not a web address, javascript: too', async () => {
		const csv =
			'local-authority-code,url,type\nTRF,not a url,Action plan\nKIN,javascript:alert(1),Action plan\n';
		const r = await importFile(handle, 'mysociety-plans', csv);
		expect(r.status).toBe('rejected');
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'url',
				message: 'expected a web address starting with http:// or https://',
				rows: [2, 3],
				values: ['not a url', 'javascript:alert(1)']
			})
		]);
		expect(countRows(handle, 'plans')).toBe(9);
	});
});
