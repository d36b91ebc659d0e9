/**
 * GET /deadlines.ics against a database with hostile text and an old row's CR LF link, and a
 * sample round: every value stays on its own line, and sample rounds come only when asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { setDatabase } from '$lib/server/db';
import { createTestDb, importFile, loadAuthorities, toCsv } from '../../../tests/helpers/db';
import { GET } from './+server';

const INJECTION = '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned';
const HEADER = ['scheme', 'round', 'funder', 'kind', 'closes', 'closes_time', 'source_url'];

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const hostile = toCsv([
		HEADER,
		[`Fund${INJECTION}`, 'Round 1', `DESNZ${INJECTION}`, 'competitive', '01/02/2030', '12:00', '']
	]);
	expect((await importFile(handle, 'competitions', hostile)).status).toBe('committed');
	// A link stored before imports checked links.
	const link = `https://www.gov.uk/fund${INJECTION}`;
	handle.sqlite.prepare('UPDATE competitions SET source_url = ?').run(link);
	handle.sqlite.prepare('UPDATE competition_dates SET source_url = ?').run(link);
	const sample = toCsv([
		HEADER,
		['Sample: Heat Fund', 'Round 1', 'Sample funder', 'competitive', '01/03/2030', '', '']
	]);
	const report = await importFile(handle, 'competitions', sample, { isSample: true });
	expect(report.status).toBe('committed');
	setDatabase(handle);
});
afterAll(() => handle.close());

async function calendar(query = ''): Promise<string[]> {
	const url = new URL(`http://localhost/deadlines.ics${query}`);
	const response = await GET({ url } as unknown as Parameters<typeof GET>[0]);
	expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
	// Unfolded content lines.
	return (await response.text()).replace(/\r\n /g, '').split('\r\n');
}

describe('GET /deadlines.ics', () => {
	it('keeps a CR LF in a title, funder or link from writing events of its own', async () => {
		const lines = await calendar();
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines).not.toContain('SUMMARY:pwned');
		expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
			'SUMMARY:Closes: Fund\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned Round 1'
		]);
		const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
		expect(description).toContain('Funder: DESNZ\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned');
		expect(description).not.toContain('Source:');
		expect(lines.some((l) => l.startsWith('URL:'))).toBe(false);
		expect(lines.every((l) => !/[\r\n]/.test(l))).toBe(true);
	});

	it('leaves sample rounds out unless ?sample=1', async () => {
		expect((await calendar()).join('\n')).not.toContain('Sample: Heat Fund');
		const withSample = await calendar('?sample=1');
		expect(withSample.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(withSample).toContain('SUMMARY:Closes: Sample: Heat Fund Round 1 (sample data)');
	});
});
