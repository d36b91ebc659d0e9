/**
 * The compare rows on the fixture database, checked against the source files and tables read
 * here independently: the DESNZ totals CSV for emissions, the targets and awards tables for
 * targets and pots, the register for who is in the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompareState, viewRows } from '../../compare/state';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, importFile } from '../../../../tests/helpers/db';
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
	rows = getCompareRows({ measure: 'territorial', windowYears: 5 }, handle.db).rows;
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

	it('counts the pots each council won as lead, from the awards table', () => {
		const pots = handle.sqlite
			.prepare(
				'SELECT authority_code AS code, count(DISTINCT competition_id) AS n FROM awards WHERE is_sample = 0 GROUP BY authority_code'
			)
			.all() as { code: string; n: number }[];
		expect(pots.length).toBeGreaterThan(0);
		for (const p of pots) {
			const r = rows.find((x) => x.code === p.code);
			if (r) expect(r.potsWon, p.code).toBe(p.n);
		}
		const view = viewRows(rows, state('sort=potsWon&dir=desc'));
		expect(view[0]!.potsWon).toBe(Math.max(...pots.map((p) => p.n)));
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
