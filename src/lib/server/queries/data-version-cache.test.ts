/**
 * The whole-country cache: one computation per options while nothing is written, and a fresh one
 * after any commit that changes what pages show, whether another connection made it (the writer
 * thread, another process) or the reading connection itself (tests, scripts); never after a
 * sign-in, a session or a failed sign-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '../db/client';
import { createTestDb } from '../../../../tests/helpers/db';
import { sqliteOf, type Db } from './connection';
import {
	cachedByDataVersion,
	computeRequested,
	deepFreeze,
	refreshOffThread,
	servedDataVersion,
	wholeCountryUpToDate,
	type Refresher,
	type RefreshRequest
} from './data-version-cache';
import { inReadSnapshot } from './sqlite/read-snapshot';
import { dataVersion } from './sqlite/data-version';

let dir: string;
let writer: DbHandle;
let reader: DbHandle;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'nzl-cache-'));
	const path = join(dir, 'db.sqlite');
	writer = createTestDb(path);
	writer.sqlite.exec('CREATE TABLE figures (kt REAL NOT NULL)');
	reader = createDb(path, { readonly: true });
});
afterEach(() => writer.sqlite.exec('DELETE FROM figures'));
afterAll(() => {
	reader.close();
	writer.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A commit as an import makes it: its rows and its batch's record in one transaction. */
function importKt(kt: number) {
	writer.sqlite.transaction(() => {
		writer.sqlite.prepare('INSERT INTO figures VALUES (?)').run(kt);
		writer.sqlite
			.prepare(
				"INSERT INTO import_batches (feed, file_name, checksum, imported_by, status) VALUES ('t', 't.csv', 'x', 'test', 'committed')"
			)
			.run();
	})();
}

let named = 0;
/** A counted computation: the total, scaled by the option, and how many times it ran. */
function counted() {
	const calls: number[] = [];
	const total = cachedByDataVersion(
		`total ${named++}`,
		(scale: number, db: Db) => {
			calls.push(scale);
			const kt = sqliteOf(db).prepare('SELECT coalesce(sum(kt), 0) FROM figures').pluck().get();
			return { total: (kt as number) * scale, rows: [{ scale }] };
		},
		(scale) => String(scale),
		2
	);
	return { total, calls };
}

describe('cachedByDataVersion', () => {
	it('computes once per options while nothing is written, and shares the result', () => {
		const { total, calls } = counted();
		const first = total(1, reader.db);
		expect(total(1, reader.db)).toBe(first);
		expect(total(10, reader.db)).not.toBe(first);
		expect(calls).toEqual([1, 10]);
	});

	it("sees another connection's import on the next call", () => {
		const { total, calls } = counted();
		expect(total(1, reader.db).total).toBe(0);
		importKt(42);
		expect(total(1, reader.db).total).toBe(42);
		expect(total(1, reader.db).total).toBe(42);
		expect(calls).toEqual([1, 1]);
	});

	it('sees a write made through the reading connection itself', () => {
		const { total } = counted();
		expect(total(1, writer.db).total).toBe(0);
		writer.sqlite.prepare('INSERT INTO figures VALUES (?)').run(7);
		expect(total(1, writer.db).total).toBe(7);
		writer.sqlite.prepare('UPDATE figures SET kt = 8').run();
		expect(total(1, writer.db).total).toBe(8);
	});

	it('keeps its results through sign-ins, sessions and failed sign-ins on another connection', () => {
		const { total, calls } = counted();
		const first = total(1, reader.db);
		const w = writer.sqlite;
		w.prepare(
			"INSERT INTO users (email, password_hash, role) VALUES ('a@b.uk', 'x', 'admin')"
		).run();
		w.prepare(
			"INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('h', 1, '2099-01-01')"
		).run();
		w.prepare(
			"INSERT INTO login_attempts (email, ip, at) VALUES ('a@b.uk', '1.2.3.4', 'now')"
		).run();
		w.prepare(
			"INSERT INTO audit_log (action, actor, summary) VALUES ('sign-in', 'a@b.uk', 'signed in')"
		).run();
		w.prepare('DELETE FROM sessions').run();
		expect(total(1, reader.db)).toBe(first);
		expect(calls).toEqual([1]);
	});

	it("sees an officer's council record, an undo and a refused file's record", () => {
		const { total, calls } = counted();
		total(1, reader.db);
		importKt(1);
		total(1, reader.db);
		writer.sqlite.prepare("UPDATE import_batches SET status = 'undone'").run();
		total(1, reader.db);
		writer.sqlite
			.prepare(
				"INSERT INTO status_overrides (authority_code, scope, target_id, measure, colour, reason, actor) VALUES ('TRF', 'whole_area', 1, 'territorial', 'green', 'a reason long enough', 'a@b.uk')"
			)
			.run();
		total(1, reader.db);
		expect(calls).toEqual([1, 1, 1, 1]);
	});

	it('ignores a transaction rolled back by another connection', () => {
		const { total, calls } = counted();
		const first = total(1, reader.db);
		writer.sqlite.exec('BEGIN');
		writer.sqlite.prepare('INSERT INTO figures VALUES (?)').run(5);
		// While the writer's transaction is open the reader sees the last commit: still cached.
		expect(total(1, reader.db)).toBe(first);
		writer.sqlite.exec('ROLLBACK');
		expect(total(1, reader.db)).toBe(first);
		expect(calls).toEqual([1]);
	});

	it('keeps each connection apart', () => {
		const { total, calls } = counted();
		total(1, reader.db);
		total(1, writer.db);
		expect(calls).toEqual([1, 1]);
	});

	it('keeps at most `max` results, dropping the least recently used', () => {
		const { total, calls } = counted();
		total(1, reader.db);
		total(2, reader.db);
		total(1, reader.db); // 1 is now the most recent
		total(3, reader.db); // drops 2
		total(1, reader.db);
		total(2, reader.db);
		expect(calls).toEqual([1, 2, 3, 2]);
	});

	it('does not keep a result whose computation threw', () => {
		let fail = true;
		const f = cachedByDataVersion(
			'failing',
			(_: null) => {
				if (fail) throw new Error('no');
				return { ok: true };
			},
			() => ''
		);
		expect(() => f(null, reader.db)).toThrow('no');
		fail = false;
		expect(f(null, reader.db)).toEqual({ ok: true });
	});

	it('hands out a frozen result, so no caller can change it for the next', () => {
		const { total } = counted();
		const shared = total(1, reader.db);
		expect(() => {
			shared.total = 99;
		}).toThrow(TypeError);
		expect(() => shared.rows.push({ scale: 2 })).toThrow(TypeError);
		expect(() => {
			shared.rows[0]!.scale = 2;
		}).toThrow(TypeError);
		expect(total(1, reader.db)).toEqual({ total: 0, rows: [{ scale: 1 }] });
	});
});

describe('dataVersion', () => {
	it('changes on an import elsewhere, a write of its own and a change of the schema', () => {
		const seen = [dataVersion(reader.db)];
		importKt(1);
		seen.push(dataVersion(reader.db));
		const own = createTestDb();
		seen.push(dataVersion(own.db));
		own.sqlite.exec('CREATE TABLE t (x)');
		seen.push(dataVersion(own.db));
		own.sqlite.exec('INSERT INTO t VALUES (1)');
		seen.push(dataVersion(own.db));
		own.close();
		expect(new Set(seen.slice(0, 2)).size).toBe(2);
		expect(new Set(seen.slice(2)).size).toBe(3);
	});

	it('stays the same while nothing is written', () => {
		const v = dataVersion(reader.db);
		sqliteOf(reader.db).prepare('SELECT count(*) FROM figures').get();
		expect(dataVersion(reader.db)).toBe(v);
	});
});

describe('deepFreeze', () => {
	it('freezes nested objects and arrays and returns the value', () => {
		const v = { a: [{ b: 1 }], c: { d: null as number | null } };
		expect(deepFreeze(v)).toBe(v);
		expect(Object.isFrozen(v.a[0])).toBe(true);
		expect(Object.isFrozen(v.c)).toBe(true);
	});
});

describe('with a refresher: no reader waits for a recomputation', () => {
	/** A reading connection of its own (a refresher stays with its connection). */
	function openReader() {
		const path = join(dir, 'db.sqlite');
		const pages = createDb(path, { readonly: true });
		const other = createDb(path, { readonly: true });
		const asked: RefreshRequest[][] = [];
		let hold: Promise<void> = Promise.resolve();
		// The worker thread's part, on another connection in this thread; its answer arrives
		// when `hold` lets it.
		const refresher: Refresher = async (requests) => {
			asked.push(requests);
			const refreshed = inReadSnapshot(other.db, () => computeRequested(requests, other.db));
			await hold;
			return refreshed;
		};
		refreshOffThread(pages.db, refresher);
		return {
			db: pages.db,
			asked,
			holdUntil: (p: Promise<void>) => {
				hold = p;
			},
			close: () => {
				pages.close();
				other.close();
			}
		};
	}

	it('serves the result from before a change while it is computed again, then the new one', async () => {
		const pages = openReader();
		try {
			const { total, calls } = counted();
			const before = total(1, pages.db);
			total(10, pages.db);
			expect(servedDataVersion(pages.db)).not.toBeNull();
			importKt(42);
			// The change is seen, the old results are served and nothing is computed here.
			expect(total(1, pages.db)).toBe(before);
			expect(total(10, pages.db).total).toBe(0);
			expect(servedDataVersion(pages.db)).toBeNull();
			await wholeCountryUpToDate(pages.db);
			expect(total(1, pages.db)).toEqual({ total: 42, rows: [{ scale: 1 }] });
			expect(total(10, pages.db).total).toBe(420);
			expect(Object.isFrozen(total(1, pages.db))).toBe(true);
			expect(servedDataVersion(pages.db)).toBe(dataVersion(pages.db));
			// Both were computed again off this connection, in one request.
			expect(pages.asked.map((r) => r.map((q) => q.options))).toEqual([[1, 10]]);
			expect(calls).toEqual([1, 10, 1, 10]);
		} finally {
			pages.close();
		}
	});

	it('computes again the two most recently used results of each kind, and drops the rest', async () => {
		const pages = openReader();
		try {
			const { total, calls } = counted();
			for (const scale of [1, 2, 3, 2]) total(scale, pages.db);
			importKt(6);
			await wholeCountryUpToDate(pages.db);
			// 3 and 2 were used last; 1 is computed here when asked for.
			expect(pages.asked.map((r) => r.map((q) => q.options))).toEqual([[3, 2]]);
			expect(total(1, pages.db).total).toBe(6);
			expect(calls).toEqual([1, 2, 3, 3, 2, 1]);
		} finally {
			pages.close();
		}
	});

	it('computes here what it never had, without using an old inner result', async () => {
		const pages = openReader();
		try {
			const { total } = counted();
			const outer = cachedByDataVersion(
				'outer',
				(scale: number, db: Db) => ({ doubled: total(scale, db).total * 2 }),
				String
			);
			total(1, pages.db);
			importKt(5);
			// Served from before the change: total(1) is old…
			expect(total(1, pages.db).total).toBe(0);
			// …but a result computed now reads its inner results afresh.
			expect(outer(1, pages.db)).toEqual({ doubled: 10 });
			await wholeCountryUpToDate(pages.db);
			expect(total(1, pages.db).total).toBe(5);
		} finally {
			pages.close();
		}
	});

	it('drops results of a version that changed again during the refresh, and goes again', async () => {
		const pages = openReader();
		try {
			const { total } = counted();
			total(1, pages.db);
			let release!: () => void;
			pages.holdUntil(new Promise<void>((r) => (release = r)));
			importKt(1);
			const refreshed = wholeCountryUpToDate(pages.db);
			// Computed at the first import; the second commits before that answer arrives.
			importKt(2);
			expect(total(1, pages.db).total).toBe(0);
			release();
			await refreshed;
			expect(total(1, pages.db).total).toBe(3);
			expect(pages.asked).toHaveLength(2);
			expect(servedDataVersion(pages.db)).not.toBeNull();
		} finally {
			pages.close();
		}
	});

	it('lets readers compute for themselves when the refresher fails', async () => {
		const pages = openReader();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const { total } = counted();
			total(1, pages.db);
			refreshOffThread(pages.db, () => Promise.reject(new Error('worker gone')));
			importKt(7);
			expect(total(1, pages.db).total).toBe(0);
			await wholeCountryUpToDate(pages.db);
			expect(logged).toHaveBeenCalledOnce();
			expect(total(1, pages.db).total).toBe(7);
		} finally {
			logged.mockRestore();
			pages.close();
		}
	});
});
