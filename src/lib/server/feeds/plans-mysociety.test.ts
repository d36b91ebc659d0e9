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

// Reported: the 2022 edition of the plans sheet has no last_update, out_of_date or file_type
// columns; importing it set those fields to NULL on 453 stored plans.
describe('an edition of the sheet that lacks columns', () => {
	it('leaves the fields it does not have as stored, and writes the ones it has', async () => {
		const db = await createFixtureDb();
		try {
			const full =
				'local-authority-code,url,title,type,last_update,out_of_date,file_type\n' +
				'TRF,https://www.trafford.gov.uk/plan.pdf,Carbon Plan,Action plan,2024-03-13,False,pdf\n';
			expect((await importFile(db, 'mysociety-plans', full)).status).toBe('committed');
			const older =
				'local-authority-code,url,title,type\n' +
				'TRF,https://www.trafford.gov.uk/plan.pdf,Carbon Neutral Action Plan,Action plan\n';
			const r = await importFile(db, 'mysociety-plans', older);
			expect(r).toMatchObject({ status: 'committed', rowsWritten: 1 });
			const [plan] = db.sqlite.prepare('SELECT * FROM plans').all() as Record<string, unknown>[];
			expect(plan).toMatchObject({
				title: 'Carbon Neutral Action Plan',
				last_update: '2024-03-13',
				out_of_date: 0,
				file_type: 'pdf'
			});
			// A blank cell, unlike a missing column, does say "no value".
			const blank =
				'local-authority-code,url,type,file_type\nTRF,https://www.trafford.gov.uk/plan.pdf,Action plan,\n';
			await importFile(db, 'mysociety-plans', blank);
			expect(db.sqlite.prepare('SELECT file_type, last_update FROM plans').get()).toEqual({
				file_type: null,
				last_update: '2024-03-13'
			});
		} finally {
			db.close();
		}
	});
});
