/**
 * The rows an import set aside are the file's own text: an admin and the importer read them all,
 * an officer those of their own councils (the council the row's council cell names), the public
 * their count only. Reported: any officer could read none of them, whoever's council they were for;
 * before that, anyone could read all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { Viewer } from '../accounts/viewer';
import { createTestDb, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import { getImportBatch, getRejectedRows } from './imports';

const ADMIN: Viewer = { role: 'admin', userId: 1, email: 'admin@example.org' };
const officerOf = (...authorities: string[]): Viewer => ({
	role: 'officer',
	userId: 9,
	email: `${authorities.join('-').toLowerCase()}@example.org`,
	authorities
});

describe('the rows an import set aside, by viewer', () => {
	let handle: DbHandle;
	let batchId: number;
	beforeAll(async () => {
		handle = createTestDb();
		await loadAuthorities(handle);
		// The admin's file: one good bid, and bad ones for Trafford, Manchester and a council that
		// cannot be read.
		const csv =
			'reference,lead_authority,scheme,round,title,status,amount_requested\n' +
			'SA-1,Trafford,Public Sector Decarbonisation Scheme,Phase 4,Kept,submitted,"£50,000"\n' +
			'SA-2,Trafford,Public Sector Decarbonisation Scheme,Phase 4,Draft for Trafford,submitted,lots\n' +
			'SA-3,Manchester,Public Sector Decarbonisation Scheme,Phase 4,Draft for Manchester,submitted,heaps\n' +
			'SA-4,Nowhere Borough,Public Sector Decarbonisation Scheme,Phase 4,Draft for nowhere,submitted,"£1"\n';
		const report = await importFile(handle, 'bids', csv, {
			mode: 'accept-valid',
			importedBy: ADMIN.email
		});
		expect(report.status).toBe('committed');
		batchId = report.batchId!;
	});
	afterAll(() => handle.close());

	const titles = (viewer: Viewer) =>
		getRejectedRows(batchId, viewer, handle.db)?.rows.map((r) =>
			r.find((c) => c.startsWith('Draft'))
		);

	it('gives the admin every row, each officer the rows of their councils, the public none', () => {
		expect(titles(ADMIN)).toEqual([
			'Draft for Trafford',
			'Draft for Manchester',
			'Draft for nowhere'
		]);
		expect(titles(officerOf('TRF'))).toEqual(['Draft for Trafford']);
		expect(titles(officerOf('MAN', 'TRF'))).toEqual(['Draft for Trafford', 'Draft for Manchester']);
		expect(titles(officerOf('KNS'))).toEqual([]);
		expect(getRejectedRows(batchId, { role: 'public' }, handle.db)).toBeNull();
	});

	it('tells the import’s page how many rows the viewer may download', () => {
		const readable = (viewer: Viewer) =>
			getImportBatch(batchId, viewer, handle.db)?.setAsideReadable;
		expect(readable(ADMIN)).toBe(3);
		expect(readable(officerOf('TRF'))).toBe(1);
		expect(readable(officerOf('KNS'))).toBe(0);
		expect(readable({ role: 'public' })).toBe(0);
	});
});
