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
import { eligibleTypeCodes, templateCompetitionsFeed } from './template-competitions';

const FILE = fixture('templates/competitions.csv');

let handle: DbHandle;
const load = (source: string) => importFile(handle, templateCompetitionsFeed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	handle.sqlite
		.prepare("INSERT INTO funders (name, kind) VALUES ('DESNZ (formerly BEIS)', 'department')")
		.run();
});
afterAll(() => handle.close());

const competition = (scheme: string) =>
	handle.sqlite
		.prepare(
			'SELECT c.*, f.name AS funder FROM competitions c LEFT JOIN funders f ON f.id = c.funder_id WHERE scheme = ?'
		)
		.get(scheme) as Record<string, unknown>;
const datesOf = (id: unknown, event: string) =>
	handle.sqlite
		.prepare(
			'SELECT id, date, time, superseded_by_id, note FROM competition_dates WHERE competition_id = ? AND event = ? ORDER BY id'
		)
		.all(id, event) as {
		id: number;
		date: string;
		time: string | null;
		superseded_by_id: number | null;
		note: string | null;
	}[];

describe('competitions template', () => {
	it('imports the Excel-style fixture (BOM, header aliases, £ amounts, dd/mm/yyyy, blank row)', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 3,
			rowsAccepted: 3,
			rowsWritten: 3,
			fatal: null
		});
		expect(report.unmappedColumns).toEqual([]);
		expect(report.groups.filter((g) => g.severity !== 'info')).toEqual([]);
		const fund = competition('Test Decarbonisation Fund');
		expect(fund).toMatchObject({
			round: 'Phase 2',
			funder: 'DESNZ (formerly BEIS)',
			kind: 'competitive',
			theme: 'public buildings',
			budget_gbp: 230_000_000,
			min_award_gbp: 100_000,
			max_award_gbp: 5_000_000,
			match_funding_rule: '12% from the applicant',
			eligible_types: '["NMD","UA","CTY"]',
			eligibility_note: null,
			decision_date: '2025-03-31',
			spend_by_date: '2026-03-31',
			notes: 'Applicant webinar on 15/10/2024',
			is_sample: 0,
			batch_id: report.batchId
		});
		expect(datesOf(fund.id, 'opens')).toMatchObject([{ date: '2024-10-01', time: '09:00' }]);
		expect(datesOf(fund.id, 'closes')).toMatchObject([
			{ date: '2024-11-28', time: '12:00', superseded_by_id: null }
		]);
		expect(competition('Local Heat Networks Fund')).toMatchObject({
			kind: 'formula',
			budget_gbp: 1_200_000,
			funder: 'DESNZ (formerly BEIS)',
			eligible_types: null,
			eligibility_note: 'All councils in England'
		});
		expect(competition('Green Skills Pilot')).toMatchObject({
			kind: 'expression_of_interest',
			eligible_types: '["COMB","SRA"]'
		});
		// DESNZ written two ways is one funder.
		expect(countRows(handle, 'funders')).toBe(2);
	});

	it('writes nothing when the same file is imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 3 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('records a later closing date as an extension, keeping the old one superseded', async () => {
		const report = await load(
			'scheme,round,budget,opens,closes,closes_time,notes\n' +
				'Test Decarbonisation Fund,Phase 2,,01/10/2024,12/12/2024,12:00,Deadline extended\n'
		);
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(report.groups).toContainEqual(
			expect.objectContaining({
				severity: 'info',
				code: 'date_changed',
				column: 'closes',
				values: ['12/12/2024']
			})
		);
		const fund = competition('Test Decarbonisation Fund');
		const closes = datesOf(fund.id, 'closes');
		expect(closes).toMatchObject([
			{ date: '2024-11-28', superseded_by_id: closes[1]!.id },
			{ date: '2024-12-12', time: '12:00', superseded_by_id: null, note: 'Replaces 28/11/2024' }
		]);
		expect(datesOf(fund.id, 'opens')).toHaveLength(1);
		// blank cells kept what was stored
		expect(fund).toMatchObject({ budget_gbp: 230_000_000, notes: 'Deadline extended' });
	});

	it('keeps the extension when the older file is imported again', async () => {
		const report = await load(FILE);
		// only the first row's notes differ from the extension file; its old deadline is history
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1, rowsUnchanged: 2 });
		expect(report.groups).toContainEqual(
			expect.objectContaining({ code: 'date_already_replaced', rows: [2], values: ['28/11/2024'] })
		);
		const closes = datesOf(competition('Test Decarbonisation Fund').id, 'closes');
		expect(closes.map((d) => [d.date, d.superseded_by_id])).toEqual([
			['2024-11-28', closes[1]!.id],
			['2024-12-12', null]
		]);
	});

	it('undoes an extension exactly: the earlier date is current again', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'scheme,round,closes\nTest Decarbonisation Fund,Phase 2,19/12/2024\n'
		);
		expect(report.rowsWritten).toBe(1);
		expect(await undoImport(handle, report.batchId!)).toMatchObject({ ok: true });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('rejects a bad row, naming row, column, value and what was expected', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'scheme,round,kind,closes\nTest Decarbonisation Fund,Phase 3,Competitive,31/02/2025\nOther Fund,1,grant,\n'
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'closes',
				values: ['31/02/2025'],
				rows: [2],
				message:
					'expected a date as dd/mm/yyyy or yyyy-mm-dd, with a time as HH:MM after it or none'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'kind',
				values: ['grant'],
				rows: [3],
				message: 'expected "Competitive", "Formula" or "Expression of interest"'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	// Reported: a file giving one round £3m and then £9m stored £9m, with only a warning.
	it('refuses two rows of one round with different values, naming both rows', async () => {
		const before = dataDigest(handle);
		const header = 'scheme,round,budget,closes';
		const r = await load(
			`${header}\nRepeat Fund,Round 1,£3m,31/01/2027\nRepeat Fund,Round 1,£9m,31/01/2027\n`
		);
		expect(r).toMatchObject({ status: 'rejected', rowsAccepted: 1, rowsRejected: 1 });
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'conflicting_rows',
				column: 'round',
				rows: [3],
				values: ['Round 1'],
				message:
					'row 2 gives the same round "Round 1" with other values (budget: 3000000 in row 2, 9000000 here): correct or delete one of the two rows'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('stores a row repeated exactly once, and says so once', async () => {
		const row = 'Twice Fund,Round 1,£3m,31/01/2027';
		const r = await load(`scheme,round,budget,closes\n${row}\n${row}\n${row}\n`);
		expect(r).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'warning',
				code: 'repeated_row',
				count: 2,
				rows: [3, 4],
				message: 'repeats an earlier row of the file exactly: stored once'
			})
		]);
		expect(competition('Twice Fund')).toMatchObject({ budget_gbp: 3_000_000 });
		const id = competition('Twice Fund').id;
		expect(datesOf(id, 'closes')).toHaveLength(1);
	});

	it('reads a time written in the date cell as the time of that date', async () => {
		const report = await load(
			'scheme,round,opens,closes\nTimed Fund,1,01/10/2026 09:00,31/01/2027 23:59\n'
		);
		expect(report.status).toBe('committed');
		const id = competition('Timed Fund').id;
		expect(datesOf(id, 'opens')).toMatchObject([{ date: '2026-10-01', time: '09:00' }]);
		expect(datesOf(id, 'closes')).toMatchObject([{ date: '2027-01-31', time: '23:59' }]);
		// The same time in the time column too is no conflict.
		const again = await load(
			'scheme,round,closes,closes_time\nTimed Fund,1,31/01/2027 23:59,23:59\n'
		);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0 });
	});

	it('refuses a time in the date cell that differs from the time column, naming both', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'scheme,round,closes,closes_time\nTimed Fund,1,31/01/2027 23:59,12:00\n'
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toContainEqual(
			expect.objectContaining({
				severity: 'error',
				column: 'closes_time',
				rows: [2],
				message: 'closes_time 12:00 differs from the time in closes (23:59)'
			})
		);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('reads authority types, and keeps other eligibility wording as a note', () => {
		expect(eligibleTypeCodes('Districts; unitaries / county councils')).toEqual([
			'NMD',
			'UA',
			'CTY'
		]);
		expect(eligibleTypeCodes('London boroughs and the GLA')).toEqual(['LBO', 'SRA']);
		expect(eligibleTypeCodes('Councils with a heat network zone')).toBeNull();
	});
});
