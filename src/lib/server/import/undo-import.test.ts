import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	countRows,
	createTestDb,
	dataDigest,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { undoImport } from './undo-import';

const HEADER = 'local-authority-code,scope,target,wording,source_url';

describe('undoImport', () => {
	let handle: DbHandle;
	beforeEach(async () => {
		handle = createTestDb();
		await loadAuthorities(handle);
	});
	afterEach(() => handle.close());

	it('restores exactly the state before an import that inserted and updated rows', async () => {
		await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,Net zero by 2038,https://a.example\n`
		);
		const before = dataDigest(handle);
		// Changes the source of the existing row (an update) and adds a new target (an insert).
		const second = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,Net zero by 2038,https://b.example\nMAN,Council operations,2038.0,Carbon neutral,https://c.example\n`
		);
		expect(second.status).toBe('committed');
		expect(second.changes).toEqual([{ table: 'targets', inserted: 1, updated: 1, deleted: 0 }]);
		expect(dataDigest(handle)).not.toEqual(before);

		const result = await undoImport(handle, second.batchId!);
		expect(result).toEqual({ ok: true, batchId: second.batchId, rowsRestored: 2 });
		expect(dataDigest(handle)).toEqual(before);
		const status = handle.sqlite
			.prepare('SELECT status FROM import_batches WHERE id = ?')
			.pluck()
			.get(second.batchId);
		expect(status).toBe('undone');
	});

	it('undoes an emissions release, its rows going with it', async () => {
		const before = dataDigest(handle);
		const report = await importFile(handle, 'mysociety-emissions', 'tests/fixtures/emissions.csv');
		expect(handle.sqlite.prepare('SELECT count(*) FROM emissions').pluck().get()).toBeGreaterThan(
			0
		);
		expect((await undoImport(handle, report.batchId!)).ok).toBe(true);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('refuses while a later import changed the same rows, and names it', async () => {
		const first = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,W,https://a.example\n`
		);
		const second = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,W,https://b.example\n`
		);
		const refused = await undoImport(handle, first.batchId!);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.reason).toContain(`undo ${second.batchId}`);
		expect((await undoImport(handle, second.batchId!)).ok).toBe(true);
		expect((await undoImport(handle, first.batchId!)).ok).toBe(true);
		expect(handle.sqlite.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(0);
	});

	it('will not undo a rejected import or one twice', async () => {
		const rejected = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Nonsense,2038.0,W,https://a.example\n`
		);
		expect(rejected.status).toBe('rejected');
		expect((await undoImport(handle, rejected.batchId!)).ok).toBe(false);
		const ok = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,W,https://a.example\n`
		);
		expect((await undoImport(handle, ok.batchId!)).ok).toBe(true);
		expect(await undoImport(handle, ok.batchId!)).toMatchObject({ ok: false });
	});

	it('refuses, naming the later import, when a bid of a later import is on a round this one created', async () => {
		const rounds = await importFile(
			handle,
			'competitions',
			'scheme,round,closes\nPublic Buildings Retrofit Fund,Phase 2,28/11/2024\n'
		);
		const bids = await importFile(
			handle,
			'bids',
			'reference,lead,scheme,round,title,status\nLDS-1,Leeds,Public Buildings Retrofit Fund,Phase 2,Heat pumps,submitted\n'
		);
		expect([rounds.status, bids.status]).toEqual(['committed', 'committed']);
		const before = dataDigest(handle);

		const refused = await undoImport(handle, rounds.batchId!);
		expect(refused).toEqual({
			ok: false,
			batchId: rounds.batchId,
			reason: `Later imports depend on rows this import added: undo ${bids.batchId} (bids.csv) first.`
		});
		expect(dataDigest(handle)).toEqual(before);
		expect(handle.sqlite.inTransaction).toBe(false);
		// In the order it names, both go.
		expect((await undoImport(handle, bids.batchId!)).ok).toBe(true);
		expect((await undoImport(handle, rounds.batchId!)).ok).toBe(true);
	});

	it('refuses when undoing would remove a later import’s rows by cascade (milestones of its action)', async () => {
		const actions = await importFile(
			handle,
			'actions',
			'authority,reference,title,status\nLeeds,ACT-1,LED street lighting,in progress\n'
		);
		const milestones = await importFile(
			handle,
			'milestones',
			'authority,action_reference,milestone,due\nLeeds,ACT-1,Contractor appointed,30/06/2026\n'
		);
		expect([actions.status, milestones.status]).toEqual(['committed', 'committed']);
		const before = dataDigest(handle);
		const refused = await undoImport(handle, actions.batchId!);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.reason).toBe(
			`Later imports depend on rows this import added: undo ${milestones.batchId} (milestones.csv) first.`
		);
		expect(dataDigest(handle)).toEqual(before);
		expect(countRows(handle, 'import_changes')).toBeGreaterThan(0);
		expect(
			handle.sqlite.prepare('SELECT count(*) FROM import_changes WHERE batch_id < 0').pluck().get()
		).toBe(0);
	});
});
