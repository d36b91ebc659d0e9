/**
 * GET /api/competitions?format=csv against a database holding a round whose text cells were typed
 * as spreadsheet formulas: the download neutralises them and keeps figures as figures, headed and
 * worded as /deadlines words them.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../../tests/helpers/db';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const csv = toCsv([
		['scheme', 'round', 'funder', 'kind', 'budget', 'closes', 'notes'],
		[
			'=HYPERLINK("http://evil.example","Click")',
			'Round 1',
			'-1+2',
			'competitive',
			'£1,500,000',
			'01/02/2025',
			''
		]
	]);
	const report = await importFile(handle, 'competitions', csv);
	expect(report.status).toBe('committed');
	setDatabase(handle);
});
afterAll(() => handle.close());

async function download(query: string): Promise<Record<string, string>[]> {
	const url = new URL(`http://localhost/api/competitions?${query}`);
	const response = await GET({ url } as unknown as Parameters<typeof GET>[0]);
	expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	const text = await response.text();
	return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true }).data;
}

describe('GET /api/competitions?format=csv', () => {
	it('neutralises formula cells and keeps the budget a number', async () => {
		const [row, ...rest] = await download('format=csv');
		expect(rest).toEqual([]);
		expect(row).toMatchObject({
			Scheme: `'=HYPERLINK("http://evil.example","Click")`,
			Funder: "'-1+2",
			Round: 'Round 1',
			'Budget (£)': '1500000',
			Closes: '2025-02-01'
		});
	});

	it("says the kind and the status in the page's words", async () => {
		const [row] = await download('format=csv');
		expect(row).toMatchObject({ Kind: 'Competitive', Status: 'Closed', 'Sample data': 'no' });
	});
});
