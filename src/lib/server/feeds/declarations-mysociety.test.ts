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
	report = await importFile(
		handle,
		'mysociety-declarations',
		FEED_FIXTURES['mysociety-declarations']
	);
});
afterAll(() => handle.close());

const declaration = (code: string) =>
	handle.sqlite.prepare('SELECT * FROM declarations WHERE authority_code = ?').get(code) as Record<
		string,
		unknown
	>;

describe('mysociety-declarations feed', () => {
	it('commits every fixture row, one declaration per council', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 12,
			rowsAccepted: 12,
			rowsRejected: 0
		});
		expect(countRows(handle, 'declarations')).toBe(12);
	});

	it('stores "05/2019" as 2019-05-01 with month precision, and notes it', () => {
		expect(declaration('DBY')).toMatchObject({ date_made: '2019-05-01', date_precision: 'month' });
		expect(report.groups).toContainEqual(
			expect.objectContaining({
				severity: 'info',
				code: 'month_only_date',
				column: 'date_made',
				rows: [7]
			})
		);
	});

	it('stores dd/mm/yyyy dates with day precision', () => {
		expect(declaration('TRF')).toMatchObject({ date_made: '2018-11-28', date_precision: 'day' });
		expect(declaration('BNE')).toMatchObject({ date_made: '2022-05-24', date_precision: 'day' });
	});

	it('the first word of free text decides `declared`; the words are kept', () => {
		expect(declaration('CAS')).toMatchObject({
			declared: 0,
			made_text: 'N - turned it down on Sept 2020',
			date_made: null,
			date_precision: null
		});
		expect(declaration('DBY')).toMatchObject({ declared: 0, made_text: 'N - but made pledges' });
		expect(declaration('ALL')).toMatchObject({
			declared: 1,
			made_text: "Y (used the word 'emergency')"
		});
		expect(declaration('TRF')).toMatchObject({ declared: 1, made_text: 'Y' });
	});

	it('keeps only real web addresses as motion links ("Loading...", "#ERROR!" dropped)', () => {
		expect(declaration('TRF').motion_url).toBe(
			'https://democratic.trafford.gov.uk/ieListDocuments.aspx?CId=122&MId=2681&Ver=4'
		);
		expect(declaration('BPL').motion_url).toBeNull();
		expect(declaration('CMA').motion_url).toBeNull();
	});

	it('reads the council target year and keeps the whole-area text', () => {
		expect(declaration('MAN')).toMatchObject({
			council_target_year: 2038,
			whole_area_target_text: '2038'
		});
		expect(declaration('CMA')).toMatchObject({
			council_target_year: 2037,
			whole_area_target_text: '2037?'
		});
	});

	it('keeps abolished councils as themselves', () => {
		expect(declaration('ALL')).toBeDefined();
		expect(declaration('COP')).toBeDefined();
		expect(report.groups.filter((g) => g.code === 'abolished_council')).toHaveLength(3);
	});
});
