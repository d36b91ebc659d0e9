/**
 * Rows of one feed all have the same keys (each feed's parseRow builds one object shape), which
 * is what lets batches travel column by column.
 *
 * Worker thread for large imports: reads the file, maps headers, validates and resolves each row
 * (the feed's parseRow) on its own core, and hands batches of parsed rows to the main thread,
 * which only writes. At most a few batches are ever in flight (the main thread acknowledges
 * each through shared memory), so a 60 MB file never piles up in memory.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { feedByKey } from '../feeds/registry';
import { recordOf } from './cells';
import { IssueCollector, type ImportIssue } from '../rows/issues';
import { readCsv } from './read-csv';
import { AuthorityResolver } from '../rows/resolve-authority';
import { mapHeaders } from './map-headers';
import type { ImportContext } from '../rows/feed';
import { UnreadableFileError } from './unreadable';
import { noteAbolishedCouncils } from '../rows/council-cells';
import { RejectedSample, RowCouncil } from './rejected-sample';
import { parseRecord } from '../feeds/template-example';
import type { RejectedRow } from './record-batch';

export interface WorkerInput {
	dbPath: string;
	feedKey: string;
	path: string;
	headerMap: Record<string, string>;
	batchId: number;
	checksum: string;
	fileName: string;
	isSample: boolean;
	/** [batches sent, batches written]: the worker waits while it is too far ahead. */
	flow: SharedArrayBuffer;
}

export type WorkerMessage =
	| { type: 'headers'; headers: string[]; missing: string[]; unmapped: string[] }
	| {
			type: 'batch';
			/** Rows column by column (keys, then one array per key): a third of the cost of cloning objects. */
			keys: string[];
			columns: unknown[][];
			rowNumbers: number[];
			/** Each row's own council as read (RowCouncil), for a row the writer then refuses. */
			councils: (string | null)[];
			issues: ImportIssue[];
			rejected: RejectedRow[];
			rowsRead: number;
			bytesRead: number;
	  }
	| { type: 'done'; encoding: string }
	/** `unreadable`: the file cannot be read (UnreadableFileError), reported, not thrown. */
	| { type: 'error'; message: string; unreadable: boolean };

export const BATCH_ROWS = 4096;
export const MAX_BATCHES_AHEAD = 8;

/** Forwards every issue to the main thread as well as counting it here (hasRowError). */
class ForwardingIssues extends IssueCollector {
	pending: ImportIssue[] = [];
	override add(issue: ImportIssue): void {
		super.add(issue);
		this.pending.push(issue);
	}
}

async function main(input: WorkerInput) {
	const port = parentPort!;
	const feed = feedByKey(input.feedKey);
	if (!feed) throw new Error(`unknown feed ${input.feedKey}`);
	const sqlite = new Database(input.dbPath, { readonly: true, fileMustExist: true });
	const issues = new ForwardingIssues();
	const ctx = {
		sqlite,
		resolver: AuthorityResolver.load(sqlite),
		issues,
		batchId: input.batchId,
		isSample: input.isSample,
		checksum: input.checksum,
		fileName: input.fileName
	} as unknown as ImportContext;
	const flow = new Int32Array(input.flow);
	let headers: string[] = [];
	let mapped: (string | null)[] = [];
	let batch = {
		rows: [] as unknown[],
		rowNumbers: [] as number[],
		councils: [] as (string | null)[],
		rejected: [] as RejectedRow[]
	};
	let rowsRead = 0;
	let bytesRead = 0;
	const sample = new RejectedSample();
	const rowCouncil = new RowCouncil();
	ctx.onCouncil = (rowNumber, cell) => rowCouncil.note(rowNumber, cell.code);

	const flush = () => {
		// Wait while the writer is MAX_BATCHES_AHEAD behind.
		for (;;) {
			const ahead = Atomics.load(flow, 0) - Atomics.load(flow, 1);
			if (ahead < MAX_BATCHES_AHEAD) break;
			Atomics.wait(flow, 1, Atomics.load(flow, 1), 1000);
		}
		Atomics.add(flow, 0, 1);
		const keys = batch.rows.length ? Object.keys(batch.rows[0] as object) : [];
		const columns = keys.map((k) => batch.rows.map((r) => (r as Record<string, unknown>)[k]));
		const message: WorkerMessage = {
			type: 'batch',
			keys,
			columns,
			rowNumbers: batch.rowNumbers,
			councils: batch.councils,
			rejected: batch.rejected,
			issues: issues.pending,
			rowsRead,
			bytesRead
		};
		port.postMessage(message);
		issues.pending = [];
		batch = { rows: [], rowNumbers: [], councils: [], rejected: [] };
	};

	const read = await readCsv(
		input.path,
		(found) => {
			headers = found;
			const m = mapHeaders(feed, found, input.headerMap);
			mapped = m.mapped;
			port.postMessage({
				type: 'headers',
				headers: found,
				missing: m.missing,
				unmapped: m.unmapped
			} satisfies WorkerMessage);
			if (m.missing.length) throw new StopReading();
		},
		(values, rowNumber, problems) => {
			rowsRead++;
			const mark = issues.total;
			const record = recordOf(values, rowNumber, problems, mapped, issues);
			const row = record && parseRecord(feed, record, rowNumber, ctx);
			if (row === null) {
				if (issues.hasRowError(rowNumber)) {
					const rejected = {
						rowNumber,
						values: Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])),
						...issues.rejectedSince(mark),
						authorityCode: rowCouncil.of(rowNumber)
					};
					// Only the rows the batch will keep cross to the main thread.
					if (sample.add(rejected)) batch.rejected.push(rejected);
				}
			} else {
				batch.rows.push(row);
				batch.rowNumbers.push(rowNumber);
				batch.councils.push(rowCouncil.of(rowNumber));
			}
			if (batch.rows.length + batch.rejected.length >= BATCH_ROWS) flush();
		},
		(b) => (bytesRead = b)
	).catch((e) => {
		if (e instanceof StopReading) return null;
		throw e;
	});
	if (read) {
		noteAbolishedCouncils(ctx);
		flush();
		port.postMessage({ type: 'done', encoding: read.encoding } satisfies WorkerMessage);
	}
	sqlite.close();
}

class StopReading extends Error {}

main(workerData as WorkerInput).catch((e: Error) => {
	const unreadable = e instanceof UnreadableFileError;
	parentPort!.postMessage({
		type: 'error',
		message: e.message,
		unreadable
	} satisfies WorkerMessage);
});
