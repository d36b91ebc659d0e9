import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	createTestDb,
	dataDigest,
	fixture,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';

interface Expected {
	file: string;
	feed: string;
	fatal?: string;
	error?: { row: number; column: string; value: string; message: string };
}

const cases = JSON.parse(readFileSync(fixture('bad/expected.json'), 'utf8')) as Expected[];

describe('bad files (tests/fixtures/bad): each is refused with the exact problem, nothing written', () => {
	let handle: DbHandle;
	beforeAll(async () => {
		handle = createTestDb();
		await loadAuthorities(handle);
	});

	it.each(cases)('$file', async (c) => {
		const before = dataDigest(handle);
		const report = await importFile(handle, c.feed, fixture(`bad/${c.file}`));
		expect(report.status).toBe('rejected');
		expect(report.rowsWritten).toBe(0);
		if (c.fatal) expect(report.fatal).toBe(c.fatal);
		if (c.error) {
			const errors = report.groups.filter((g) => g.severity === 'error');
			expect(errors).toContainEqual(
				expect.objectContaining({
					column: c.error.column,
					message: c.error.message,
					rows: [c.error.row],
					values: [c.error.value]
				})
			);
		}
		expect(dataDigest(handle)).toEqual(before);
	});
});
