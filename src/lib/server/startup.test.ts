/**
 * Server start-up against a database another program is writing: it must start, writing nothing
 * when nothing changed, and serve through a connection that cannot write.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, MIGRATIONS_DIR } from '../../../tests/helpers/db';
import { createDb } from './db/client';
import { runningServer } from './db/server-presence';
import { readConfig, type ServerConfig } from './config';
import { openServerDatabase } from './startup';
import { beginWrite } from './import/write-lock';

let dir: string;
let config: ServerConfig;
const lines: string[] = [];
const log = (l: string) => lines.push(l);

beforeAll(() => {
	// A small shipped-data folder: the council register only.
	dir = mkdtempSync(join(tmpdir(), 'nzl-start-'));
	const dataDir = join(dir, 'data');
	mkdirSync(dataDir);
	cpSync(join(DATA_DIR, 'uk-la-names-codes'), join(dataDir, 'uk-la-names-codes'), {
		recursive: true
	});
	const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'datasets.json'), 'utf8'));
	manifest.datasets = manifest.datasets.filter(
		(d: { key: string }) => d.key === 'uk-la-names-codes'
	);
	writeFileSync(join(dataDir, 'datasets.json'), JSON.stringify(manifest));
	config = readConfig({
		DATABASE_URL: join(dir, 'db.sqlite'),
		DATA_DIR: dataDir,
		MIGRATIONS_DIR,
		UPLOAD_DIR: join(dir, 'uploads')
	});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openServerDatabase', () => {
	it('loads the shipped data on a first start, before serving', async () => {
		const handle = await openServerDatabase(config, log);
		expect(handle.sqlite.prepare('SELECT count(*) FROM authorities').pluck().get()).toBeGreaterThan(
			400
		);
		// Announced beside the database, so a restore knows a server is using it.
		expect(runningServer(config.DATABASE_URL)?.pid).toBe(process.pid);
		handle.close();
	}, 60_000);

	it('starts while another program holds the write lock, writing nothing, and reads only', async () => {
		const other = createDb(config.DATABASE_URL);
		const lock = await beginWrite(other.sqlite, config.DATABASE_URL, 'the import of big.csv');
		try {
			mkdirSync(config.UPLOAD_DIR, { recursive: true });
			writeFileSync(join(config.UPLOAD_DIR, 'left-over.csv'), 'a,b\n');
			const handle = await openServerDatabase(config, log);
			expect(
				handle.sqlite.prepare('SELECT count(*) FROM authorities').pluck().get()
			).toBeGreaterThan(400);
			expect(() => handle.sqlite.exec('DELETE FROM authorities')).toThrow(/readonly/);
			handle.close();
		} finally {
			other.sqlite.exec('ROLLBACK');
			lock.release();
			other.close();
		}
		// Uploads of jobs held in memory by an earlier run are gone.
		expect(() => readFileSync(join(config.UPLOAD_DIR, 'left-over.csv'))).toThrow();
	}, 60_000);
});
