/**
 * A small cache for the whole-country computations (the national progress rows, the compare
 * table): each reads every council and takes a few hundred milliseconds, while the data they read
 * changes only when an import commits or is undone. A result is kept per connection and per
 * options, and thrown away as soon as the database may have changed, so a request never sees
 * figures older than the last commit.
 *
 * "May have changed" is read from the connection itself in one cheap statement (microseconds;
 * sqlite/data-version.ts): any commit by another connection (the writer thread's imports and
 * undos, the command-line importer in another process, and also the request thread's own small
 * writes for accounts, a session at sign-in or a failed sign-in: those invalidate too, which costs
 * one recomputation now and then and keeps the rule simple and certain), any row this connection
 * wrote itself (tests and scripts read and write through one), and any change of the schema.
 * Nothing in process memory has to be told about a write, so no write path can forget to.
 *
 * Only for results that are the same for every viewer: the key holds the options, never who is
 * asking, so a computation that shows private fields to some viewers must not come through here.
 * Results are shared by every caller and therefore frozen: a caller that changed one would change
 * it for the next request, and freezing makes that throw instead.
 */
import { serverDb, type Db } from './connection';
import { dataVersion } from './sqlite/data-version';

/** Freeze a result and everything in it (plain objects and arrays: what queries return). */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

interface ConnectionCache<T> {
	version: string;
	/** Oldest use first: a hit moves its entry to the end, and the first is dropped when full. */
	entries: Map<string, T>;
}

/**
 * `compute` behind a cache keyed on `keyOf(options)`, at most `max` results per connection (the
 * options are few: two measures, eight trend windows).
 */
export function cachedByDataVersion<O, T>(
	compute: (options: O, db: Db) => T,
	keyOf: (options: O) => string,
	max = 8
): (options: O, db: Db) => T {
	const byConnection = new WeakMap<Db, ConnectionCache<T>>();
	return (options, db) => {
		// Read before computing: the computation's queries are separate statements, and a commit
		// landing between them leaves this result stored under the older version, so the next call
		// recomputes rather than keeping a mixture.
		const version = dataVersion(db);
		let cache = byConnection.get(db);
		if (!cache || cache.version !== version) {
			byConnection.set(db, (cache = { version, entries: new Map() }));
		}
		const key = keyOf(options);
		let result = cache.entries.get(key);
		if (result !== undefined) cache.entries.delete(key);
		else result = deepFreeze(compute(options, db));
		cache.entries.set(key, result);
		if (cache.entries.size > max) cache.entries.delete(cache.entries.keys().next().value!);
		return result;
	};
}

/**
 * What the server's database looks like now, as one comparable string: a key part for results
 * kept outside this module (the committee report's PDF) that must not outlive a change.
 */
export function currentDataVersion(db: Db = serverDb()): string {
	return dataVersion(db);
}
