/**
 * A council's bids as CSV: headed as its funding page heads them, with units, statuses in the
 * page's words; costs only for the council's officers, as in the JSON.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { loadSamplePipeline } from '$lib/server/demo/load-sample';
import { createTestDb, loadAuthorities } from '../../../../../../tests/helpers/db';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await loadSamplePipeline(handle);
	setDatabase(handle);
});
afterAll(() => handle.close());

const TRAFFORD = { role: 'officer', userId: 1, email: 'o@trafford.example', authorities: ['TRF'] };

const ask = (query: string, viewer: object = TRAFFORD) =>
	GET({
		url: new URL(`http://localhost/api/authorities/TRF/bids?${query}`),
		params: { code: 'TRF' },
		locals: { viewer }
	} as unknown as Parameters<typeof GET>[0]);

describe('/api/authorities/{code}/bids?format=csv', () => {
	it("heads the bids in the page's words and says each status as it does", async () => {
		const { bids } = await (await ask('')).json();
		const text = (await (await ask('format=csv')).text()).replace(/^\uFEFF/, '');
		const { data, meta } = Papa.parse<Record<string, string>>(text, {
			header: true,
			skipEmptyLines: true
		});
		expect(meta.fields).toEqual([
			'Reference',
			'Bid',
			'Scheme',
			'Round',
			'Published round?',
			'Funder',
			'Status',
			'Submitted',
			'Decided',
			'Asked (£)',
			'Won (£)',
			'The same money in a published award (£)',
			'Officer days',
			'Other costs (£)',
			'Sample data',
			'Partners'
		]);
		expect(data.map((r) => r.Reference)).toEqual(
			bids.map((b: { reference: string }) => b.reference)
		);
		const words = { idea: 'Idea', drafting: 'Drafting', submitted: 'Submitted', won: 'Won' };
		const statuses = new Set(bids.map((b: { status: string }) => b.status));
		for (const [status, word] of Object.entries(words)) {
			if (!statuses.has(status)) continue;
			const i = bids.findIndex((b: { status: string }) => b.status === status);
			expect(data[i]!.Status).toBe(word);
		}
		expect(data.every((r) => r['Sample data'] === 'yes')).toBe(true);
	});

	it('refuses a format it does not write', async () => {
		const response = await ask('format=xlsx');
		expect(response.status).toBe(400);
		expect((await response.json()).issues).toEqual([
			'format: expected "json" or "csv", got "xlsx"'
		]);
	});
});
