/**
 * Runs parse-worker.ts and feeds its batches to the main thread's writer, acknowledging each so
 * the worker never runs more than a few batches ahead. Used for large files from the command
 * line and the benchmark, which run from the TypeScript source the worker is bundled from; the
 * server reads in one thread. A batch is handed over in the order one thread would have met its
 * parts (replayInFileOrder): each row's problems, then the row set aside or written, row by row,
 * so the report, the problems kept and the rows set aside are the same either way.
 */
import { Worker } from 'node:worker_threads';
import type { ImportIssue } from '../rows/issues';
import type { WorkerInput, WorkerMessage } from './parse-worker';
import { UnreadableFileError } from './unreadable';
import type { RejectedRow } from './record-batch';
import { workerEntry } from '../worker-entry';

/** One batch of the reading thread's work, rows rebuilt. */
export interface ReadBatch {
	rows: unknown[];
	rowNumbers: number[];
	/** Each row's own council as read, or null. */
	councils: (string | null)[];
	/** Every problem the reading thread found in these rows, in the order found. */
	issues: ImportIssue[];
	/** The rows it set aside that the sample keeps (others are counted in `issues` only). */
	rejected: RejectedRow[];
}

export interface ParallelCallbacks {
	/** May be async (e.g. awaiting the file's checksum); batches wait for it. */
	onHeaders(headers: string[], missing: string[], unmapped: string[]): boolean | Promise<boolean>;
	onBatch(batch: ReadBatch): void;
	onProgress(rowsRead: number, bytesRead: number): void;
}

/** What to do with each part of a batch, called in file order. */
export interface BatchParts {
	issue(issue: ImportIssue): void;
	rejected(row: RejectedRow): void;
	row(row: unknown, rowNumber: number, council: string | null): void;
}

/**
 * A batch's parts in the order a single thread meets them: a row's problems, then the row (set
 * aside, or written, when its writing may add problems of its own), then the next row's. A
 * problem of no row (the abolished councils noted at the end of the file) comes after the rows
 * before it.
 */
export function replayInFileOrder(batch: ReadBatch, parts: BatchParts): void {
	let r = 0;
	let x = 0;
	/** Rows and set-aside rows numbered below `before`, in row order. */
	const through = (before: number) => {
		for (;;) {
			const row = r < batch.rows.length ? batch.rowNumbers[r]! : Infinity;
			const aside = x < batch.rejected.length ? batch.rejected[x]!.rowNumber : Infinity;
			const next = Math.min(row, aside);
			if (next >= before || next === Infinity) return;
			if (row < aside) {
				parts.row(batch.rows[r], row, batch.councils[r] ?? null);
				r++;
			} else {
				parts.rejected(batch.rejected[x]!);
				x++;
			}
		}
	};
	for (const issue of batch.issues) {
		through(issue.rowNumber ?? Infinity);
		parts.issue(issue);
	}
	through(Infinity);
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
				const { rowNumbers, councils, issues, rejected } = m;
				cb.onBatch({ rows: toRows(m.keys, m.columns), rowNumbers, councils, issues, rejected });
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
