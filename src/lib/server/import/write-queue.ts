/**
 * The server's one writer: write tasks (checks, imports, undos, a new shipped release) run one
 * after another, each on a worker thread (write-worker.ts), so a second upload waits its turn
 * instead of colliding with the first ("cannot start a transaction within a transaction"), and
 * the request thread is never the one that waits for SQLite's lock. Each queued write says what it
 * is waiting for, for the page that shows it.
 */
import { Worker } from 'node:worker_threads';
import type { ImportProgress } from './run-import';
import { workerEntry } from '../worker-entry';
import { wholeCountryCurrent } from '../queries/whole-country';
import { describeHolder, type WriterInfo } from './write-lock';
import {
	WRITE_WORKER_ROLE,
	WRITE_WORKER_URL,
	type WriteResult,
	type WriteTask,
	type WriteWorkerMessage
} from './write-worker';

export interface QueuedWrite {
	/** What this write is, as a person would say it: "the check of bids.csv". */
	what: string;
	/** Why it has not started: "the import of promises.csv", or null once it runs. */
	waitingFor: string | null;
	done: Promise<WriteResult>;
}

export interface WriteCallbacks {
	onProgress?: (progress: ImportProgress) => void;
	/** Called with what this write waits for (null when it starts to run). */
	onWaiting?: (waitingFor: string | null) => void;
}

let tail: Promise<unknown> = Promise.resolve();
/** Writes not finished yet, in order; the first is the one running (or about to). */
const pending: { entry: QueuedWrite; setWaiting: (w: string | null) => void }[] = [];

/** Queue a write; it starts when every write queued before it has finished. */
export function queueWrite(task: WriteTask, what: string, cb: WriteCallbacks = {}): QueuedWrite {
	const entry = { what, waitingFor: pending[0]?.entry.what ?? null } as QueuedWrite;
	const setWaiting = (waitingFor: string | null) => {
		entry.waitingFor = waitingFor;
		cb.onWaiting?.(waitingFor);
	};
	if (entry.waitingFor) cb.onWaiting?.(entry.waitingFor);
	const slot = { entry, setWaiting };
	pending.push(slot);
	const start = tail.then(() => {
		setWaiting(null);
		// Those behind it now wait for this one.
		for (const p of pending)
			if (p !== slot && p.entry.waitingFor !== null && p.entry.waitingFor !== what)
				p.setWaiting(what);
		return runInWorker(task, {
			onProgress: cb.onProgress,
			onWait: (holder) => setWaiting(holder ? describeHolder(holder) : 'another program')
		}).then(async (result) => {
			// Done once the national figures show it too (computed off the request thread).
			await wholeCountryCurrent();
			return result;
		});
	});
	entry.done = start.finally(() => pending.splice(pending.indexOf(slot), 1));
	// The next write waits for this one whether it succeeds or fails.
	tail = entry.done.catch(() => {});
	return entry;
}

/** What the server is writing now, if anything. */
export function currentWrite(): string | null {
	return pending[0]?.entry.what ?? null;
}

function runInWorker(
	task: WriteTask,
	cb: { onProgress?: (p: ImportProgress) => void; onWait: (h: WriterInfo | null) => void }
): Promise<WriteResult> {
	const worker = startWorker(task);
	return new Promise<WriteResult>((resolve, reject) => {
		let settled = false;
		worker.on('message', (m: WriteWorkerMessage) => {
			if (m.type === 'progress') cb.onProgress?.(m.progress);
			else if (m.type === 'waiting') cb.onWait(m.holder);
			else if (m.type === 'done') {
				settled = true;
				resolve(m.result);
			} else {
				settled = true;
				reject(new Error(m.message));
			}
		});
		worker.on('error', (e) => {
			settled = true;
			reject(e);
		});
		// Judge the exit after any message still on its way (a worker may exit before its last
		// message is handled).
		worker.on('exit', (code) =>
			setImmediate(() => {
				if (!settled) reject(new Error(`The writing thread stopped unexpectedly (exit ${code}).`));
			})
		);
	}).finally(() => void worker.terminate());
}

function startWorker(task: WriteTask): Worker {
	// The built server starts the bundled module itself; development and tests start its bundle
	// (worker-entry.ts), made once rather than compiled again by tsx in every worker.
	return new Worker(workerEntry(WRITE_WORKER_URL), {
		workerData: { role: WRITE_WORKER_ROLE, task }
	});
}
