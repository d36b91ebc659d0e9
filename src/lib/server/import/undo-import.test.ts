import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
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

		const result = undoImport(handle, second.batchId!);
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
		expect(undoImport(handle, report.batchId!).ok).toBe(true);
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
		const refused = undoImport(handle, first.batchId!);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.reason).toContain(`undo ${second.batchId}`);
		expect(undoImport(handle, second.batchId!).ok).toBe(true);
		expect(undoImport(handle, first.batchId!).ok).toBe(true);
		expect(handle.sqlite.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(0);
	});

	it('will not undo a rejected import or one twice', async () => {
		const rejected = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Nonsense,2038.0,W,https://a.example\n`
		);
		expect(rejected.status).toBe('rejected');
		expect(undoImport(handle, rejected.batchId!).ok).toBe(false);
		const ok = await importFile(
			handle,
			'mysociety-promises',
			`${HEADER}\nTRF,Whole area,2038.0,W,https://a.example\n`
		);
		expect(undoImport(handle, ok.batchId!).ok).toBe(true);
		expect(undoImport(handle, ok.batchId!)).toMatchObject({ ok: false });
	});
});
