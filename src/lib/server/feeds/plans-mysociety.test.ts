import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import { undoImport } from '../import/undo-import';
import { rowCountsSentence } from '../../import-counts';
import {
	countRows,
	createFixtureDb,
	dataDigest,
	FEED_FIXTURES,
	fixture,
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
	// Reported: notes that are information only were counted as "set aside" in the summary.
	it('skips rows with no document address, with a note, not counted as set aside', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 11,
			rowsAccepted: 9,
			rowsRejected: 0,
			rowsSkipped: 2,
			fatal: null
		});
		expect(rowCountsSentence(report)).toBe(
			'11 rows read: 9 valid, 2 with nothing to store (see the notes), 0 set aside'
		);
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
			// Without last_update it cannot be shown newer than the stored plan: kept, unless asked.
			const kept = await importFile(db, 'mysociety-plans', older);
			expect(kept).toMatchObject({ status: 'committed', rowsWritten: 0, valuesSetBack: 1 });
			const r = await importFile(db, 'mysociety-plans', older, { allowOlder: true });
			expect(r).toMatchObject({ status: 'committed', rowsWritten: 1 });
			const [plan] = db.sqlite.prepare('SELECT * FROM plans').all() as Record<string, unknown>[];
			expect(plan).toMatchObject({
				title: 'Carbon Neutral Action Plan',
				last_update: '2024-03-13',
				out_of_date: 0,
				file_type: 'pdf'
			});
			// A blank cell keeps the stored value too, unless the user asks for it to be cleared.
			const blank =
				'local-authority-code,url,type,file_type,last_update\nTRF,https://www.trafford.gov.uk/plan.pdf,Action plan,,2024-03-13\n';
			const blankKept = await importFile(db, 'mysociety-plans', blank);
			expect(blankKept).toMatchObject({ status: 'committed', rowsWritten: 0, valuesSetBack: 1 });
			expect(blankKept.groups).toContainEqual(
				expect.objectContaining({ code: 'blank_over_stored', column: 'file_type', rows: [2] })
			);
			expect(db.sqlite.prepare('SELECT file_type, last_update FROM plans').get()).toEqual({
				file_type: 'pdf',
				last_update: '2024-03-13'
			});
			await importFile(db, 'mysociety-plans', blank, { allowOlder: true });
			expect(db.sqlite.prepare('SELECT file_type, last_update FROM plans').get()).toEqual({
				file_type: null,
				last_update: '2024-03-13'
			});
		} finally {
			db.close();
		}
	});
});

// Reported: importing the 2022 edition of the sheet after the shipped one blanked date_retrieved
// on 5 plans, moved 4 dates back, reverted 9 titles and 3 types, and stored rows against abolished
// councils without saying so. The fixture is shipped rows edited as that edition has them.
describe('an older edition of the sheet after the current one', () => {
	const OLDER = fixture('plans-2022-edition.csv');
	const plan = (db: DbHandle, code: string, url: string) =>
		db.sqlite
			.prepare(
				'SELECT title, type, date_retrieved, last_update FROM plans WHERE authority_code = ? AND url LIKE ?'
			)
			.get(code, `${url}%`);
	const CMA = ['CMA', 'https://www.cumbria.gov.uk/'] as const;
	const KIN_PDF = ['KIN', 'https://democracy.west-norfolk.gov.uk/'] as const;
	const KIN_HTML = ['KIN', 'https://www.west-norfolk.gov.uk/'] as const;
	const WFT = ['WFT', 'https://www.walthamforest.gov.uk/'] as const;

	it('keeps every newer date, title and type, fills only blanks, and says what it kept', async () => {
		const db = await createFixtureDb(['mysociety-plans']);
		try {
			const before = [CMA, KIN_PDF, KIN_HTML, WFT].map(([c, u]) => plan(db, c, u));
			const r = await importFile(db, 'mysociety-plans', OLDER);
			expect(r).toMatchObject({ status: 'committed', valuesSetBack: 8, setBackAllowed: false });
			expect([CMA, KIN_PDF, KIN_HTML, WFT].map(([c, u]) => plan(db, c, u))).toEqual(before);
			expect(plan(db, 'CMA', CMA[1])).toMatchObject({
				title: 'Carbon Management Strategy (Corporate Estate) 2020–2025',
				date_retrieved: '2021-03-01'
			});
			// Blackpool's plan had no date: the older sheet's date fills it, setting nothing back.
			expect(plan(db, 'BPL', 'https://www.blackpool.gov.uk/')).toMatchObject({
				date_retrieved: '2021-01-12',
				last_update: '2023-09-26'
			});
			expect(r.groups).toContainEqual(
				expect.objectContaining({
					severity: 'warning',
					code: 'older_than_stored',
					column: 'last_update',
					rows: [2, 3, 4, 5]
				})
			);
			const note = r.groups.find((g) => g.code === 'abolished_councils');
			expect(note).toMatchObject({ severity: 'info', rows: [] });
			expect(note!.message).toBe(
				'3 rows name a council that has been abolished: Allerdale (ALL), 1 row, kept against it; Cumbria (CMA), 1 row, kept against it; Copeland (COP), 1 row, kept against it.'
			);
		} finally {
			db.close();
		}
	});

	it('a check (dry run) says how many values it would set back, writing nothing', async () => {
		const db = await createFixtureDb(['mysociety-plans']);
		try {
			const before = dataDigest(db);
			const r = await importFile(db, 'mysociety-plans', OLDER, { dryRun: true });
			expect(r).toMatchObject({ status: 'dry-run', valuesSetBack: 8 });
			expect(dataDigest(db)).toEqual(before);
		} finally {
			db.close();
		}
	});

	it('sets the values back only when asked, and that import undoes exactly', async () => {
		const db = await createFixtureDb(['mysociety-plans']);
		try {
			const before = dataDigest(db);
			const r = await importFile(db, 'mysociety-plans', OLDER, { allowOlder: true });
			expect(r).toMatchObject({ status: 'committed', valuesSetBack: 8, setBackAllowed: true });
			expect(plan(db, 'WFT', WFT[1])).toMatchObject({
				title: 'Climate Action Plan',
				type: 'climate strategy',
				date_retrieved: '2021-02-20'
			});
			expect(plan(db, 'KIN', KIN_HTML[1])).toMatchObject({ type: null });
			expect(r.groups).toContainEqual(
				expect.objectContaining({ severity: 'info', code: 'older_than_stored', rows: [2, 3, 4, 5] })
			);
			expect((await undoImport(db, r.batchId!)).ok).toBe(true);
			expect(dataDigest(db)).toEqual(before);
		} finally {
			db.close();
		}
	});
});
