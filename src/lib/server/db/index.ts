/**
 * The server's one database connection, set by the init hook before any request is served.
 */
import type { DbHandle } from './client';

let current: DbHandle | null = null;

export function setDatabase(handle: DbHandle): void {
	current = handle;
}

export function getDatabase(): DbHandle {
	if (!current) throw new Error('Database not ready: the server init hook has not run.');
	return current;
}
