/**
 * The home page's counts are of current councils' targets, as /progress and /compare count them:
 * the promises fixture holds Allerdale's 2030 whole-area target and Cumbria's council-operations
 * one, both councils abolished in 2023, which are left out and counted apart.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, importFile } from '../../../../tests/helpers/db';
import { getNationalOverview } from './national';
import { getNationalProgress, getProgressHeadline } from './national-progress';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb(['mysociety-promises']);
	await importFile(
		handle,
		'desnz-ghg-totals',
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')
	);
});
afterAll(() => handle.close());

describe('the home page counts', () => {
	it("counts current councils' targets only, and the abolished ones apart", () => {
		const o = getNationalOverview(handle.db);
		const councils = (scope: string) =>
			o.targetScopeTotals.find((s) => s.scope === scope)?.councils;
		// Aberdeen, Blackpool, Greater Manchester, Waltham Forest, Manchester, Trafford,
		// Aberdeenshire: not Allerdale.
		expect(councils('whole_area')).toBe(7);
		// Aberdeen and King's Lynn: not Cumbria.
		expect(councils('council_operations')).toBe(2);
		expect(o.abolishedTargets).toBe(2);
		const in2030 = o.targetYears.filter((t) => t.targetYear === 2030);
		expect(in2030).toEqual([{ scope: 'whole_area', targetYear: 2030, councils: 1 }]);
		expect(o.targetsLeftOut.map((t) => t.code)).toEqual(['ABE']);
	});

	it('gives the on-track headline /progress gives, on the same targets', () => {
		const headline = getProgressHeadline(handle.db);
		const page = getNationalProgress({ measure: 'territorial', windowYears: 5 }, handle.db);
		expect(headline.counts).toEqual(page.counts.all);
		// Green: Waltham Forest. Blackpool's 2030 is the one target for 2030 or sooner.
		expect(headline.counts).toMatchObject({ green: 1, total: 7 });
		expect(headline.by2030).toBe(1);
		expect(headline.councilsWithTarget).toBe(7);
		expect(headline.rule).toBe(
			"On track means the straight line fitted to the last 5 years of the area's territorial greenhouse gas emissions (DESNZ) reaches zero by the target year."
		);
	});
});
