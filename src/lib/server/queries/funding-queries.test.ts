import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	createTestDb,
	FEED_FIXTURES,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { loadSamplePipeline } from '../demo/load-sample';
import { getAuthorityFunding } from './authority-funding';
import { listAwardFacts } from './funding-facts';
import { getNationalFunding } from './national-funding';

const FACTS = 'data/funding-published-facts/funding_published_facts.csv';

describe('funding queries on the published facts', () => {
	let handle: DbHandle;
	beforeAll(async () => {
		handle = createTestDb();
		await loadAuthorities(handle);
		await importFile(handle, 'scheme-purposes', FEED_FIXTURES['scheme-purposes']);
		await importFile(handle, 'funding-facts', FACTS, { mode: 'accept-valid' });
	});
	afterAll(() => handle.close());

	it("counts Blackpool's HUG2 consortium award once: lead rows sum to the money, partners add nothing", () => {
		const facts = listAwardFacts({}, handle.db).filter(
			(f) => f.scheme === 'Home Upgrade Grant' && f.amountGbp === 41_400_000
		);
		expect(facts.filter((f) => f.role === 'lead').map((f) => f.authorityCode)).toEqual(['BPL']);
		expect(facts.filter((f) => f.role === 'partner')).toHaveLength(12);
		const national = getNationalFunding(null, handle.db);
		const leadSum = national.authorities.reduce((n, a) => n + (a.totalGbp ?? 0), 0);
		expect(leadSum).toBe(national.national.totalGbp);
		// Net-zero money by default: HUG2 and SHDF, not the Levelling Up Fund award.
		const bpl = national.authorities.find((a) => a.code === 'BPL')!;
		expect(bpl.totalGbp).toBe(41_400_000 + 500_000);
		const all = getNationalFunding(null, handle.db, 'all').authorities.find(
			(a) => a.code === 'BPL'
		)!;
		expect(all.totalGbp).toBe(41_400_000 + 500_000 + 15_385_023);
		expect(national.authorities.find((a) => a.code === 'BUN')).toMatchObject({
			totalGbp: null,
			partnerAwards: 1
		});
	});

	it('measures windows from the current dates: SHDF 2.2 extended to 72 days, LUF round 2 short', () => {
		const { windows } = getNationalFunding(null, handle.db, 'all');
		expect(
			windows.find((w) => w.label === 'Social Housing Decarbonisation Fund, Wave 2.2')
		).toMatchObject({ days: 72, datesChanged: 1 });
		expect(windows.find((w) => w.label === 'Levelling Up Fund, Round 2')).toMatchObject({
			days: 18,
			datesChanged: 0
		});
		// The net-zero picture's windows are the net-zero rounds': general rounds left out.
		const netZero = getNationalFunding(null, handle.db).windows;
		expect(netZero.find((w) => w.label === 'Levelling Up Fund, Round 2')).toBeUndefined();
		expect(netZero.find((w) => w.label.startsWith('Social Housing'))).toBeDefined();
	});

	it('filters the national picture by award year', () => {
		const y2023 = getNationalFunding(2023, handle.db);
		expect(y2023.national.awards).toBeGreaterThan(0);
		expect(y2023.national.awards).toBeLessThan(getNationalFunding(null, handle.db).national.awards);
	});

	it("compares a council with the median of its type's councils that have awards", () => {
		const f = getAuthorityFunding('BPL', { dayRateGbp: 350 }, handle.db);
		expect(f.comparison.typeName).toBe('Unitary authority');
		expect(f.comparison.councils).toBeGreaterThan(1);
		expect(f.comparison.medians.totalGbp).toBeGreaterThan(0);
		expect(f.fragmentationWithSample).toBeNull();
	});

	it('keeps sample figures apart from published ones', async () => {
		await loadSamplePipeline(handle, { seed: 7 });
		const trf = getAuthorityFunding('TRF', { dayRateGbp: 350 }, handle.db);
		expect(trf.fragmentation.awards).toBe(0);
		expect(trf.bidsAreSample).toBe(true);
		expect(trf.bids.every((b) => b.isSample)).toBe(true);
		expect(trf.outcomes.bids).toBe(trf.bids.length);
		const national = getNationalFunding(null, handle.db);
		expect(national.authorities.find((a) => a.code === 'TRF')!.awards).toBe(0);
	});
});
