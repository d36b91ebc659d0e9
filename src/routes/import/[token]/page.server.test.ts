/**
 * The check page's load and form actions, called as SvelteKit calls them, on real uploads whose
 * feed cannot be recognised.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '$lib/server/db';
import type { DbHandle } from '$lib/server/db/client';
import { getJob, settled, startCheck } from '$lib/server/import/jobs';
import { createTestDb } from '../../../../tests/helpers/db';
import { actions, load } from './+page.server';

const ADMIN = { role: 'admin', userId: 1, email: 'admin@example.org' } as const;
const dir = mkdtempSync(join(tmpdir(), 'nzl-uploads-'));
const token = 'a1'.repeat(16);
/** An officer's own bids sheet: one header an alias, others only near the template's. */
const ownBids = 'b2'.repeat(16);
const zipToken = 'c3'.repeat(16);
const uploadDirBefore = process.env.UPLOAD_DIR;
let handle: DbHandle;

beforeAll(async () => {
	process.env.UPLOAD_DIR = dir;
	handle = createTestDb();
	setDatabase(handle);
	writeFileSync(join(dir, `${token}.csv`), 'Council,Promise year\nTrafford,2038\n');
	writeFileSync(
		join(dir, `${ownBids}.csv`),
		'Local authority,Scheme,Outcome,Staff days (est.),Colour\nTrafford,HUG2,won,3,blue\n'
	);
	await settled(startCheck(token, { fileName: 'promises-own-headers.csv', viewer: ADMIN }));
	await settled(startCheck(ownBids, { fileName: 'our-bids.csv', viewer: ADMIN }));
	writeFileSync(join(dir, `${zipToken}.csv`), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
	await settled(startCheck(zipToken, { fileName: 'plans.xlsx', viewer: ADMIN }));
});
afterAll(() => {
	handle.close();
	if (uploadDirBefore === undefined) delete process.env.UPLOAD_DIR;
	else process.env.UPLOAD_DIR = uploadDirBefore;
	rmSync(dir, { recursive: true, force: true });
});

type Commit = (event: unknown) => Promise<{ status: number; data: { message: string } }>;

describe('import/[token] commit', () => {
	// Reported: importing a file whose feed was not detected said the upload had expired.
	it('asks for the feed and the column mapping when the feed was not recognised', async () => {
		const job = getJob(token)!;
		expect(job).toMatchObject({ state: 'checked', report: null });
		const request = new Request(`http://localhost/import/${token}?/commit`, {
			method: 'POST',
			body: new FormData()
		});
		const result = await (actions.commit as Commit)({
			params: { token },
			request,
			locals: { viewer: ADMIN }
		});
		expect(result.status).toBe(400);
		expect(result.data.message).toMatch(/choose the feed below and map its columns/);
		expect(result.data.message).not.toMatch(/expired/);
	});

	// Reported: a ZIP (or PDF, or empty file) was told "No feed matches its header row".
	it('says a file is not a CSV file, what it is, with no columns to map', async () => {
		const job = getJob(zipToken)!;
		expect(job).toMatchObject({ state: 'checked', report: null, headers: [] });
		expect(job.error).toMatch(/^This is a ZIP archive, not a CSV file\. An Excel workbook/);
		const request = new Request(`http://localhost/import/${zipToken}?/commit`, {
			method: 'POST',
			body: new FormData()
		});
		const result = await (actions.commit as Commit)({
			params: { token: zipToken },
			request,
			locals: { viewer: ADMIN }
		});
		expect(result).toMatchObject({ status: 400, data: { message: job.error } });
	});
});

type Load = (event: unknown) => Promise<{
	formFeed: string | null;
	feeds: {
		key: string;
		columns: { name: string; description: string }[];
		proposal: Record<string, { header: string; source: string }>;
	}[];
}>;

describe('import/[token] matching form', () => {
	// Reported: every field started at "Not in this file" and said only its name.
	it('starts on the likeliest feed, each field at the column proposed for it, with its meaning', async () => {
		expect(getJob(ownBids)).toMatchObject({ state: 'checked', feed: null, report: null });
		const data = await (load as unknown as Load)({
			params: { token: ownBids },
			locals: { viewer: ADMIN },
			url: new URL(`http://localhost/import/${ownBids}`)
		});
		expect(data.formFeed).toBe('bids');
		const bids = data.feeds.find((f) => f.key === 'bids')!;
		expect(bids.proposal).toMatchObject({
			lead_authority: { header: 'Local authority', source: 'near' },
			scheme: { header: 'Scheme', source: 'name' },
			status: { header: 'Outcome', source: 'name' },
			officer_days: { header: 'Staff days (est.)', source: 'near' }
		});
		const statusDate = bids.columns.find((c) => c.name === 'status_date')!;
		expect(statusDate.description).toMatch(/^Date the bid reached this status/);
	});
});
