import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	beginWrite,
	currentWriter,
	DatabaseBusy,
	inWriteTransaction,
	type WriterInfo
} from './write-lock';

let dir: string;
let path: string;
let a: Database.Database;
let b: Database.Database;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'nzl-lock-'));
	path = join(dir, 'db.sqlite');
	a = new Database(path);
	a.pragma('journal_mode = WAL');
	a.exec('CREATE TABLE t (v INTEGER)');
	b = new Database(path);
	// What the other connections of the app use: a try that blocks must not be this long.
	b.pragma('busy_timeout = 5000');
});
afterEach(() => {
	a.close();
	b.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('beginWrite', () => {
	it('waits while another connection writes, says once who it is, then takes the lock', async () => {
		const first = await beginWrite(a, path, 'the import of big.csv');
		a.exec('INSERT INTO t VALUES (1)');
		expect(currentWriter(path)).toMatchObject({ what: 'the import of big.csv', pid: process.pid });

		const waits: (WriterInfo | null)[] = [];
		const ticks: number[] = [Date.now()];
		const ticker = setInterval(() => ticks.push(Date.now()), 10);
		const second = beginWrite(b, path, 'the check of bids.csv', { onWait: (h) => waits.push(h) });
		await new Promise((r) => setTimeout(r, 1500));
		// The event loop kept turning while the second writer waited: it never blocked for the
		// connection's 5 s busy timeout, only for short tries.
		const longestPause = Math.max(...ticks.slice(1).map((t, i) => t - ticks[i]!));
		expect(longestPause).toBeLessThan(1000);
		expect(waits).toEqual([expect.objectContaining({ what: 'the import of big.csv' })]);

		a.exec('COMMIT');
		first.release();
		const lock = await second;
		clearInterval(ticker);
		expect(b.inTransaction).toBe(true);
		expect(currentWriter(path)).toMatchObject({ what: 'the check of bids.csv' });
		b.exec('ROLLBACK');
		lock.release();
		expect(currentWriter(path)).toBeNull();
		// Its own busy timeout is given back.
		expect(b.pragma('busy_timeout', { simple: true })).toBe(5000);
	});

	it('fails at once with DatabaseBusy, naming the holder, when told not to wait', async () => {
		const first = await beginWrite(a, path, 'the import of big.csv');
		const refused = beginWrite(b, path, 'the import of small.csv', { noWait: true });
		await expect(refused).rejects.toBeInstanceOf(DatabaseBusy);
		await expect(refused).rejects.toThrow(
			/^The database is busy: the import of big\.csv is writing to it/
		);
		a.exec('ROLLBACK');
		first.release();
	});
});

describe('inWriteTransaction', () => {
	it('commits what the function wrote, and rolls back when it throws', async () => {
		await inWriteTransaction(a, path, 'a test', () => a.exec('INSERT INTO t VALUES (1)'));
		await expect(
			inWriteTransaction(a, path, 'a test', () => {
				a.exec('INSERT INTO t VALUES (2)');
				throw new Error('no');
			})
		).rejects.toThrow('no');
		expect(b.prepare('SELECT v FROM t').pluck().all()).toEqual([1]);
		expect(a.inTransaction).toBe(false);
		expect(currentWriter(path)).toBeNull();
	});
});
