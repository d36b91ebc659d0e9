/**
 * /api/compare and /compare give the same rows for the same address; the CSV is those rows with
 * the view's columns headed as the table heads them (with units, and the money a funding column
 * counts), statuses in its words, figures rounded as it prints them, unknown figures blank,
 * formula-safe and BOM-first, while the JSON keeps full precision; a bad parameter is a 400 that
 * names it.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createFixtureDb } from '../../../../tests/helpers/db';
import { load } from '../../compare/+page.server';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb(['mysociety-promises', 'scheme-purposes', 'funding-facts']);
	// A name someone typed as a formula, which Excel would run when the download is opened.
	handle.sqlite
		.prepare(
			'UPDATE authorities SET nice_name = \'=HYPERLINK("http://x","Trafford")\' WHERE code = \'TRF\''
		)
		.run();
	setDatabase(handle);
});
afterAll(() => handle.close());

const get = (query: string) =>
	GET({ url: new URL(`http://localhost/api/compare?${query}`) } as unknown as Parameters<
		typeof GET
	>[0]);

type PageData = { rows: { code: string }[]; total: number; retired: string[]; money: string };
const pageData = (query: string) =>
	load({ url: new URL(`http://localhost/compare?${query}`) } as never) as unknown as PageData;

describe('/api/compare', () => {
	it('gives the rows the page shows, in the same order', async () => {
		const query = 'nation=England&type=MD&sort=perHeadGbp&dir=desc&cols=perHeadGbp,potsWon';
		const body = await (await get(query)).json();
		const page = pageData(query);
		expect(body.rows.map((r: { code: string }) => r.code)).toEqual(page.rows.map((r) => r.code));
		expect(body.count).toBe(36);
		expect(body.fields).toEqual(['code', 'gssCode', 'name', 'perHeadGbp', 'potsWon']);
		expect(Object.keys(body.rows[0])).toEqual(body.fields);
	});

	it('writes the same rows as CSV, BOM first, with formulas neutralised', async () => {
		const response = await get('q=trafford&cols=population,emissionsChangePct,status&format=csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// Decoding as UTF-8 drops the BOM, as Excel and papaparse do.
		const raw = new TextDecoder().decode(bytes);
		const { data, meta } = Papa.parse<Record<string, string>>(raw, { header: true });
		expect(meta.fields).toEqual([
			'Code',
			'GSS code',
			'Council',
			'Population (people)',
			'Emissions change since 2005 (%)',
			'On track',
			'Emissions measure'
		]);
		const trafford = data.find((r) => r.Code === 'TRF')!;
		expect(trafford.Council).toBe('\'=HYPERLINK("http://x","Trafford")');
		// No whole-area figures in this database: the status in the page's words.
		expect(trafford['On track']).toBe('No status');
	});

	it('rounds CSV figures as the table prints them; the JSON keeps full precision', async () => {
		const query = 'cols=perHeadGbp,competitiveShare,effectivePots';
		const { rows } = await (await get(query)).json();
		const text = (await (await get(`${query}&format=csv`)).text()).replace(/^\uFEFF/, '');
		const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true });
		expect(meta.fields!.slice(3)).toEqual([
			'£ won per head, net-zero money (£ per person)',
			'Effective pots, net-zero money (pots)',
			'Competitive share, net-zero money (% of £)'
		]);
		type Row = Record<string, number | null> & { code: string };
		// A council whose figures have decimals the table does not print (Blackpool, 302.787… a head).
		const json = (rows as Row[]).find((r) => r.perHeadGbp! % 1 && (r.effectivePots! * 10) % 1)!;
		expect(json).toBeDefined();
		const csv = data.find((r) => r.Code === json.code)!;
		expect(csv['£ won per head, net-zero money (£ per person)']).toBe(
			String(Math.round(json.perHeadGbp!))
		);
		expect(csv['Competitive share, net-zero money (% of £)']).toBe(
			String(Math.round(json.competitiveShare! * 100))
		);
		expect(csv['Effective pots, net-zero money (pots)']).toBe(
			String(Number(json.effectivePots!.toFixed(1)))
		);
	});

	it('leaves a funding figure blank where no published award is held, never 0', async () => {
		const query = 'cols=perHeadGbp,potsWon';
		const body = await (await get(query)).json();
		const text = (await (await get(`${query}&format=csv`)).text()).replace(/^\uFEFF/, '');
		const { data } = Papa.parse<Record<string, string>>(text, { header: true });
		// The fixture's awards, by lead, read from the table itself.
		const leads = new Set(
			handle.sqlite
				.prepare('SELECT DISTINCT authority_code FROM awards WHERE is_sample = 0')
				.pluck()
				.all() as string[]
		);
		type Row = { code: string; perHeadGbp: number | null; potsWon: number | null };
		const none = (body.rows as Row[]).filter((r) => !leads.has(r.code));
		expect(none.length).toBe(body.rows.length - leads.size);
		for (const r of none) {
			expect([r.perHeadGbp, r.potsWon], r.code).toEqual([null, null]);
			const csv = data.find((c) => c.Code === r.code)!;
			expect(csv['Pots, net-zero money (pots)'], r.code).toBe('');
			expect(csv['£ won per head, net-zero money (£ per person)'], r.code).toBe('');
		}
		expect(body.money).toBe('net-zero');
		expect(body.filter.money).toBe('net-zero');
	});

	it('counts all money with money=all, says so in the headers and the file name', async () => {
		const body = await (await get('money=all&cols=potsWon')).json();
		expect(body.money).toBe('all');
		expect(body.notCounted).toBeNull();
		const response = await get('money=all&cols=potsWon&format=csv');
		expect(response.headers.get('content-disposition')).toContain(
			'compare-councils-territorial-all-money.csv'
		);
		const header = (await response.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
		expect(header).toBe('Code,GSS code,Council,"Pots, all money (pots)"');
		const wrong = await get('money=general');
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).issues).toEqual([
			'money: expected "net-zero" (net-zero money, the default) or "all" (all money)'
		]);
	});

	it('refuses the retired bid success column with the reason; the page opens without it', async () => {
		const response = await get('cols=population,successRate');
		expect(response.status).toBe(400);
		const [issue] = (await response.json()).issues;
		expect(issue).toMatch(/^cols: "successRate": Bid success rate is no longer a column/);
		const page = pageData('cols=population,successRate&money=all');
		expect(page.retired).toEqual([expect.stringContaining("councils' own bid records")]);
		expect(page.money).toBe('all');
	});

	it('names a bad parameter, its value and what was expected', async () => {
		const response = await get('sort=bogus');
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.issues[0]).toContain('sort: expected one of');
	});
});
