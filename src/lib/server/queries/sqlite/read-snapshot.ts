/**
 * Several reads seeing one committed state, the SQLite way: a deferred transaction on a reading
 * connection holds its WAL snapshot from the first read to the end, so results computed one after
 * another (whole-country.ts) are of one data version even while the writer commits.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../connection';

export function inReadSnapshot<T>(db: Db, read: () => T): T {
	db.run(sql`begin deferred`);
	try {
		return read();
	} finally {
		db.run(sql`commit`);
	}
}
