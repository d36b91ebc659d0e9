/**
 * The two-thread reader when the worker finishes first: with a small file and a main thread
 * slow to handle the header row, the worker has posted every batch and exited before any is
 * read. Every row must still arrive (this failed under load in CI before the exit was queued).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-worker-'));
const dbPath = join(dir, 'w.db');
const tsx = (args: string[], env: Record<string, string> = {}) =>
	execFileSync(process.execPath, ['--import', 'tsx', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});

beforeAll(() => {
	tsx(['scripts/migrate.ts'], { DATABASE_URL: dbPath }); // a database with the council register
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInWorker', () => {
	it('delivers every row even when the worker has exited before they are read', () => {
		for (const delay of ['0', '300']) {
			const out = JSON.parse(
				tsx(['tests/helpers/read-in-worker-slow.ts', dbPath, fixture('promises.csv'), delay]).trim()
			);
			expect(out).toEqual({ rows: expect.any(Number) });
			expect(out.rows).toBeGreaterThan(10);
		}
	}, 60_000);
});
