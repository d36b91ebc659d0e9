/**
 * A small cache for the whole-country computations (the national progress rows, the compare
 * table): each reads every council and takes a few hundred milliseconds, while the data they read
 * changes only when an import commits or is undone. A result is kept per connection and per
 * options, and thrown away as soon as the database may have changed, so a request never sees
 * figures older than the last commit.
 *
 * "May have changed" is read from the connection itself, in one cheap statement (microseconds):
 * - `data_version` changes whenever ANOTHER connection commits: the writer thread's imports and
 *   undos, the command-line importer in another process, and also the request thread's own small
 *   writes for accounts (a session at sign-in, a failed sign-in). Those invalidate too; that costs
 *   one recomputation now and then, and it keeps the rule simple and certain.
 * - `total_changes()` counts the rows this connection itself wrote, which `data_version` ignores:
 *   tests and scripts read and write through one connection.
 * - `schema_version` catches a migration or a dropped table on this connection.
 * Nothing in process memory has to be told about a write, so no write path can forget to.
 *
 * Only for results that are the same for every viewer: the key holds the options, never who is
 * asking, so a computation that shows private fields to some viewers must not come through here.
 * Results are shared by every caller and therefore frozen: a caller that changed one would change
 * it for the next request, and freezing makes that throw instead.
 */
import { preparedQuery, sqliteOf, type Db } from './connection';

const versionQuery = preparedQuery((db) =>
	sqliteOf(db)
		.prepare(
			'SELECT data_version, schema_version, total_changes() FROM pragma_data_version, pragma_schema_version'
		)
		.raw()
);

/** What the database looks like from this connection, as one comparable string. */
export function dataVersion(db: Db): string {
	return (versionQuery(db).get() as number[]).join(':');
}

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
