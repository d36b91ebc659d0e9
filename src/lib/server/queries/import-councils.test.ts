import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { undoImport } from '../import/undo-import';
import {
	createTestDb,
	FEED_FIXTURES,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { listChangedCouncils } from './import-councils';

describe('listChangedCouncils', () => {
	let handle: DbHandle;
	beforeAll(async () => {
		handle = createTestDb();
		await loadAuthorities(handle);
	});
	afterAll(() => handle.close());

	it('names the councils whose rows a bids import wrote, partners included, by name', async () => {
		// Two Wyre bids, one with Lancaster as a partner council.
		const csv =
			'reference,lead_authority,scheme,round,title,status,partner_councils\n' +
			'T-1,Wyre,Public Sector Decarbonisation Scheme,Phase 4,Heat pumps,submitted,Lancaster\n' +
			'T-2,Wyre,Public Sector Decarbonisation Scheme,Phase 3c,Boilers,drafting,\n';
		const report = await importFile(handle, 'bids', csv);
		expect(report.status).toBe('committed');
		expect(listChangedCouncils(report.batchId!, 50, handle.db)).toEqual({
			count: 2,
			councils: [
				{ code: 'LAC', name: 'Lancaster' },
				{ code: 'WYR', name: 'Wyre' }
			]
		});
		// Undone, the import changed nothing any more.
		await undoImport(handle, report.batchId!);
		expect(listChangedCouncils(report.batchId!, 50, handle.db).count).toBe(0);
	});

	it('counts every council and lists the first few, from the emissions releases too', async () => {
		const report = await importFile(
			handle,
			'mysociety-emissions',
			FEED_FIXTURES['mysociety-emissions']
		);
		expect(report.status).toBe('committed');
		const all = listChangedCouncils(report.batchId!, 50, handle.db);
		expect(all.councils.map((c) => c.code)).toContain('BPL');
		const first = listChangedCouncils(report.batchId!, 2, handle.db);
		expect(first.count).toBe(all.count);
		expect(first.councils).toEqual(all.councils.slice(0, 2));
		expect(all.count).toBeGreaterThan(2);
	});

	it('names the register’s own councils for an import of the register', () => {
		const first = listChangedCouncils(1, 3, handle.db);
		expect(first.count).toBeGreaterThan(400);
		expect(first.councils).toHaveLength(3);
	});
});
