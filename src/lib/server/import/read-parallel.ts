/**
 * Runs parse-worker.ts and feeds its batches to the main thread's writer, acknowledging each so
 * the worker never runs more than a few batches ahead. Used for large files from the command
 * line and the benchmark, which run from the TypeScript source the worker is bundled from; the
 * server reads in one thread.
 */
import { Worker } from 'node:worker_threads';
import type { ImportIssue } from '../rows/issues';
import type { WorkerInput, WorkerMessage } from './parse-worker';
import { UnreadableFileError } from './unreadable';
import type { RejectedRow } from './record-batch';
import { workerEntry } from '../worker-entry';

export interface ParallelCallbacks {
	/** May be async (e.g. awaiting the file's checksum); batches wait for it. */
	onHeaders(headers: string[], missing: string[], unmapped: string[]): boolean | Promise<boolean>;
	onIssues(issues: ImportIssue[]): void;
	onRows(rows: unknown[], rowNumbers: number[]): void;
	onRejected(rejected: RejectedRow[]): void;
	onProgress(rowsRead: number, bytesRead: number): void;
}

export function readInWorker(
	input: Omit<WorkerInput, 'flow'>,
	cb: ParallelCallbacks
): Promise<{ encoding: string }> {
	const flow = new SharedArrayBuffer(8);
	const counters = new Int32Array(flow);
	// Its bundle, made once (worker-entry.ts): a worker cannot load TypeScript itself.
	const worker = new Worker(workerEntry(PARSE_WORKER_URL), {
		workerData: { ...input, flow } satisfies WorkerInput
	});
	return new Promise((resolve, reject) => {
		let settled = false;
		const finish = (fn: () => void) => {
			if (settled) return;
			settled = true;
			void worker.terminate();
			fn();
		};
		// Messages are handled one after another, even when handling the header row is async.
		let queue = Promise.resolve();
		const handle = async (m: WorkerMessage) => {
			if (m.type === 'headers') {
				if (!(await cb.onHeaders(m.headers, m.missing, m.unmapped)))
					finish(() => resolve({ encoding: 'utf-8' }));
			} else if (m.type === 'batch') {
				cb.onIssues(m.issues);
				cb.onRejected(m.rejected);
				cb.onRows(toRows(m.keys, m.columns), m.rowNumbers);
				cb.onProgress(m.rowsRead, m.bytesRead);
				Atomics.add(counters, 1, 1);
				Atomics.notify(counters, 1);
			} else if (m.type === 'done') {
				finish(() => resolve({ encoding: m.encoding }));
			} else {
				const error = m.unreadable ? new UnreadableFileError(m.message) : new Error(m.message);
				finish(() => reject(error));
			}
		};
		worker.on('message', (m: WorkerMessage) => {
			queue = queue
				.then(() => (settled ? undefined : handle(m)))
				.catch((e) => finish(() => reject(e)));
		});
		worker.on('error', (e) => finish(() => reject(e)));
		// A worker that has posted everything may exit before this thread has handled its queued
		// messages (a small file, a busy machine): judge the exit only after them, so a 'done'
		// already sent is honoured and only a worker that stopped early is an error.
		worker.on('exit', (code) => {
			setImmediate(() => {
				queue = queue.then(() =>
					finish(() =>
						reject(
							new Error(`The reading thread stopped before the end of the file (exit ${code}).`)
						)
					)
				);
			});
		});
	});
}

const PARSE_WORKER_URL = new URL('./parse-worker.ts', import.meta.url).href;

/**
 * Whether the parse worker can be started: when this code runs from its TypeScript source (the
 * command line, the benchmark, the tests), which the worker is bundled from. The built server
 * has no separate parse-worker module, and reads in one thread.
 */
export function canStartParseWorker(): boolean {
	return import.meta.url.endsWith('.ts');
}

function toRows(keys: string[], columns: unknown[][]): Record<string, unknown>[] {
	const n = columns[0]?.length ?? 0;
	const rows = new Array<Record<string, unknown>>(n);
	for (let i = 0; i < n; i++) {
		const row: Record<string, unknown> = {};
		for (let k = 0; k < keys.length; k++) row[keys[k]!] = columns[k]![i];
		rows[i] = row;
	}
	return rows;
}
