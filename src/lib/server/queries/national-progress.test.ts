/**
 * The national progress rows on the real DESNZ 2005–2023 totals and the promises fixture (eleven
 * councils' rows): every current council has a row, each whole-area target is judged on the
 * council's current series, and the ones that cannot be judged keep their row with the reason.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, FEED_FIXTURES, importFile } from '../../../../tests/helpers/db';
import { getNationalProgress } from './national-progress';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb(['mysociety-promises']);
	// The 2005–2020 scope-of-influence series of a few councils (a county and a combined authority
	// among them: the only figures those have), then the 2005–2023 totals.
	await importFile(handle, 'mysociety-emissions', FEED_FIXTURES['mysociety-emissions']);
	await importFile(
		handle,
		'desnz-ghg-totals',
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')
	);
});
afterAll(() => handle.close());

const territorial = () =>
	getNationalProgress({ measure: 'territorial', windowYears: 5 }, handle.db);
const row = (p: ReturnType<typeof territorial>, code: string) => {
	const found = p.rows.filter((r) => r.code === code);
	expect(found).toHaveLength(1);
	return found[0]!;
};

describe('getNationalProgress', () => {
	it('judges Trafford (2038) red: net zero in 2051 territorial, 2044 in scope of influence', () => {
		// Worked by hand in metrics/progress-trafford.test.ts from the same DESNZ rows: the 2019–2023
		// territorial line falls 50.208 kt a year from 1497.322 kt in 2021 and reaches zero in
		// 2050.82, so 2051, 13 years after 2038; the scope-of-influence line (−49.705 kt a year from
		// 1113.724 kt) in 2043.41, so 2044, 6 years after. Both are more than 5 years late: red.
		expect(row(territorial(), 'TRF')).toMatchObject({
			name: 'Trafford',
			type: 'MD',
			nation: 'England',
			targetYear: 2038,
			status: 'red',
			reason: null,
			yearsAfterTarget: 13,
			latestYear: 2023,
			latestKt: expect.closeTo(1393.071, 3),
			unit: 'kt CO2e',
			projectedYear: 2051,
			projection: '2051',
			releaseLabel: expect.stringMatching(/2005–2023/)
		});
		const influence = getNationalProgress(
			{ measure: 'scope_of_influence', windowYears: 5 },
			handle.db
		);
		expect(row(influence, 'TRF')).toMatchObject({
			status: 'red',
			yearsAfterTarget: 6,
			projectedYear: 2044,
			unit: 'kt CO2'
		});
	});

	it('gives every current council a row: those without a whole-area target say so', () => {
		const p = territorial();
		expect(p.councils).toBe(397);
		expect(new Set(p.rows.map((r) => r.code)).size).toBe(397);
		// Barnet's promise row is "No promise"; Cumbria and Allerdale are abolished.
		expect(row(p, 'BNE')).toMatchObject({ status: 'no_target', targetYear: null });
		expect(row(p, 'BNE').reason).toMatch(/no whole-area net-zero target/);
		expect(p.rows.some((r) => r.code === 'ALL' || r.code === 'CMA')).toBe(false);
		// Allerdale's 2030 target is left out and counted; King's Lynn's is council operations only.
		expect(p.abolishedAreaTargets).toBe(1);
		expect(p.councilOperationsTargets).toBe(2);
		expect(row(p, 'KIN').status).toBe('no_target');
	});

	it("judges a combined authority on its members' figures summed, in both measures", () => {
		// Greater Manchester's 10 councils, 2019–2023: the territorial line reaches zero in 2045
		// (worked in upper-tier-progress.test.ts), 7 years after 2038.
		const gmca = row(territorial(), 'GMCA');
		expect(gmca).toMatchObject({
			status: 'red',
			targetYear: 2038,
			latestYear: 2023,
			projectedYear: 2045,
			reason: null
		});
		expect(gmca.releaseLabel).toMatch(/^sum of its 10 member councils' figures, DESNZ/);
		// Its own 2005–2020 figures (2019 and 2020 in the fixture) are not what it is judged on: the
		// members' scope-of-influence line reaches zero in 2043, 5 years late, amber.
		const influence = getNationalProgress(
			{ measure: 'scope_of_influence', windowYears: 5 },
			handle.db
		);
		expect(row(influence, 'GMCA')).toMatchObject({
			latestYear: 2023,
			status: 'amber',
			projectedYear: 2043
		});
	});

	it('keeps a target that names no year, without a status', () => {
		expect(row(territorial(), 'ABE')).toMatchObject({
			status: 'none',
			targetYear: null,
			reason: 'the target names no year'
		});
	});

	it('counts the seven whole-area targets of current councils, each once', () => {
		// Green: Waltham Forest (2050, net zero 2034). Amber: Manchester (2038, 2043). Red: Trafford,
		// Greater Manchester (2038, 2045), Blackpool (2030, 2042), Aberdeenshire (2045, 2075). No
		// status: Aberdeen (no year).
		const p = territorial();
		expect(p.counts.all).toEqual({ green: 1, amber: 1, red: 4, none: 1, total: 7 });
		expect(p.councilsWithTarget).toBe(7);
		expect(p.counts.byYear.map((g) => [g.label, g.counts.total])).toEqual([
			['2030', 1],
			['2038', 3],
			['2045', 1],
			['2050', 1],
			['No year named', 1]
		]);
		expect(p.counts.byNation.map((g) => [g.label, g.counts.total])).toEqual([
			['England', 5],
			['Scotland', 2]
		]);
		expect(p.releaseLabels).toEqual([expect.stringMatching(/DESNZ .*2005–2023/)]);
	});

	it('fits the trend over the window asked for', () => {
		// Manchester is amber on the 2019–2023 line (2043, 5 years after 2038); the 2014–2023 line
		// reaches zero a year later, 2044, 6 years after: red. The window can change the verdict.
		const ten = getNationalProgress({ measure: 'territorial', windowYears: 10 }, handle.db);
		const five = row(territorial(), 'MAN');
		expect(five).toMatchObject({ status: 'amber', projectedYear: 2043 });
		expect(row(ten, 'MAN')).toMatchObject({ status: 'red', projectedYear: 2044 });
	});
});
