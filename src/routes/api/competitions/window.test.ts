/**
 * GET /api/competitions a window at a time: 500 rounds by default, `limit` and `offset` to move,
 * `next` to follow, `count` for every round matching; a window it cannot read is a 400 naming
 * it; the CSV stays whole unless a window is asked for.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../../tests/helpers/db';
import { GET } from './+server';

let handle: DbHandle;
const ROUNDS = 7;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const rows = Array.from({ length: ROUNDS }, (_, i) => [
		'Sample: Window Fund',
		`Round ${i + 1}`,
		'competitive',
		`${(i + 1) * 1000}`,
		'Sample data for a test of windows.'
	]);
	const csv = toCsv([['scheme', 'round', 'kind', 'budget', 'notes'], ...rows]);
	const report = await importFile(handle, 'competitions', csv);
	expect(report.status).toBe('committed');
	setDatabase(handle);
});
afterAll(() => handle.close());

async function ask(query: string) {
	const url = new URL(`http://localhost/api/competitions?${query}`);
	return GET({ url } as unknown as Parameters<typeof GET>[0]);
}

describe('GET /api/competitions in windows', () => {
	it('gives every round by default when they fit, and says there is no next window', async () => {
		const body = await (await ask('')).json();
		expect(body).toMatchObject({ count: ROUNDS, offset: 0, limit: 500, next: null });
		expect(body.competitions).toHaveLength(ROUNDS);
	});

	it('reads every round exactly once by following next', async () => {
		const rounds: string[] = [];
		let address: string | null = 'limit=3&kind=competitive';
		let windows = 0;
		while (address !== null) {
			const body = await (await ask(address)).json();
			expect(body.count).toBe(ROUNDS);
			rounds.push(...body.competitions.map((c: { round: string }) => c.round));
			address = body.next === null ? null : new URL(body.next, 'http://localhost').search.slice(1);
			windows++;
		}
		expect(windows).toBe(3);
		expect(rounds).toEqual(Array.from({ length: ROUNDS }, (_, i) => `Round ${i + 1}`));
	});

	it('keeps the filters in next', async () => {
		const body = await (await ask('limit=2&kind=competitive')).json();
		expect(body.next).toBe('/api/competitions?limit=2&kind=competitive&offset=2');
	});

	it('answers an offset past the end with no rounds', async () => {
		const body = await (await ask('offset=100')).json();
		expect(body).toMatchObject({ count: ROUNDS, offset: 100, competitions: [], next: null });
	});

	it.each([
		['limit=0', 'limit: "0" is not a whole number from 1 to 5000'],
		['limit=5001', 'limit: "5001" is not a whole number from 1 to 5000'],
		['limit=ten', 'limit: "ten" is not a whole number from 1 to 5000'],
		['offset=-1', 'offset: "-1" is not a whole number']
	])('refuses %s with the reason', async (query, issue) => {
		const response = await ask(query);
		expect(response.status).toBe(400);
		expect((await response.json()).issues).toEqual([issue]);
	});

	it('gives the CSV whole unless a window is asked for', async () => {
		const rows = async (query: string) =>
			Papa.parse((await (await ask(query)).text()).replace(/^\uFEFF/, ''), { header: true }).data;
		expect(await rows('format=csv')).toHaveLength(ROUNDS);
		expect(await rows('format=csv&limit=2&offset=4')).toMatchObject([
			{ Round: 'Round 5' },
			{ Round: 'Round 6' }
		]);
	});
});
