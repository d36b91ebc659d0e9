/**
 * /deadlines, rendered on the server from its load function: when the only rounds open today are
 * sample data, "Open now" says so plainly instead of counting them as open funding.
 */
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../tests/helpers/db';
import { load } from './+page.server';
import Page from './+page.svelte';

const HEADER = ['scheme', 'round', 'funder', 'kind', 'opens', 'closes'];
let handle: DbHandle;

beforeAll(async () => {
	vi.stubEnv('TODAY', '2030-02-01');
	handle = createTestDb();
	await loadAuthorities(handle);
	setDatabase(handle);
});
afterAll(() => {
	vi.unstubAllEnvs();
	handle.close();
});

async function openSection(): Promise<string> {
	const url = new URL('http://localhost/deadlines');
	const data = (await load({ url } as unknown as Parameters<typeof load>[0]))!;
	const { body } = render(Page, { props: { data } as never });
	const start = body.indexOf('id="open-title"');
	return body.slice(start, body.indexOf('</section>', start)).replace(/<[^>]+>|<!--.*?-->/g, '');
}

async function addRound(scheme: string, isSample: boolean) {
	const csv = toCsv([
		HEADER,
		[scheme, 'Round 1', 'DESNZ', 'competitive', '01/01/2030', '01/03/2030']
	]);
	expect((await importFile(handle, 'competitions', csv, { isSample })).status).toBe('committed');
}

describe('/deadlines "Open now" with sample rounds', () => {
	it('says plainly when every open round is sample data', async () => {
		await addRound('Sample: Heat Fund', true);
		const text = (await openSection()).replace(/\s+/g, ' ');
		expect(text).toContain('No real funding round is open today, 1 February 2030.');
		expect(text).toContain('What is open below is sample data');
		expect(text).toContain('Sample: Heat Fund');
	});

	it('counts real rounds as open and says how many of them are sample data', async () => {
		await addRound('Public Sector Decarbonisation Scheme', false);
		const text = (await openSection()).replace(/\s+/g, ' ');
		expect(text).toContain('2 rounds are open, soonest deadline first (1 of them sample data');
		expect(text).not.toContain('No real funding round is open');
	});
});
