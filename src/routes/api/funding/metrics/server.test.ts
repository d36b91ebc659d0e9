/**
 * /api/funding/metrics and the funding pages give the same figures: both come from the queries'
 * one computation, read through the server's connection. The CSV heads them in the pages' words
 * with units and rounds them as the pages print them; the JSON keeps full precision.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { loadSamplePipeline } from '$lib/server/demo/load-sample';
import {
	createTestDb,
	FEED_FIXTURES,
	importFile,
	loadAuthorities
} from '../../../../../tests/helpers/db';
import { load as councilPage } from '../../../authorities/[code]/funding/+page.server';
import { load as nationalPage } from '../../../funding/+page.server';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const facts = 'data/funding-published-facts/funding_published_facts.csv';
	await importFile(handle, 'scheme-purposes', FEED_FIXTURES['scheme-purposes']);
	await importFile(handle, 'funding-facts', facts, { mode: 'accept-valid' });
	await loadSamplePipeline(handle);
	setDatabase(handle);
});
afterAll(() => handle.close());

const PUBLIC = { role: 'public' } as const;
/** Trafford's officer sees the sample pipeline's drafts and costs; the public do not. */
const TRAFFORD = { role: 'officer', userId: 1, email: 'o@trafford.example', authorities: ['TRF'] };

const ask = (query: string, viewer: object = PUBLIC) =>
	GET({
		url: new URL(`http://localhost/api/funding/metrics?${query}`),
		locals: { viewer }
	} as unknown as Parameters<typeof GET>[0]);

const api = async (query: string, viewer: object = PUBLIC) => (await ask(query, viewer)).json();

async function csv(query: string) {
	const text = (await (await ask(query)).text()).replace(/^\uFEFF/, '');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
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
			const shown = page(councilPage, {
				params: { code: 'TRF' },
				locals: { viewer },
				url: new URL('http://localhost/authorities/TRF/funding')
			}).funding;
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
		// The public's figures leave out drafts and what bidding cost (the page says "not public",
		// not £0); Trafford's include them.
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

	it("writes every council as CSV in the pages' words, rounded as they print them", async () => {
		const { data, meta } = await csv('format=csv');
		expect(meta.fields).toEqual([
			'Code',
			'GSS code',
			'Council',
			'Type',
			'Tier',
			'Awards led',
			'Pots won',
			'Funders',
			'£ won (£)',
			'£ per head of awards led (£ per person)',
			'Median award (£)',
			'Share of £ from competitions (%)',
			'Concentration of £ across pots (HHI, 0 to 1)',
			'Effective number of pots',
			'Awards under £1m (% of awards)',
			'Share of £ as consortium lead (%)',
			'Consortium awards as a partner',
			'Estimated £ for its residents (£)',
			'Estimated £ per head (£ per person)'
		]);
		const { authorities } = await api('');
		type Row = Record<string, number | null> & { code: string };
		// For each figure, a council where it has decimals the pages do not print.
		const checks: [string, keyof Row, (v: number) => number][] = [
			['Share of £ from competitions (%)', 'competitiveShare', (v) => Math.round(v * 100)],
			['£ per head of awards led (£ per person)', 'perHeadGbp', (v) => Number(v.toFixed(2))],
			['Effective number of pots', 'effectivePots', (v) => Number(v.toFixed(1))]
		];
		for (const [header, key, round] of checks) {
			const json = (authorities as Row[]).find((a) => {
				const v = a[key] as number | null;
				return v !== null && round(v) !== v;
			})!;
			const row = data.find((r) => r.Code === json.code)!;
			expect(row[header], `${json.code} ${String(key)}`).toBe(String(round(json[key] as number)));
		}
	});

	it("writes one council's figures as one CSV row", async () => {
		const { data, meta } = await csv('authority=E08000009&format=csv');
		expect(meta.fields!.slice(0, 3)).toEqual(['Code', 'Awards led', 'Pots won']);
		expect(data).toHaveLength(1);
		expect(data[0]!.Code).toBe('TRF');
	});
});
