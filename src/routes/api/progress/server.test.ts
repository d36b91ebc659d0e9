/**
 * /api/progress and /progress give the same rows and counts (one computation, read through the
 * server's connection), filtered the same way; the CSV is the same rows headed and worded as the
 * page words them, figures rounded as it prints them; a bad option says which.
 */
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createFixtureDb, DATA_DIR, importFile } from '../../../../tests/helpers/db';
import { load } from '../../progress/+page.server';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb(['mysociety-promises']);
	await importFile(
		handle,
		'desnz-ghg-totals',
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')
	);
	setDatabase(handle);
});
afterAll(() => handle.close());

const get = (query: string) =>
	GET({ url: new URL(`http://localhost/api/progress?${query}`) } as unknown as Parameters<
		typeof GET
	>[0]);

/** The page's data; SvelteKit types a load's result as possibly void or a promise. */
type ProgressPageData = Exclude<Awaited<ReturnType<typeof load>>, void>;

function pageData(query: string): ProgressPageData {
	const data = load({ url: new URL(`http://localhost/progress?${query}`) } as never);
	if (!data) throw new Error('the page returned no data');
	return data as ProgressPageData;
}

describe('/api/progress', () => {
	it('gives the counts and rows the page shows, filtered alike', async () => {
		const body = await (await get('status=red&nation=England')).json();
		const shown = pageData('status=red&nation=England');
		expect(body.counts).toEqual(shown.counts);
		// Trafford (2038, net zero 2051), Blackpool (2030, 2042) and Greater Manchester (2038,
		// 2045 on its 10 councils' figures summed) in the promises fixture.
		const codes = ['BPL', 'GMCA', 'TRF'];
		expect(body.rows.map((r: { code: string }) => r.code)).toEqual(codes);
		expect(shown.rows.map((r: { code: string }) => r.code)).toEqual(codes);
		expect(body.count).toBe(3);
	});

	it('writes the same rows as CSV, with the measure of each figure', async () => {
		const response = await get('measure=scope_of_influence&status=red&format=csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toContain(
			'net-zero-progress-scope_of_influence-5y.csv'
		);
		const text = (await response.text()).replace(/^\uFEFF/, '');
		const { data } = Papa.parse<Record<string, string>>(text, { header: true });
		const trafford = data.find((r) => r.Code === 'TRF')!;
		expect(trafford).toMatchObject({
			Status: 'Off track',
			'Emissions measure': "CO2 emissions within the council's scope of influence (kt CO2), DESNZ",
			'Target year': '2038',
			'Projected net-zero year': '2044',
			'Projected net zero': '2044',
			Unit: 'kt CO2'
		});
		expect(data.every((r) => r.Status === 'Off track')).toBe(true);
		// Latest emissions as the page prints them, whole kt; the JSON keeps full precision.
		const { rows } = await (await get('measure=scope_of_influence&status=red')).json();
		const json = rows.find((r: { code: string }) => r.code === 'TRF');
		expect(Number.isInteger(json.latestKt)).toBe(false);
		expect(trafford['Latest emissions (kt)']).toBe(String(Math.round(json.latestKt)));
	});

	it('names the option that is wrong and what it expects', async () => {
		const response = await get('window=11&format=xml');
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.issues.join(' ')).toMatch(/window: expected a whole number of years from 3 to 10/);
		const format = await get('format=xml');
		expect((await format.json()).issues).toEqual(['format: expected "json" or "csv", got "xml"']);
	});
});
