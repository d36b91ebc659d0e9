/**
 * Councils side by side, read from the database: codes in any form resolve (unknown ones are
 * named), each council keeps its own current release, and targets and funding come from the same
 * functions as the council's own pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { FEED_FIXTURES } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { lineFor, seriesFlags } from '../../charts/side-by-side';
import { PUBLIC } from '../accounts/viewer';
import { getAuthorityFundingMetrics } from './funding-metrics';
import { getSideCouncil, resolveCodes } from './side-by-side';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([
		['mysociety-emissions', FEED_FIXTURES['mysociety-emissions']],
		['scheme-purposes', FEED_FIXTURES['scheme-purposes']],
		['funding-facts', FEED_FIXTURES['funding-facts']]
	]);
});
afterAll(() => handle.close());

const side = (
	code: string,
	measure: 'territorial' | 'scope_of_influence' = 'territorial',
	money?: 'net-zero' | 'all'
) => getSideCouncil(code, { measure, today: '2025-04-01', money }, handle.db)!;

describe('councils side by side', () => {
	it('resolves 3-letter and GSS codes in any case, once each, and names the unknown ones', () => {
		expect(resolveCodes(['lds', 'E08000003', 'LDS', 'ZZZ', 'E99999999'], handle.db)).toEqual({
			codes: ['LDS', 'MAN'],
			unknown: ['ZZZ', 'E99999999']
		});
	});

	it("keeps each council's own release, and a county's is its districts' summed", () => {
		const leeds = side('LDS', 'scope_of_influence');
		const norfolk = side('NFK', 'scope_of_influence');
		// DESNZ gives the scope of influence in CO2 only, as mySociety's older series does.
		expect(leeds.series).toMatchObject({ unit: 'kt CO2' });
		expect(leeds.series!.releaseLabel).toContain('DESNZ');
		expect(leeds.years).toEqual({ from: 2005, to: 2023 });
		// Norfolk's own figures are the 2005–2020 series (2019 and 2020 in the fixture); it is
		// drawn as the sum of its 7 districts in the 2005–2023 release instead, which is not
		// "as published".
		expect(norfolk.series).toMatchObject({ unit: 'kt CO2' });
		expect(norfolk.series!.releaseLabel).toMatch(/^sum of its 7 districts' figures, DESNZ/);
		expect(norfolk.years).toEqual({ from: 2005, to: 2023 });
		expect(norfolk.isAggregate).toBe(false);
		expect(seriesFlags([leeds.series!, norfolk.series!])).toMatchObject({
			mixedUnits: false,
			mixedReleases: false
		});
		expect(side('LDS').series).toMatchObject({ unit: 'kt CO2e' });
		expect(seriesFlags([side('LDS').series!, norfolk.series!])).toMatchObject({
			mixedUnits: true
		});
		expect(lineFor(norfolk.series!, 'indexed').values[0]).toEqual({ year: 2005, value: 100 });
		expect(lineFor(leeds.series!, 'indexed').values[0]).toEqual({ year: 2005, value: 100 });
	});

	it("gives Leeds's targets with their status, and the funding figures of its funding page", () => {
		const leeds = side('LDS');
		const area = leeds.targets.find((t) => t.scope === 'whole_area')!;
		expect(area.targetYear).toBe(2030);
		expect(area.colour === null ? area.reason : area.colour).toMatch(/^(green|amber|red)$/);
		expect(leeds.funding).toEqual(getAuthorityFundingMetrics('LDS', null, handle.db));
		expect(side('TRF').combinedAuthority).toEqual({ code: 'GMCA', name: 'Greater Manchester' });
	});

	it('counts net-zero money unless all money is asked for, as the funding pages do', () => {
		expect(side('BPL').funding.money).toBe('net-zero');
		expect(side('BPL').funding.notCounted).not.toBeNull();
		const all = side('BPL', 'territorial', 'all').funding;
		expect(all).toEqual(getAuthorityFundingMetrics('BPL', null, handle.db, PUBLIC, 'all'));
		expect(all.money).toBe('all');
		expect(all.notCounted).toBeNull();
	});

	it("leaves a council's figures unknown where it led no published award, not 0", () => {
		// The fixture's awards (funding_facts.csv) name no Trafford council as a recipient.
		const leads = handle.sqlite
			.prepare("SELECT count(*) FROM awards WHERE authority_code = 'TRF'")
			.pluck()
			.get();
		expect(leads).toBe(0);
		expect(side('TRF').funding.metrics).toMatchObject({
			awards: 0,
			totalGbp: null,
			perHeadGbp: null,
			competitiveShare: null,
			estimatedGbp: null
		});
	});

	it('has no line for a council without figures in the measure', () => {
		// Cumbria, abolished in 2023: no current members to sum and no figures of its own here.
		expect(side('CMA').series).toBe(null);
		expect(side('CMA').years).toBe(null);
		expect(getSideCouncil('ZZZ', { measure: 'territorial', today: '2025-04-01' }, handle.db)).toBe(
			null
		);
	});
});
