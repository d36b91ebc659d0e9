/**
 * /deadlines at scale, rendered on the server from its load function: every section shows its
 * first rows with the count of all and a link to the rest, and a section chosen by status pages
 * through all its rounds. The page once sent every round held (30 MB at national scale).
 */
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../tests/helpers/db';
import { PUBLIC } from '$lib/server/accounts/viewer';
import { load } from './+page.server';
import Page from './+page.svelte';

let handle: DbHandle;

beforeAll(async () => {
	vi.stubEnv('TODAY', '2030-02-01');
	handle = createTestDb();
	await loadAuthorities(handle);
	setDatabase(handle);
	// 130 past rounds, one closing each day from 1 June 2029 (dates as the template writes them).
	const day = (n: number) => {
		const d = new Date(Date.UTC(2029, 5, 1 + n));
		return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
	};
	const rows = Array.from({ length: 130 }, (_, i) => [
		`Scheme ${i}`,
		'Round 1',
		'DESNZ',
		'competitive',
		day(i - 60),
		day(i)
	]);
	const csv = toCsv([['scheme', 'round', 'funder', 'kind', 'opens', 'closes'], ...rows]);
	expect((await importFile(handle, 'competitions', csv)).status).toBe('committed');
});
afterAll(() => {
	vi.unstubAllEnvs();
	handle.close();
});

async function page(query = '') {
	const url = new URL(`http://localhost/deadlines${query}`);
	const data = (await load({ url, locals: { viewer: PUBLIC } } as unknown as Parameters<
		typeof load
	>[0]))!;
	return { data, html: render(Page, { props: { data } as never }).body };
}

const pastSchemes = (html: string) =>
	[
		...html
			.slice(html.indexOf('id="past-title"'))
			.matchAll(/<th scope="row"[^>]*>(?:<[^>]+>)*(Scheme \d+)/g)
	].map((m) => m[1]);

describe('/deadlines with more rounds than a page', () => {
	it('shows the 50 latest past rounds, says how many there are, and links to all', async () => {
		const { data, html } = await page();
		expect(data.count).toBe(130);
		expect(data.sections.closed).toMatchObject({ total: 130 });
		expect(data.sections.closed.rows).toHaveLength(50);
		expect(pastSchemes(html).slice(0, 2)).toEqual(['Scheme 129', 'Scheme 128']);
		expect(html).toContain(
			'130 rounds whose final deadline has passed, latest first; the first 50 here'
		);
		expect(html).toContain('href="/deadlines?status=closed">See all 130 past rounds</a>');
		// Only the month the calendar draws is sent, not every round's dates.
		expect(
			data.calendar.entries.every((e: { date: string }) => e.date.startsWith(data.calendar.month))
		).toBe(true);
	});

	it('pages through one section chosen by status', async () => {
		const { data, html } = await page('?status=closed&page=3');
		expect(data.paging).toMatchObject({ page: 3, pages: 3, first: 101, last: 130 });
		expect(pastSchemes(html)).toEqual(Array.from({ length: 30 }, (_, i) => `Scheme ${29 - i}`));
		expect(html).toContain('101–130 of 130');
		expect(html).toContain('href="/deadlines?status=closed&amp;page=2"');
	});

	it('refuses a page that is not one', async () => {
		await expect(page('?page=-2')).rejects.toMatchObject({ status: 400 });
	});
});
