/**
 * Similar councils, stored: read the inputs, compute every council's peers
 * (metrics/similar-councils.ts) and replace the stored lists, inside the write transaction of the
 * import or undo that changed the inputs, so readers never see peers of another state of the data.
 * Pages only read the result; nothing is computed on a request.
 *
 * Hooked into the two write paths (run-import.ts after a committed import of an input feed,
 * undo-import.ts after undoing one), plus a start-up check (startup.ts) for a database whose peers
 * predate its data or this code. A digest of the method and of every input value is stored with
 * the peers: when it has not changed (the same file imported again), nothing is written.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { DbHandle } from '../db/client';
import { similarCouncils as similarTable, similarityRuns } from '../db/schema';
import { SIMILARITY_TYPES, similarCouncils } from '../metrics/similar-councils';
import { readSimilarityInputs, type SimilarityInputs } from './similarity-inputs';
import { inWriteTransaction, type WaitOptions } from './write-lock';

/** Feeds whose imports change the inputs: the register (type, position, area) and the sectors. */
export const SIMILARITY_INPUT_FEEDS: ReadonlySet<string> = new Set([
	'authorities',
	'mysociety-emissions'
]);

/**
 * Bump when the method changes (features, weights, scale, tier groups, limit): the next start
 * then recomputes every stored list.
 */
export const SIMILARITY_METHOD_VERSION = 2;

export interface RefreshResult {
	/** False when the inputs were unchanged and nothing was written. */
	changed: boolean;
	/** Peer rows stored (all types). */
	peers: number;
	/** Time taken to read the inputs, compute and write, milliseconds. */
	ms: number;
}

type Handle = Pick<DbHandle, 'db' | 'sqlite'>;

function inputsKey(inputs: SimilarityInputs): string {
	return createHash('sha256')
		.update(JSON.stringify({ method: SIMILARITY_METHOD_VERSION, ...inputs }))
		.digest('hex');
}

function storedKey(handle: Handle): string | null {
	const row = handle.db
		.select({ key: similarityRuns.inputsKey })
		.from(similarityRuns)
		.where(eq(similarityRuns.id, 1))
		.get();
	return row?.key ?? null;
}

/** Whether the stored peers are not those of the current data (read only). */
export function similarCouncilsStale(handle: Handle): boolean {
	const inputs = readSimilarityInputs(handle.db);
	const stored = storedKey(handle);
	// An empty database has nothing to compare.
	if (stored === null && inputs.authorities.length === 0) return false;
	return stored !== inputsKey(inputs);
}

/** Recompute and store every council's peers. The caller holds the write transaction. */
export function refreshSimilarCouncils(handle: Handle): RefreshResult {
	const started = performance.now();
	const { sqlite } = handle;
	if (!sqlite.inTransaction) {
		throw new Error('refreshSimilarCouncils: expected to run inside a write transaction');
	}
	const inputs = readSimilarityInputs(handle.db);
	const key = inputsKey(inputs);
	if (storedKey(handle) === key) {
		return { changed: false, peers: 0, ms: performance.now() - started };
	}
	const result = similarCouncils(inputs.authorities, inputs.emissions);

	// One prepared insert, rows in primary-key order so the key's index grows at its end (a third
	// faster than type by type). Names still come from the Drizzle table object.
	const t = similarTable;
	const columns = [t.authorityCode, t.type, t.rank, t.peerCode, t.match, t.distance, t.why];
	const table = `"${getTableConfig(t).name}"`;
	sqlite.prepare(`DELETE FROM ${table}`).run();
	const insert = sqlite.prepare(
		`INSERT INTO ${table} (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
	);
	const codes = [...new Set(SIMILARITY_TYPES.flatMap((type) => [...result.peers[type].keys()]))];
	let peers = 0;
	for (const code of codes.sort()) {
		for (const type of SIMILARITY_TYPES) {
			for (const p of result.peers[type].get(code) ?? []) {
				insert.run(code, type, p.position, p.code, p.match, p.distance, p.why);
				peers++;
			}
		}
	}
	const run = {
		inputsKey: key,
		emissionsYear: inputs.emissionsYear,
		emissionsReleaseIds: inputs.emissionsReleaseIds,
		authoritiesCompared: inputs.authorities.length,
		excluded: result.excluded.map(({ similarity, code, reason }) => ({
			type: similarity,
			code,
			reason
		}))
	};
	handle.db
		.insert(similarityRuns)
		.values({ id: 1, ...run })
		.onConflictDoUpdate({ target: similarityRuns.id, set: run })
		.run();
	return { changed: true, peers, ms: performance.now() - started };
}

/** Recompute in a write transaction of its own, for a start-up that finds the peers stale. */
export function refreshSimilarCouncilsNow(
	handle: DbHandle,
	wait: WaitOptions = {}
): Promise<RefreshResult> {
	return inWriteTransaction(
		handle.sqlite,
		handle.url,
		'the update of similar councils',
		() => refreshSimilarCouncils(handle),
		wait
	);
}
