/**
 * When an upper tier's members cannot all be summed to the latest year: Norfolk with six of its
 * seven districts in a 2019–2023 file (rows copied from the shipped DESNZ release) and King's
 * Lynn and West Norfolk only in the 2005–2020 series, or in none. The years a member lacks are
 * left out of the sum and said; figures that end before the members' do are old, shown with that
 * flag, and given no status, on the national view and on the council's own page alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, FEED_FIXTURES, importFile } from '../../../../tests/helpers/db';
import { currentAreaSeries } from './area-series';
import { getCouncilProgress } from './council-progress';
import { computeNationalProgress } from './national-progress';

const KINGS_LYNN = 'E07000146';
const NORFOLK_DISTRICTS = [
	'E07000143',
	'E07000144',
	'E07000145',
	'E07000147',
	'E07000148',
	'E07000149'
];

/** The shipped DESNZ rows of Norfolk's districts but King's Lynn, 2019–2023. */
function norfolkWithoutKingsLynn(): string {
	const [header, ...lines] = readFileSync(
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv'),
		'utf8'
	).split('\n');
	const kept = lines.filter((l) => {
		const [gss, , year] = l.split(',');
		return NORFOLK_DISTRICTS.includes(gss!) && Number(year) >= 2019;
	});
	expect(kept).toHaveLength(30);
	expect(lines.some((l) => l.startsWith(KINGS_LYNN))).toBe(true);
	return [header, ...kept].join('\n') + '\n';
}

const NORFOLK_TARGET =
	'Council,Scope,Net zero year,Target wording\nNorfolk County Council,Whole area,2030,Net zero Norfolk by 2030\n';

async function imported(handle: DbHandle, feed: string, source: string) {
	const report = await importFile(handle, feed, source);
	if (report.status !== 'committed') throw new Error(`${feed}: ${report.fatal}`);
}

const judge = (handle: DbHandle, measure: 'territorial' | 'scope_of_influence', windowYears = 5) =>
	computeNationalProgress({ measure, windowYears }, handle.db).rows.find((r) => r.code === 'NFK')!;

describe("a member's figures end in 2020: the sum stops there and is old", () => {
	let handle: DbHandle;
	beforeAll(async () => {
		handle = await createFixtureDb();
		// 2019–2020 of Norfolk itself and of King's Lynn (the fixture), then the six others to 2023.
		await imported(handle, 'mysociety-emissions', FEED_FIXTURES['mysociety-emissions']);
		await imported(handle, 'desnz-ghg-totals', norfolkWithoutKingsLynn());
		await imported(handle, 'targets', NORFOLK_TARGET);
	});
	afterAll(() => handle.close());

	it('sums 2019 and 2020 only, says why 2021–2023 are left out, and flags it old', () => {
		const s = currentAreaSeries('NFK', handle.db).find((x) => x.measure === 'scope_of_influence')!;
		expect(s.points.map((p) => p.year)).toEqual([2019, 2020]);
		expect(s.sum).toMatchObject({ inUse: true, membersPhrase: '7 districts' });
		expect(s.sum!.leftOut).toEqual([
			'2021–2023 are left out of the sum: Kings Lynn and West Norfolk has no figure for them.'
		]);
		expect(s.windowEndYear).toBe(2023);
		// Both releases are named: King's Lynn's figures are from the 2005–2020 series.
		expect(s.sources).toHaveLength(2);
		expect(s.releaseLabel).toMatch(
			/^sum of its 7 districts' figures, .*2005–2020.*; old: ends in 2020$/
		);
		expect(s.old).toMatch(
			/^these figures are old, so they are shown but not judged: the sum ends in 2020, but its members' figures run to 2023/
		);
	});

	it('gives no status, with the reason, on the national view and on its own page', () => {
		const row = judge(handle, 'scope_of_influence');
		expect(row).toMatchObject({ status: 'none', targetYear: 2030, latestYear: 2020 });
		expect(row.reason).toMatch(/these figures are old/);
		const page = getCouncilProgress(
			'NFK',
			{ today: '2025-04-01', measure: 'scope_of_influence' },
			handle.db
		);
		const target = page.targets.find((t) => t.row.scope === 'whole_area')!;
		expect(target.series!.old).toMatch(/these figures are old/);
		expect(target.progress).toMatchObject({ available: true, status: { available: false } });
	});

	it('says no sum can be made where a member has no figures in the measure at all', () => {
		// The 2005–2020 series has no territorial figures, so King's Lynn has none.
		const row = judge(handle, 'territorial');
		expect(row).toMatchObject({ status: 'none', latestYear: null });
		expect(row.reason).toBe(
			"no sum of its 7 districts' figures can be made: Kings Lynn and West Norfolk has no figures in this measure, so no year can be summed"
		);
	});
});

describe("a member has no figures: Norfolk's own 2005–2020 series stands in, old", () => {
	let handle: DbHandle;
	beforeAll(async () => {
		handle = await createFixtureDb();
		// The whole 2005–2020 series but King's Lynn's rows, so Norfolk's own figures reach back
		// far enough for a ten-year trend.
		const csv = readFileSync(
			join(DATA_DIR, 'la-emissions-mysociety-2005-2020/local_authority_emissions.csv'),
			'utf8'
		)
			.split('\n')
			.filter((l) => !/^\d{4},KIN,/.test(l))
			.join('\n');
		await imported(handle, 'mysociety-emissions', csv);
		await imported(handle, 'desnz-ghg-totals', norfolkWithoutKingsLynn());
		await imported(handle, 'targets', NORFOLK_TARGET);
	}, 60_000);
	afterAll(() => handle.close());

	it('shows the own series flagged old, and judges it on no window', () => {
		const s = currentAreaSeries('NFK', handle.db).find((x) => x.measure === 'scope_of_influence')!;
		expect(s.sum).toMatchObject({ inUse: false });
		expect(s.points.at(-1)!.year).toBe(2020);
		expect(s.releaseLabel).toMatch(/2005–2020.*; old: ends in 2020$/);
		expect(s.old).toMatch(
			/the council's own series ends in 2020 while its members' figures run to 2023, and no sum of its 7 districts' figures can be made: Kings Lynn and West Norfolk has no figures in this measure/
		);
		// Over ten years (2014–2023) the own series has seven figures, enough for a trend: it is
		// still not judged.
		const row = judge(handle, 'scope_of_influence', 10);
		expect(row).toMatchObject({ status: 'none', latestYear: 2020 });
		expect(row.projectedYear).not.toBeNull();
		expect(row.reason).toMatch(/these figures are old/);
	});
});
