/**
 * A small cache for the whole-country computations (the national progress rows, the compare
 * table, the national funding picture…): each reads every council and takes from a few hundred
 * milliseconds to seconds at national scale, while the data they read changes only when an import
 * commits or is undone. A result is kept per connection and per options until the data changes.
 *
 * "The data changed" is read from the connection itself in one cheap statement (microseconds;
 * sqlite/data-version.ts): a commit of an import, an undo or a council record by any connection or
 * process, any row this connection wrote itself (tests and scripts read and write through one), and
 * any change of the schema. Accounts (sign-ins, sessions, failed sign-ins, the audit trail) never
 * count. Nothing in process memory has to be told about a write, so no write path can forget to.
 *
 * Then, on a connection with a refresher (the server's: whole-country.ts), no reader waits for the
 * recomputation: a request gets the result from before the change while a worker thread computes
 * the most used kept results again on its own connection, in one read snapshot, and the new
 * results replace the old ones together. Until then `servedDataVersion` says the pages are not of one version, so
 * the response cache keeps none of them. Elsewhere (tests, scripts) the next call recomputes.
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

interface Computation {
	/** How a worker names it: unique among computations. */
	name: string;
	compute: (options: never, db: Db) => unknown;
	keyOf: (options: never) => string;
	max: number;
}

interface Kept {
	options: unknown;
	result: unknown;
}

/** Per computation, its kept results by key, oldest use first. */
type Results = Map<Computation, Map<string, Kept>>;

interface ConnectionState {
	version: string;
	current: Results;
	/** The results from before the last change, served while a refresh computes them again. */
	previous: Results | null;
	refreshing: Promise<void> | null;
}

/** One computation, asked for again with the same options: what a refresher receives. */
export interface RefreshRequest {
	name: string;
	options: unknown;
}

export interface Refreshed {
	/** The data version the results were computed at, in one read snapshot. */
	version: string;
	results: (RefreshRequest & { result: unknown })[];
}

/** Computes results on another connection of the same database (a worker thread). */
export type Refresher = (requests: RefreshRequest[]) => Promise<Refreshed>;

/**
 * Results of one computation computed again after a change: the most recently used (a page's
 * default view and the one or two others people are looking at). Each costs up to seconds at
 * national scale and the writer's jobs wait for them; an option asked for less often is computed
 * when it is next asked for.
 */
const REFRESHED_PER_COMPUTATION = 2;

const computations = new Map<string, Computation>();
const states = new WeakMap<Db, ConnectionState>();
const refreshers = new WeakMap<Db, Refresher>();
/** Above 0 while a result is computed here: its inner cached calls must not be served stale. */
let computing = 0;

/** The connection's state, brought up to its current data version. */
function sync(db: Db): ConnectionState {
	const version = dataVersion(db);
	let state = states.get(db);
	if (!state) {
		states.set(db, (state = { version, current: new Map(), previous: null, refreshing: null }));
	} else if (state.version !== version) {
		const refresher = refreshers.get(db);
		state.previous = refresher ? mergeResults(state.previous, state.current) : null;
		if (state.previous?.size === 0) state.previous = null;
		state.current = new Map();
		state.version = version;
		if (state.previous) void refresh(db, state);
	}
	return state;
}

function mergeResults(older: Results | null, newer: Results): Results {
	if (!older) return newer;
	const merged: Results = new Map(older);
	for (const [c, kept] of newer) merged.set(c, new Map([...(older.get(c) ?? []), ...kept]));
	return merged;
}

function keep(state: ConnectionState, c: Computation, key: string, kept: Kept) {
	let byKey = state.current.get(c);
	if (!byKey) state.current.set(c, (byKey = new Map()));
	byKey.delete(key);
	byKey.set(key, kept);
	if (byKey.size > c.max) byKey.delete(byKey.keys().next().value!);
}

/**
 * `compute` behind a cache keyed on `keyOf(options)`, at most `max` results per connection (the
 * options are few: two measures, eight trend windows). `name` lets a worker compute it again
 * (whole-country.ts); its options must survive being copied to another thread.
 */
export function cachedByDataVersion<O, T>(
	name: string,
	compute: (options: O, db: Db) => T,
	keyOf: (options: O) => string,
	max = 8
): (options: O, db: Db) => T {
	const c: Computation = {
		name,
		compute: compute as Computation['compute'],
		keyOf: keyOf as Computation['keyOf'],
		max
	};
	// A module loaded again (development's hot reload) replaces its computation.
	computations.set(name, c);
	return (options, db) => {
		// Read before computing: the computation's queries are separate statements, and a commit
		// landing between them leaves this result stored under the older version, so the next call
		// recomputes rather than keeping a mixture.
		const state = sync(db);
		const key = keyOf(options);
		const hit = state.current.get(c)?.get(key);
		if (hit) {
			keep(state, c, key, hit);
			return hit.result as T;
		}
		const stale = computing === 0 ? state.previous?.get(c)?.get(key) : undefined;
		if (stale) return stale.result as T;
		computing++;
		let result: T;
		try {
			result = deepFreeze(compute(options, db));
		} finally {
			computing--;
		}
		keep(state, c, key, { options, result });
		return result;
	};
}

/**
 * From now on, when the data changes, serve `db`'s readers the results from before the change
 * while `refresher` computes them again (the server's connection: whole-country.ts); null: no
 * longer.
 */
export function refreshOffThread(db: Db, refresher: Refresher | null): void {
	if (refresher) refreshers.set(db, refresher);
	else refreshers.delete(db);
}

/** Compute the most used results kept on `db` again through its refresher, until none is stale. */
function refresh(db: Db, state: ConnectionState): Promise<void> {
	if (state.refreshing) return state.refreshing;
	const run = async () => {
		try {
			while (state.previous) {
				const refresher = refreshers.get(db);
				if (!refresher) throw new Error('No refresher is set for this connection any more.');
				const requests: RefreshRequest[] = [];
				for (const [c, kept] of state.previous)
					for (const [key, k] of [...kept].slice(-REFRESHED_PER_COMPUTATION))
						if (!state.current.get(c)?.has(key))
							requests.push({ name: c.name, options: k.options });
				const done = await (requests.length ? refresher(requests) : null);
				// Brought up to date first: if the data changed again meanwhile, these results are
				// of an older version and are dropped, and the loop goes round once more.
				sync(db);
				if (done && done.version !== state.version) continue;
				for (const r of done?.results ?? []) {
					const c = computations.get(r.name)!;
					keep(state, c, c.keyOf(r.options as never), {
						options: r.options,
						result: deepFreeze(r.result)
					});
				}
				state.previous = null;
			}
		} catch (e) {
			// Readers compute what they need themselves rather than see old figures for ever.
			console.error('Whole-country results could not be computed off the request thread:', e);
			state.previous = null;
		} finally {
			state.refreshing = null;
		}
	};
	return (state.refreshing = run());
}

/**
 * Resolves when the whole-country results kept on `db` are of its current data: at once when
 * they are, else when the refresh under way has replaced them (the writer's jobs wait for this,
 * so an import reported done shows its figures everywhere).
 */
export function wholeCountryUpToDate(db: Db = serverDb()): Promise<void> {
	const state = sync(db);
	return state.previous ? refresh(db, state) : Promise.resolve();
}

/**
 * Computes the named results on `db` for a refresher (on its worker thread), each with the
 * options it was asked for. The caller holds one read snapshot around this.
 */
export function computeRequested(requests: RefreshRequest[], db: Db): Refreshed {
	const version = dataVersion(db);
	const results = requests.map((r) => {
		const c = computations.get(r.name);
		if (!c) throw new Error(`No whole-country computation is called "${r.name}".`);
		return { ...r, result: c.compute(r.options as never, db) };
	});
	return { version, results };
}

/**
 * What the server's database looks like now, as one comparable string: a key part for results
 * kept outside this module (the public response cache, the committee report's PDF) that must not
 * outlive a change. Null while some whole-country results served are from before the last change:
 * a page made now mixes two versions and must not be kept.
 */
export function servedDataVersion(db: Db = serverDb()): string | null {
	const state = sync(db);
	return state.previous ? null : state.version;
}

/** The server's data version now, without acting on a change (a request's before and after). */
export function dataVersionNow(db: Db = serverDb()): string {
	return dataVersion(db);
}
