/**
 * The compare rows on the fixture database, checked against the source files and tables read
 * here independently: the DESNZ totals CSV for emissions, the targets and awards tables for
 * targets and pots, the register for who is in the table. The money each funding column counts
 * is checked on the shipped award list, recomputed by hand from its rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompareState, viewRows } from '../../compare/state';
import type { DbHandle } from '../db/client';
import {
	createFixtureDb,
	createTestDb,
	DATA_DIR,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { getCompareRows } from './compare';

const DESNZ = join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv');
let handle: DbHandle;
let rows: ReturnType<typeof getCompareRows>['rows'];

beforeAll(async () => {
	handle = await createFixtureDb([
		'mysociety-promises',
		'mysociety-declarations',
		'scheme-purposes',
		'funding-facts'
	]);
	await importFile(handle, 'desnz-ghg-totals', DESNZ);
	rows = getCompareRows(
		{ measure: 'territorial', windowYears: 5, money: 'net-zero' },
		handle.db
	).rows;
});
afterAll(() => handle.close());

const state = (q: string) => {
	const r = readCompareState(new URLSearchParams(q));
	if (!r.success) throw new Error(r.message);
	return r.data;
};

/** Per council (GSS code): % change 2005 → 2023 and t per person in 2023, from the file itself. */
function fromCsv() {
	const { data } = Papa.parse<Record<string, string>>(readFileSync(DESNZ, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const byCode = new Map<string, { y2005?: number; y2023?: number; pop2023?: number }>();
	for (const r of data) {
		const e = byCode.get(r.lad_code!) ?? {};
		const kt = Number(r.territorial_emissions_ktco2e);
		if (r.year === '2005') e.y2005 = kt;
		if (r.year === '2023') {
			e.y2023 = kt;
			e.pop2023 = Number(r.mid_year_population_thousands) * 1000;
		}
		byCode.set(r.lad_code!, e);
	}
	return new Map(
		[...byCode].map(([code, e]) => [
			code,
			{ pct: ((e.y2023! - e.y2005!) / e.y2005!) * 100, perHead: (e.y2023! * 1000) / e.pop2023! }
		])
	);
}

describe('getCompareRows', () => {
	it('has one row for each current council, and no other', () => {
		const current = handle.sqlite
			.prepare('SELECT code FROM authorities WHERE is_current = 1 ORDER BY code')
			.pluck()
			.all();
		expect(rows.map((r) => r.code).sort()).toEqual(current);
	});

	it("gives each council's emissions change since 2005 and per head as the DESNZ file does", () => {
		const csv = fromCsv();
		const checked = rows.filter((r) => r.gssCode && csv.has(r.gssCode));
		expect(checked.length).toBeGreaterThan(300);
		for (const r of checked) {
			const want = csv.get(r.gssCode!)!;
			expect(r.emissionsChangePct, r.code).toBeCloseTo(want.pct, 6);
			expect(r.emissionsPerHeadT, r.code).toBeCloseTo(want.perHead, 6);
			expect(r.emissionsYear).toBe(2023);
		}
		const trafford = rows.find((r) => r.code === 'TRF')!;
		expect(trafford.releaseLabel).toMatch(/2005.2023/);
	});

	it('sorts a filtered view by a figure as the source data orders it, blanks last', () => {
		const csv = fromCsv();
		const welsh = handle.sqlite
			.prepare(
				"SELECT code, gss_code AS gss, nice_name AS name FROM authorities WHERE is_current = 1 AND nation = 'Wales'"
			)
			.all() as { code: string; gss: string; name: string }[];
		const expected = welsh
			.map((w) => ({ ...w, pct: csv.get(w.gss)?.pct ?? null }))
			.sort(
				(a, b) =>
					(a.pct === null ? 1 : 0) - (b.pct === null ? 1 : 0) ||
					(b.pct ?? 0) - (a.pct ?? 0) ||
					a.name.localeCompare(b.name, 'en-GB')
			)
			.map((w) => w.code);
		const view = viewRows(rows, state('nation=Wales&sort=emissionsChangePct&dir=desc'));
		expect(view.map((r) => r.code)).toEqual(expected);
		expect(view.length).toBe(22);
	});

	it("filters by whole-area target year, the council's earliest in the targets table", () => {
		const with2030 = handle.sqlite
			.prepare(
				"SELECT t.authority_code FROM targets t JOIN authorities a ON a.code = t.authority_code WHERE t.scope = 'whole_area' AND a.is_current = 1 GROUP BY t.authority_code HAVING min(t.target_year) = 2030 ORDER BY 1"
			)
			.pluck()
			.all();
		expect(with2030.length).toBeGreaterThan(0);
		const view = viewRows(rows, state('target=2030'));
		expect(view.map((r) => r.code).sort()).toEqual(with2030);
	});

	it('counts the pots each council won as lead, from the awards table; none held is unknown, not 0', () => {
		// The fixture's schemes are all net-zero ones (scheme_purposes.csv): every award counts.
		const pots = handle.sqlite
			.prepare(
				'SELECT authority_code AS code, count(DISTINCT competition_id) AS n FROM awards WHERE is_sample = 0 GROUP BY authority_code'
			)
			.all() as { code: string; n: number }[];
		expect(pots.length).toBeGreaterThan(0);
		const won = new Map(pots.map((p) => [p.code, p.n]));
		for (const r of rows) {
			expect(r.potsWon, r.code).toBe(won.get(r.code) ?? null);
			expect(r.ledAward, r.code).toBe(won.has(r.code));
			if (!r.ledAward) {
				expect([r.perHeadGbp, r.effectivePots, r.competitiveShare], r.code).toEqual([
					null,
					null,
					null
				]);
			}
		}
		expect(rows.filter((r) => r.potsWon === 0)).toEqual([]);
		// Unknowns last whichever the direction, the most pots first.
		const most = Math.max(...pots.map((p) => p.n));
		for (const dir of ['asc', 'desc']) {
			const view = viewRows(rows, state(`sort=potsWon&dir=${dir}`));
			const known = view.findIndex((r) => r.potsWon === null);
			expect(known, dir).toBe(rows.filter((r) => r.potsWon !== null).length);
			expect(
				view.slice(known).every((r) => r.potsWon === null),
				dir
			).toBe(true);
			expect(view[dir === 'desc' ? 0 : known - 1]!.potsWon).toBe(most);
		}
	});

	it('compares published figures only: no bid success rate', () => {
		expect(rows.every((r) => !('successRate' in r))).toBe(true);
	});

	it('gives one on-track status per council and marks those without a whole-area target', () => {
		const withTarget = new Set(
			handle.sqlite
				.prepare("SELECT DISTINCT authority_code FROM targets WHERE scope = 'whole_area'")
				.pluck()
				.all() as string[]
		);
		for (const r of rows) {
			if (withTarget.has(r.code)) expect(r.status, r.code).not.toBe('no_target');
			else expect(r.status, r.code).toBe('no_target');
		}
	});
});

describe('the money the funding columns count, on the shipped award list', () => {
	const FACTS = join(DATA_DIR, 'funding-published-facts/funding_published_facts.csv');
	const REGISTER = join(DATA_DIR, 'uk-la-names-codes/uk_local_authorities_current.csv');
	const PURPOSES = join(DATA_DIR, 'funding-competitions-2025-2027/scheme_purposes.csv');
	let shipped: DbHandle;
	const options = { measure: 'territorial', windowYears: 5 } as const;
	const compare = (money: 'net-zero' | 'all') =>
		getCompareRows({ ...options, money }, shipped.db).rows;
	const of = (money: 'net-zero' | 'all', code: string) =>
		compare(money).find((r) => r.code === code)!;

	beforeAll(async () => {
		shipped = createTestDb();
		await loadAuthorities(shipped);
		await importFile(shipped, 'scheme-purposes', PURPOSES);
		await importFile(shipped, 'funding-facts', FACTS);
	});
	afterAll(() => shipped.close());

	it("counts Blackpool's net-zero awards by default, its Levelling Up Fund money with money=all", () => {
		const { data } = Papa.parse<Record<string, string>>(readFileSync(REGISTER, 'utf8'), {
			header: true,
			skipEmptyLines: true
		});
		const people = (code: string) =>
			Number(data.find((r) => r['local-authority-code'] === code)!['pop-2020']);
		expect(people('BPL')).toBe(138_381);
		// Net zero: HUG2 41,400,000 + SHDF 500,000 = 41,900,000 over 2 pots; / 138,381 = £302.79.
		expect(of('net-zero', 'BPL')).toMatchObject({ ledAward: true, potsWon: 2 });
		expect(of('net-zero', 'BPL').perHeadGbp!.toFixed(2)).toBe('302.79');
		// All money: + Levelling Up Fund round 3, 15,385,023 = 57,285,023 over 3 pots: £413.97.
		expect(of('all', 'BPL')).toMatchObject({ ledAward: true, potsWon: 3 });
		expect(of('all', 'BPL').perHeadGbp!.toFixed(2)).toBe('413.97');
		// Sandwell led one award, general money (Levelling Up Fund round 2, 20,000,000): unknown
		// on net-zero money, £60.78 a head (20,000,000 / 329,042) on all money.
		expect(people('SAW')).toBe(329_042);
		expect(of('net-zero', 'SAW')).toMatchObject({
			ledAward: false,
			perHeadGbp: null,
			potsWon: null,
			effectivePots: null,
			competitiveShare: null
		});
		expect(of('all', 'SAW')).toMatchObject({ ledAward: true, potsWon: 1, effectivePots: 1 });
		expect(of('all', 'SAW').perHeadGbp!.toFixed(2)).toBe('60.78');
	});

	it('holds figures for exactly the councils that led a published award of that money', () => {
		const leads = (purposes: string) =>
			new Set(
				shipped.sqlite
					.prepare(
						`SELECT DISTINCT a.authority_code FROM awards a JOIN competitions c ON c.id = a.competition_id
						 LEFT JOIN schemes s ON s.name = c.scheme WHERE a.is_sample = 0 AND ${purposes}`
					)
					.pluck()
					.all() as string[]
			);
		const netZero = leads("s.purpose IN ('net_zero_specific', 'net_zero_partial')");
		const any = leads('1');
		for (const [money, led] of [
			['net-zero', netZero],
			['all', any]
		] as const) {
			const rows = compare(money);
			expect(
				rows
					.filter((r) => r.ledAward)
					.map((r) => r.code)
					.sort(),
				money
			).toEqual(
				rows
					.filter((r) => led.has(r.code))
					.map((r) => r.code)
					.sort()
			);
			expect(
				rows.filter((r) => !r.ledAward && r.potsWon !== null),
				money
			).toEqual([]);
		}
		expect(any.size).toBeGreaterThan(netZero.size);
	});

	it('keeps one cached table per money counted', () => {
		expect(getCompareRows({ ...options, money: 'all' }, shipped.db)).toBe(
			getCompareRows({ ...options, money: 'all' }, shipped.db)
		);
		expect(getCompareRows({ ...options, money: 'all' }, shipped.db).money).toBe('all');
		expect(getCompareRows({ ...options, money: 'net-zero' }, shipped.db).money).toBe('net-zero');
	});
});
