/**
 * The request thread's one writable connection, for the small writes accounts need (a session, a
 * failed sign-in, a user) and the records officers make through the app (a status override, a
 * report recorded as presented). Pages read through the read-only connection; imports write on the
 * writer thread. SQLite's own busy wait would freeze every request while an import holds the
 * lock, so this connection waits not at all and `whenFree` retries off the event loop instead.
 */
import { createDb, type DbHandle } from '../db/client';
import { readConfig } from '../config';
import { isBusy } from '../import/write-lock';

let handle: DbHandle | null = null;

export function accountsDb(): DbHandle {
	if (!handle) {
		handle = createDb(readConfig().DATABASE_URL);
		handle.sqlite.pragma('busy_timeout = 0');
	}
	return handle;
}

/** Run a write, retrying while another writer holds the lock (up to `timeoutMs`). */
export async function whenFree<T>(write: () => T, timeoutMs = 120_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
		try {
			return write();
		} catch (e) {
			if (!isBusy(e) || Date.now() > deadline) throw e;
			await new Promise((r) => setTimeout(r, wait));
		}
	}
}
