/**
 * The whole-country results (national progress, compare, the national funding picture, award
 * shares, type comparisons, year-on-year change, the measures' gases, the funding rounds on a
 * day) computed again off the
 * request thread after the data changes, so no reader waits seconds for them: the server's
 * connection serves the previous results meanwhile (data-version-cache.ts) and this worker thread,
 * with a read-only connection of its own, computes every kept result again in one read snapshot
 * and sends them back together. The writer's jobs wait for it (import/write-queue.ts), so an
 * import reported done already shows everywhere; a change by another process (the command-line
 * importer) is noticed by the next request, which starts the refresh.
 *
 * The worker is this module started again (as the writer is: write-worker.ts): in the built
 * server the bundled chunk that holds it, in development and tests its bundle (worker-entry.ts).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createDb, type DbHandle } from '../db/client';
import { workerEntry } from '../worker-entry';
import {
	computeRequested,
	refreshOffThread,
	wholeCountryUpToDate,
	type Refreshed,
	type RefreshRequest
} from './data-version-cache';
import { inReadSnapshot } from './sqlite/read-snapshot';
// The modules whose results are refreshed: loading them names their computations.
import './national-progress';
import './compare';
import './national-funding';
import './award-shares';
import './authority-funding';
import './year-on-year';
import './table-gases';
import './competitions';
import type { Db } from './connection';

const ROLE = 'net-zero-local-whole-country';

type Asked = { id: number; requests: RefreshRequest[] };
type Answer = { id: number; refreshed: Refreshed } | { id: number; error: string };

/** The server's connection, once its results are refreshed off the request thread. */
let served: Db | null = null;

/**
 * Serve `handle`'s readers the previous whole-country results while a worker computes new ones
 * (the server's read connection, from the init hook). The worker starts when first needed.
 * Returns how to stop (tests).
 */
export function refreshWholeCountryOffThread(handle: DbHandle): () => Promise<void> {
	let worker: Worker | null = null;
	let nextId = 0;
	const waiting = new Map<
		number,
		{ resolve: (r: Refreshed) => void; reject: (e: Error) => void }
	>();
	const failAll = (e: Error) => {
		for (const w of waiting.values()) w.reject(e);
		waiting.clear();
		worker = null;
	};
	const start = () => {
		const w = new Worker(workerEntry(import.meta.url), {
			workerData: { role: ROLE, dbPath: handle.url }
		});
		// It keeps the process alive only while it has work.
		w.unref();
		w.on('message', (m: Answer) => {
			const asked = waiting.get(m.id);
			waiting.delete(m.id);
			if (!waiting.size) w.unref();
			if ('error' in m) asked?.reject(new Error(m.error));
			else asked?.resolve(m.refreshed);
		});
		w.on('error', failAll);
		w.on('exit', (code) => failAll(new Error(`The worker stopped (exit ${code}).`)));
		return w;
	};
	refreshOffThread(handle.db, (requests) => {
		worker ??= start();
		const id = nextId++;
		const asked = new Promise<Refreshed>((resolve, reject) => waiting.set(id, { resolve, reject }));
		worker.ref();
		worker.postMessage({ id, requests } satisfies Asked);
		return asked;
	});
	served = handle.db;
	return async () => {
		refreshOffThread(handle.db, null);
		if (served === handle.db) served = null;
		await worker?.terminate();
	};
}

/**
 * Resolves when the server's whole-country results are of its current data, e.g. after a write
 * (at once when they are, or nothing is refreshed off the request thread: tests of the writer).
 */
export function wholeCountryCurrent(): Promise<void> {
	return served ? wholeCountryUpToDate(served) : Promise.resolve();
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const { db } = createDb((workerData as { dbPath: string }).dbPath, { readonly: true });
	const port = parentPort!;
	port.on('message', ({ id, requests }: Asked) => {
		try {
			const refreshed = inReadSnapshot(db, () => computeRequested(requests, db));
			port.postMessage({ id, refreshed } satisfies Answer);
		} catch (e) {
			port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies Answer);
		}
	});
}
