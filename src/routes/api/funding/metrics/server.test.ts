/**
 * /api/funding/metrics and the funding pages give the same figures: both come from the queries'
 * one computation, read through the server's connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { loadSamplePipeline } from '$lib/server/demo/load-sample';
import { createTestDb, importFile, loadAuthorities } from '../../../../../tests/helpers/db';
import { load as councilPage } from '../../../authorities/[code]/funding/+page.server';
import { load as nationalPage } from '../../../funding/+page.server';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const facts = 'data/funding-published-facts/funding_published_facts.csv';
	await importFile(handle, 'funding-facts', facts, { mode: 'accept-valid' });
	await loadSamplePipeline(handle);
	setDatabase(handle);
});
afterAll(() => handle.close());

const PUBLIC = { role: 'public' } as const;
/** Trafford's officer sees the sample pipeline's drafts and costs; the public do not. */
const TRAFFORD = { role: 'officer', userId: 1, email: 'o@trafford.example', authorities: ['TRF'] };

async function api(query: string, viewer: object = PUBLIC) {
	const response = await GET({
		url: new URL(`http://localhost/api/funding/metrics?${query}`),
		locals: { viewer }
	} as unknown as Parameters<typeof GET>[0]);
	return response.json();
}

/** A page's data; SvelteKit types a load's result as possibly void. */
function page<T>(load: (event: never) => T, event: object): Exclude<Awaited<T>, void> {
	const data = load(event as never);
	if (!data) throw new Error('the page returned no data');
	return data as Exclude<Awaited<T>, void>;
}

describe('/api/funding/metrics', () => {
	it("gives a council's figures and bid outcomes as its funding page shows them", async () => {
		const seen = [];
		for (const viewer of [PUBLIC, TRAFFORD]) {
			const body = await api('authority=TRF', viewer);
			const shown = page(councilPage, { params: { code: 'TRF' }, locals: { viewer } }).funding;
			expect(body.metrics).toEqual(shown.fragmentation);
			expect(body.bids).toEqual({
				...shown.outcomes,
				dayRateGbp: shown.dayRateGbp,
				isSample: shown.bidsAreSample
			});
			expect(body.bids.isSample).toBe(true);
			expect(body.population).toBe(shown.population);
			seen.push(body.bids);
		}
		// The public's figures leave out drafts and what bidding cost; Trafford's include them.
		const [publicBids, own] = seen;
		expect(publicBids.officerDays).toBe(0);
		expect(own.officerDays).toBeGreaterThan(0);
		expect(publicBids.bids).toBeLessThan(own.bids);
	});

	it('gives the national figures as the funding page shows them, for all years and one', async () => {
		for (const year of [null, 2023]) {
			const body = await api(year ? `year=${year}` : '');
			const url = new URL(`http://localhost/funding${year ? `?year=${year}` : ''}`);
			const shown = page(nationalPage, { url }).national;
			expect(body.year).toBe(year);
			expect(body.national).toEqual(shown.national);
			expect(body.windows).toEqual(shown.windowSummary);
			expect(body.perHead.gini).toBe(shown.perHead.gini);
			expect(body.perHead.councils).toBe(shown.perHead.withAwards);
		}
	});
});
