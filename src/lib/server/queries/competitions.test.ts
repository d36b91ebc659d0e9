/**
 * Competitions as the deadlines page sees them, against the real published funding facts: current
 * and superseded dates, window lengths, status on an injected today, and every filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb, csvSource, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import {
	listCompetitionFilterOptions,
	listCompetitions,
	roundsCurrency,
	serverToday,
	type CompetitionRow
} from './competitions';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const report = await importFile(
		handle,
		'funding-facts',
		'data/funding-published-facts/funding_published_facts.csv',
		{ mode: 'accept-valid' }
	);
	expect(report.status).toBe('committed');
});
afterAll(() => handle.close());

const TODAY = '2024-01-25';
const find = (rows: CompetitionRow[], scheme: string, round: string) => {
	const row = rows.find((r) => r.scheme === scheme && r.round === round);
	if (!row) throw new Error(`${scheme} ${round} not listed`);
	return row;
};
const names = (rows: CompetitionRow[]) => rows.map((r) => `${r.scheme} ${r.round}`);

describe('listCompetitions', () => {
	it('gives HUG2 both assessment deadlines, the later as its close', () => {
		const hug2 = find(
			listCompetitions({}, TODAY, handle.db),
			'Home Upgrade Grant',
			'Phase 2 (HUG2)'
		);
		expect(hug2.deadlines.map((d) => d.date)).toEqual(['2022-11-18', '2023-01-27']);
		expect(hug2.closes?.date).toBe('2023-01-27');
		expect(hug2.history).toEqual([]);
		expect(hug2.extensions).toBe(0);
		expect(hug2.funder).toBe('DESNZ (formerly BEIS)');
		expect(hug2.kind).toBe('competitive');
		expect(hug2.budgetGbp).toBe(630_000_000);
		expect(hug2.eligibleTypes).toContain('NMD');
		expect(hug2.sourceUrl).toMatch(/^https:\/\/gov\.uk\//);
		expect(hug2.status).toBe('closed');
		expect(hug2.windowDays).toBeNull(); // no published opening date
	});

	it('keeps the SHDF Wave 2.2 extension as history', () => {
		const shdf = find(
			listCompetitions({}, TODAY, handle.db),
			'Social Housing Decarbonisation Fund',
			'Wave 2.2'
		);
		expect(shdf.closes).toMatchObject({ date: '2024-01-31', time: '23:59', precision: 'day' });
		expect(shdf.deadlines.map((d) => d.date)).toEqual(['2024-01-31']);
		expect(shdf.opens).toMatchObject({ date: '2023-11-20', time: '10:00' });
		expect(shdf.history).toEqual([
			expect.objectContaining({
				event: 'closes',
				date: '2024-01-19',
				replacedBy: '2024-01-31',
				text: 'extended from 19 January to 31 January 2024'
			})
		]);
		expect(shdf.extensions).toBe(1);
		expect(shdf.windowDays).toBe(72);
		expect(shdf.isShortWindow).toBe(false);
	});

	it('measures the Levelling Up Fund Round 2 window as 18 days, a short one', () => {
		const luf = find(listCompetitions({}, TODAY, handle.db), 'Levelling Up Fund', 'Round 2');
		expect(luf.opens?.date).toBe('2022-07-15');
		expect(luf.closes).toMatchObject({ date: '2022-08-02', time: '12:00' });
		expect(luf.windowDays).toBe(18);
		expect(luf.isShortWindow).toBe(true);
	});

	it('uses the re-run opening of PSDS Phase 3c and does not count it as an extension', () => {
		const psds = find(
			listCompetitions({}, TODAY, handle.db),
			'Public Sector Decarbonisation Scheme',
			'Phase 3c'
		);
		expect(psds.opens?.date).toBe('2023-11-07');
		expect(psds.history).toEqual([
			expect.objectContaining({ event: 'opens', date: '2023-10-10', replacedBy: '2023-11-07' })
		]);
		expect(psds.history[0]!.text).toBe('opening moved from 10 October to 7 November 2023');
		expect(psds.extensions).toBe(0);
		expect(psds.windowDays).toBe(3);
	});

	it('gives status relative to the injected today', () => {
		const at = (today: string) =>
			find(
				listCompetitions({}, today, handle.db),
				'Social Housing Decarbonisation Fund',
				'Wave 2.2'
			);
		expect(at('2023-11-19')).toMatchObject({ status: 'upcoming', daysToOpen: 1 });
		expect(at('2023-11-20')).toMatchObject({ status: 'open', closingSoon: false });
		expect(at('2024-01-25')).toMatchObject({ status: 'open', closingSoon: true, daysToClose: 6 });
		// The original deadline has passed, but the extension keeps it open.
		expect(at('2024-01-20').status).toBe('open');
		expect(at('2024-01-31')).toMatchObject({ status: 'open', daysToClose: 0 });
		expect(at('2024-02-01').status).toBe('closed');
	});

	it('treats a round with a deadline but no opening date as open until the deadline', () => {
		const at = (today: string) =>
			find(listCompetitions({}, today, handle.db), 'Home Upgrade Grant', 'Phase 2 (HUG2)');
		expect(at('2022-12-01')).toMatchObject({ status: 'open', daysToClose: 57, closingSoon: false });
		expect(at('2023-01-27').status).toBe('open');
		expect(at('2023-01-28').status).toBe('closed');
	});

	it('says unknown for a round with no dates', () => {
		const rows = listCompetitions({}, TODAY, handle.db);
		const lad = find(rows, 'Green Homes Grant Local Authority Delivery', 'Phase 1A');
		expect(lad).toMatchObject({ status: 'unknown', opens: null, closes: null, windowDays: null });
	});

	it('filters by status on today', () => {
		const open = listCompetitions({ status: 'open' }, TODAY, handle.db);
		expect(names(open)).toEqual(['Social Housing Decarbonisation Fund Wave 2.2']);
		const upcoming = listCompetitions({ status: 'upcoming' }, TODAY, handle.db);
		expect(names(upcoming)).toEqual([
			'Public Sector Decarbonisation Scheme Phase 4',
			'Warm Homes: Local Grant 2025-28'
		]);
		expect(listCompetitions({ status: 'open' }, '2025-06-01', handle.db)).toEqual([]);
	});

	it('filters by kind, theme, funder and text', () => {
		const db = handle.db;
		expect(names(listCompetitions({ kind: 'formula' }, TODAY, db))).toEqual([
			'UK Shared Prosperity Fund 2022-25'
		]);
		const buildings = listCompetitions({ theme: 'public buildings' }, TODAY, db);
		expect(buildings.length).toBeGreaterThan(0);
		expect(buildings.every((c) => c.scheme === 'Public Sector Decarbonisation Scheme')).toBe(true);
		const mhclg = listCompetitions({ funder: 'MHCLG (formerly DLUHC)' }, TODAY, db);
		expect(new Set(mhclg.map((c) => c.scheme))).toEqual(
			new Set(['Levelling Up Fund', 'UK Shared Prosperity Fund'])
		);
		expect(names(listCompetitions({ q: 'wave 2.2' }, TODAY, db))).toEqual([
			'Social Housing Decarbonisation Fund Wave 2.2'
		]);
		expect(listCompetitions({ q: 'no such scheme' }, TODAY, db)).toEqual([]);
	});

	it('filters by eligible type, keeping rounds that do not say who may bid', () => {
		const scottish = listCompetitions({ type: 'SCO' }, TODAY, handle.db);
		expect(scottish.some((c) => c.scheme === 'Home Upgrade Grant')).toBe(false);
		expect(scottish.some((c) => c.scheme === 'Public Sector Decarbonisation Scheme')).toBe(true);
		expect(scottish.every((c) => c.eligibleTypes === null || c.eligibleTypes.includes('SCO'))).toBe(
			true
		);
		const districts = listCompetitions({ type: 'NMD' }, TODAY, handle.db);
		expect(districts.some((c) => c.scheme === 'Home Upgrade Grant')).toBe(true);
	});

	it('shows an officer-entered round with its eligibility note, as sample data when marked', async () => {
		const db = createTestDb();
		try {
			await loadAuthorities(db);
			const csv =
				'scheme,round,funder,kind,theme,eligible,opens,opens_time,closes,closes_time,source_url\n' +
				'Example Fund,Round 1,Example Agency,Competitive,nature,"Any public body, with partners",01/07/2025,09:00,15/08/2025,12:00,https://example.org/fund\n';
			const report = await importFile(db, 'competitions', csvSource(csv), { isSample: true });
			expect(report.status).toBe('committed');
			const [row] = listCompetitions({ type: 'UA' }, '2025-08-01', db.db);
			expect(row).toMatchObject({
				scheme: 'Example Fund',
				funder: 'Example Agency',
				eligibleTypes: null,
				eligibilityNote: 'Any public body, with partners',
				isSample: true,
				status: 'open',
				closingSoon: true,
				windowDays: 45,
				isShortWindow: false,
				sourceUrl: 'https://example.org/fund'
			});
		} finally {
			db.close();
		}
	});
});

describe('listCompetitionFilterOptions', () => {
	it('lists themes, funders, kinds and authority types', () => {
		const options = listCompetitionFilterOptions(handle.db);
		expect(options.themes).toContain('housing retrofit');
		expect(options.funders).toContain('DESNZ (formerly BEIS)');
		expect(options.kinds).toContainEqual({ value: 'formula', label: 'Formula allocation' });
		expect(options.types.map((t) => t.code)).toContain('NMD');
	});
});

describe('serverToday', () => {
	it('reads TODAY from the environment, else the UK date', () => {
		expect(serverToday({ TODAY: '2024-01-25' })).toBe('2024-01-25');
		expect(serverToday({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('roundsCurrency', () => {
	it('says when no real round is open or opens later, the newest deadline and the last import', () => {
		expect(roundsCurrency('2025-06-01', handle.db)).toEqual({
			newestDeadline: '2024-12-01',
			openOrUpcoming: 0,
			lastImported: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
		});
		// On a day when a round was open, it is counted.
		expect(roundsCurrency('2024-01-25', handle.db).openOrUpcoming).toBeGreaterThan(0);
	});

	it('lists formula money without dates as allocations, not as rounds missing dates', async () => {
		const csv = [
			'Scheme name,Round,Funder,Type,Budget GBP,Purpose',
			'Test Active Travel Allocation,2025-26,Active Travel England,Formula allocation,£5m,net_zero_partial'
		].join('\n');
		expect((await importFile(handle, 'competitions', csvSource(csv))).status).toBe('committed');
		const rows = listCompetitions({}, '2026-12-07', handle.db);
		expect(find(rows, 'Test Active Travel Allocation', '2025-26')).toMatchObject({
			status: 'allocation',
			purpose: 'net_zero_partial',
			funder: 'Active Travel England',
			budgetGbp: 5_000_000
		});
		expect(listCompetitions({ status: 'allocation' }, '2026-12-07', handle.db)).toHaveLength(1);
	});
});
