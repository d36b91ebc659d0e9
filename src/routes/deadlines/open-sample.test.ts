/**
 * /deadlines, rendered on the server from its load function: when the only rounds open today are
 * sample data, "Open now" says so plainly instead of counting them as open funding; when no real
 * round is open or opens later, the page says so at the top, with the newest deadline held.
 */
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../tests/helpers/db';
import { PUBLIC, type Viewer } from '$lib/server/accounts/viewer';
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

async function page(viewer: Viewer = PUBLIC): Promise<string> {
	const url = new URL('http://localhost/deadlines');
	const event = { url, locals: { viewer } };
	const data = (await load(event as unknown as Parameters<typeof load>[0]))!;
	return render(Page, { props: { data } as never }).body;
}

const text = (html: string) => html.replace(/<[^>]+>|<!--.*?-->/g, '').replace(/\s+/g, ' ');

async function openSection(): Promise<string> {
	const body = await page();
	const start = body.indexOf('id="open-title"');
	return text(body.slice(start, body.indexOf('</section>', start)));
}

async function addRound(
	scheme: string,
	isSample: boolean,
	opens = '01/01/2030',
	closes = '01/03/2030'
) {
	const csv = toCsv([HEADER, [scheme, 'Round 1', 'DESNZ', 'competitive', opens, closes]]);
	expect((await importFile(handle, 'competitions', csv, { isSample })).status).toBe('committed');
}

describe('/deadlines with no real round open or opening later', () => {
	it('says so at the top, with the newest deadline and how to add rounds', async () => {
		await addRound('Local Energy Fund', false, '01/06/2029', '01/09/2029');
		const all = text(await page());
		expect(all).toContain(
			'No funding round held here is open or known to open after today, 1 February 2030.'
		);
		expect(all).toContain('The newest deadline held was 1 September 2029.');
		expect(all).toContain('import rounds with the competitions template');
		expect(all).not.toContain('add a round');
		const admin: Viewer = { role: 'admin', userId: 1, email: 'a@example.org' };
		expect(await page(admin)).toContain('href="/deadlines/rounds/new"');
	});
});

describe('/deadlines "Open now" with sample rounds', () => {
	it('says plainly when every open round is sample data', async () => {
		await addRound('Sample: Heat Fund', true);
		const open = await openSection();
		expect(open).toContain('No real funding round is open today, 1 February 2030.');
		expect(open).toContain('What is open below is sample data');
		expect(open).toContain('Sample: Heat Fund');
	});

	it('counts real rounds as open and says how many of them are sample data', async () => {
		await addRound('Public Sector Decarbonisation Scheme', false);
		const open = await openSection();
		expect(open).toContain('2 rounds are open, soonest deadline first (1 of them sample data');
		expect(open).not.toContain('No real funding round is open');
	});
});
