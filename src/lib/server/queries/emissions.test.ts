import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import { reportLines } from '../import/report-text';
import { createFixtureDb, fixture, importFile } from '../../../../tests/helpers/db';
import { getAuthorityProfile } from './authority-profile';

const FIRST = fixture('emissions-totals/desnz-totals-two-councils.csv');
const LATER = fixture('emissions-totals/desnz-totals-later-trafford.csv');

let handle: DbHandle;
let later: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	const first = await importFile(handle, 'desnz-ghg-totals', FIRST);
	expect(first.status).toBe('committed');
	later = await importFile(handle, 'desnz-ghg-totals', LATER);
	expect(later.status).toBe('committed');
});
afterAll(() => handle.close());

/** A council's series for one measure of the totals dataset, as the profile page gets it. */
function series(code: string, measure: 'territorial' | 'scope_of_influence') {
	const profile = getAuthorityProfile(code, handle.db)!;
	return profile.emissions.find((e) => e.measure === measure)!;
}

describe('the emissions release in force, per council', () => {
	it("keeps every year of a council that a later, partial release does not cover (Cardiff's 2021)", () => {
		const cardiff = series('CRF', 'territorial');
		expect(cardiff.byYear.map((y) => [y.year, Math.round(y.totalKt * 100) / 100])).toEqual([
			[2019, 1818.65],
			[2020, 1618.94],
			[2021, 1803.22]
		]);
		expect(cardiff.release.label).toMatch(/desnz-totals-two-councils\.csv/);
	});

	it('draws a covered council from the later release alone, never splicing in older years', () => {
		const trafford = series('TRF', 'territorial');
		expect(trafford.release.label).toMatch(/desnz-totals-later-trafford\.csv/);
		expect(trafford.releases).toHaveLength(1);
		// 2019 exists only in the superseded release: it is not joined onto this line.
		expect(trafford.byYear.map((y) => [y.year, y.totalKt])).toEqual([
			[2020, 1420.25],
			[2021, 1560.5]
		]);
		expect(series('TRF', 'scope_of_influence').byYear.map((y) => y.totalKt)).toEqual([
			1040.5, 1180.75
		]);
	});

	it('labels each measure with its own gases: territorial in CO2e, scope of influence in CO2', () => {
		expect(series('CRF', 'territorial').unit).toBe('kt CO2e');
		expect(series('CRF', 'scope_of_influence').unit).toBe('kt CO2');
	});

	it('says in the import report how many councils the release covers against the one it supersedes', () => {
		const note = later.groups.find((g) => g.code === 'release_coverage');
		expect(note).toMatchObject({ severity: 'info', count: 1, rows: [] });
		expect(note!.message).toBe(
			'This release covers 1 council; the release it supersedes ("DESNZ local authority greenhouse gas emissions, totals per council (' +
				FIRST +
				')") covers 2 councils. It is in force for the councils it covers; the other council keeps the figures of the release it supersedes.'
		);
		expect(reportLines({ ...later, feed: later.feed }, 0)).toContain(`  note: ${note!.message}`);
	});
});
