import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb } from '../db/client';
import { DATA_DIR, MIGRATIONS_DIR } from '../../../../tests/helpers/db';
import { loadDefaultData, readManifest } from './load-default-data';

const dir = mkdtempSync(join(tmpdir(), 'nzl-default-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadDefaultData (the real data/ folder)', () => {
	const manifest = readManifest(DATA_DIR);
	const files = manifest.datasets.flatMap((d) => d.files.map((f) => f.path));

	it(
		'loads every shipped file on first start and skips every one on the second',
		{ timeout: 60_000 },
		async () => {
			const url = join(dir, 'default.db');
			const first = createDb(url);
			migrateDb(first, MIGRATIONS_DIR);
			const lines: string[] = [];
			const loaded = await loadDefaultData(first, DATA_DIR, (l) => lines.push(l));
			expect(files).toHaveLength(13);
			expect(loaded.skipped).toEqual([]);
			expect(loaded.loaded.map((r) => r.fileName)).toEqual(files);
			expect(loaded.loaded.every((r) => r.status === 'committed')).toBe(true);
			expect(lines).toHaveLength(13);
			const count = (t: string) =>
				first.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
			const counts = {
				authorities: count('authorities'),
				emissions: count('emissions'),
				targets: count('targets'),
				datasets: count('datasets')
			};
			expect(counts).toEqual({
				authorities: 470,
				emissions: 6304 * 20 + 361 * 19,
				targets: 497,
				datasets: manifest.datasets.length
			});
			first.close();

			// a second start, on the same file
			const second = createDb(url);
			migrateDb(second, MIGRATIONS_DIR);
			const again = await loadDefaultData(second, DATA_DIR);
			expect(again.loaded).toEqual([]);
			expect(again.skipped).toEqual(files);
			expect(second.sqlite.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(497);
			expect(
				second.sqlite
					.prepare("SELECT count(*) FROM import_batches WHERE status = 'committed'")
					.pluck()
					.get()
			).toBe(13);
			second.close();
		}
	);
});
