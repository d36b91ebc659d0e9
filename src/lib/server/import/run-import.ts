/**
 * The one import pipeline: open a batch → read rows (streaming; map headers, validate in the
 * feed, resolve authorities) → commit or roll back → report. A file is all or nothing by default:
 * any invalid row rolls the whole file back, so a parse error can never become a silent partial
 * import. The batch's own record is written in the same transaction as its rows, so a killed
 * import leaves neither rows nor a history entry. Every change a committed import makes is logged
 * (by triggers) so it can be undone exactly.
 */
import type { Readable } from 'node:stream';
import type { DbHandle } from '../db/client';
import { recordOf } from './cells';
import { IssueCollector } from '../rows/issues';
import type { ImportReport, TableChanges } from './import-report';
import { readCsv } from './read-csv';
import { readRowCells } from './preview-cells';
import { namePreviewCouncils } from './preview-councils';
import { headerMapFor, mapHeaders } from './map-headers';
import { readHeaderRow } from './detect-feed';
import { canStartParseWorker, readInWorker } from './read-parallel';
import { AuthorityResolver } from '../rows/resolve-authority';
import { spool, type SpooledFile } from './spool';
import {
	feedWriter,
	type AnyFeed,
	type ImportContext,
	type FeedWriter,
	type ResolvedCouncilCell
} from '../rows/feed';
import { loadHeaderMap, saveHeaderMap } from './header-maps';
import { recordBatch, tableChanges, type RejectedRow } from './record-batch';
import { beginWrite, inWriteTransaction, type WaitOptions } from './write-lock';
import { UnreadableFileError } from './unreadable';
import { createRecordWriter } from './record-writer';
import { refreshSimilarCouncils, SIMILARITY_INPUT_FEEDS } from './similar-councils-refresh';
import { refuseOtherCouncils, report, type ReadOutcome } from './import-outcome';

export { mapHeaders };
export type { ImportReport, TableChanges };

export interface ImportProgress {
	rowsRead: number;
	bytesRead: number;
	bytesTotal: number;
}

export interface ImportOptions {
	feed: AnyFeed;
	source: string | Readable;
	fileName: string;
	importedBy: string;
	/** 'strict' rejects the whole file when any row is invalid; 'accept-valid' keeps the good rows. */
	mode?: 'strict' | 'accept-valid';
	dryRun?: boolean;
	isSample?: boolean;
	/** "their header" → "our column", for files whose columns are named differently; saved. */
	headerMap?: Record<string, string>;
	/** Keep the first n valid rows, as they will be stored, for a preview. */
	previewRows?: number;
	/** Parse on a worker thread while this one writes, where the feed and process allow it. */
	parallel?: boolean;
	onProgress?: (progress: ImportProgress) => void;
	/** Told who holds the write lock while this import waits for it. */
	onWait?: WaitOptions['onWait'];
	/** Give up at once (DatabaseBusy) when another writer holds the lock. */
	noWait?: boolean;
	/**
	 * The councils an officer may import for; null or absent: any. A file with a row for another
	 * council is refused whole (whatever the mode), the rows named.
	 */
	allowedAuthorities?: readonly string[] | null;
}

/** Rejected rows kept in memory for the download; past this only the count and reasons remain. */
const REJECTED_ROWS_KEPT = 100_000;

export async function runImport(handle: DbHandle, options: ImportOptions): Promise<ImportReport> {
	const file = await spool(options.source);
	try {
		return await importSpooled(handle, options, file);
	} finally {
		file.dispose();
	}
}

async function importSpooled(
	handle: DbHandle,
	o: ImportOptions,
	file: SpooledFile
): Promise<ImportReport> {
	const { sqlite } = handle;
	const { feed, mode = 'strict', dryRun = false } = o;
	const issues = new IssueCollector();
	const lock = await beginWrite(sqlite, handle.url, `the import of ${o.fileName}`, o);
	let outcome: ReadOutcome;
	let status: ImportReport['status'];
	let batchId: number;
	let checksum: string;
	let changes: TableChanges[];
	try {
		batchId = openBatch(handle, o);
		try {
			outcome = await readRows(handle, o, file, batchId, issues);
		} catch (e) {
			if (e instanceof UnreadableFileError) {
				sqlite.exec('ROLLBACK');
				issues.fatal = e.message;
				return report(o, { batchId: null, status: 'rejected', checksum: '' }, issues);
			}
			throw e;
		}
		checksum = await file.checksum;
		// Counted before commit or rollback, so a check can say what an import would change.
		changes = tableChanges(sqlite, batchId);
		refuseOtherCouncils(o, issues);
		const rejected = issues.fatal !== null || (mode === 'strict' && issues.rowsWithErrors > 0);
		status = rejected ? 'rejected' : dryRun ? 'dry-run' : 'committed';
		sqlite.prepare('UPDATE import_context SET batch_id = NULL WHERE id = 1').run();
		if (status === 'committed') {
			if (Object.keys(o.headerMap ?? {}).length) saveHeaderMap(sqlite, feed.key, o.headerMap!);
			const done = report(o, { batchId, status, checksum, changes }, issues, outcome);
			recordBatch(sqlite, done, batchId, issues, outcome.rejectedRows);
			// Peers derive from the register and the sector figures: recomputed in this same
			// transaction, so no reader ever sees new inputs with old peers.
			if (SIMILARITY_INPUT_FEEDS.has(feed.key)) refreshSimilarCouncils(handle);
			try {
				sqlite.exec('COMMIT');
				return done;
			} catch (e) {
				// Deferred constraints are checked here: a reference to a row that does not exist.
				sqlite.exec('ROLLBACK');
				issues.fatal = `The file could not be saved: ${(e as Error).message}. Nothing was written.`;
				status = 'rejected';
			}
		} else {
			sqlite.exec('ROLLBACK');
		}
	} catch (e) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		throw e;
	} finally {
		lock.release();
	}
	const done = report(o, { batchId, status, checksum, changes }, issues, outcome);
	// A dry run (a check before importing) is not an import, whatever it found: no record.
	if (dryRun) return { ...done, batchId: null };
	// A rejected file is recorded (with its problems and set-aside rows) in a write of its own.
	done.batchId = await inWriteTransaction(
		sqlite,
		handle.url,
		`the record of ${o.fileName}`,
		() => {
			const id = openBatch(handle, o, 'rejected');
			recordBatch(sqlite, { ...done, batchId: id }, id, issues, outcome.rejectedRows);
			return id;
		},
		o
	);
	return done;
}

/**
 * The batch's row, inside the import's transaction (the caller holds the write lock). It names
 * the batch for the undo triggers through import_context.
 */
function openBatch(
	handle: DbHandle,
	o: ImportOptions,
	status: 'committed' | 'rejected' = 'committed'
): number {
	const { sqlite } = handle;
	const batchId = Number(
		sqlite
			.prepare(
				`INSERT INTO import_batches (feed, dataset_key, file_name, checksum, imported_by, status, is_sample)
				 VALUES (?, ?, ?, '', ?, ?, ?)`
			)
			.run(o.feed.key, o.feed.datasetKey, o.fileName, o.importedBy, status, o.isSample ? 1 : 0)
			.lastInsertRowid
	);
	if (status === 'committed') {
		// Deferred foreign keys: reference tables may name rows further down the same file.
		sqlite.pragma('defer_foreign_keys = ON');
		sqlite.prepare('UPDATE import_context SET batch_id = ? WHERE id = 1').run(batchId);
	}
	return batchId;
}

/** Read, validate and write every row, on a worker thread or this one. */
async function readRows(
	handle: DbHandle,
	o: ImportOptions,
	file: SpooledFile,
	batchId: number,
	issues: IssueCollector
): Promise<ReadOutcome> {
	const { feed } = o;
	// The parse worker resolves councils with a context of its own: a limited import stays here.
	const useWorker =
		o.parallel &&
		feed.parallelSafe &&
		!o.allowedAuthorities &&
		handle.url !== ':memory:' &&
		canStartParseWorker();
	const ctx: ImportContext = {
		db: handle.db,
		sqlite: handle.sqlite,
		resolver: AuthorityResolver.load(handle.sqlite),
		write: createRecordWriter(handle.sqlite, { batchId, isSample: o.isSample ?? false }),
		issues,
		batchId,
		isSample: o.isSample ?? false,
		// The worker reads while the checksum is computed; otherwise it is needed before anything.
		checksum: useWorker ? '' : await file.checksum,
		fileName: o.fileName,
		fileBytes: file.bytes,
		allowedAuthorities: o.allowedAuthorities ? new Set(o.allowedAuthorities) : null
	};
	const userMap = headerMapFor(
		feed,
		await readHeaderRow(file.path),
		loadHeaderMap(handle.sqlite, feed.key),
		o.headerMap
	);
	const out: ReadOutcome = {
		rowsRead: 0,
		rowsAccepted: 0,
		counts: { written: 0, unchanged: 0 },
		encoding: 'utf-8',
		unmapped: [],
		preview: [],
		previewRowNumbers: [],
		previewFile: [],
		previewCouncils: [],
		rejectedRows: []
	};
	// The current row's council cells, kept with the row when it is previewed (this thread only).
	const councils = { rowNumber: 0, cells: [] as ResolvedCouncilCell[] };
	const resolved: ResolvedCouncilCell[][] = [];
	if (o.previewRows)
		ctx.onCouncil = (rowNumber, cell) => {
			if (councils.rowNumber !== rowNumber) Object.assign(councils, { rowNumber, cells: [] });
			councils.cells.push(cell);
		};
	let writer: FeedWriter<unknown> | null = null;
	let bytesRead = 0;
	const progress = () =>
		o.onProgress?.({ rowsRead: out.rowsRead, bytesRead, bytesTotal: file.bytes });
	const missingMessage = (missing: string[]) =>
		`This file is not a ${feed.title} file: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}. Map the file's own column names to these, or choose another feed.`;
	const keepRejected = (rows: RejectedRow[]) =>
		out.rejectedRows.push(...rows.slice(0, REJECTED_ROWS_KEPT - out.rejectedRows.length));
	const accept = (row: unknown, rowNumber: number) => {
		out.rowsAccepted++;
		if (out.preview.length < (o.previewRows ?? 0)) {
			out.preview.push(row as Record<string, unknown>);
			out.previewRowNumbers.push(rowNumber);
			resolved.push(councils.rowNumber === rowNumber ? councils.cells : []);
		}
		writer!.write(row, rowNumber);
	};

	if (useWorker) {
		const read = await readInWorker(
			{
				dbPath: handle.url,
				feedKey: feed.key,
				path: file.path,
				headerMap: userMap,
				batchId,
				checksum: '',
				fileName: o.fileName,
				isSample: ctx.isSample
			},
			{
				async onHeaders(_found, missing, notMapped) {
					ctx.checksum = await file.checksum;
					out.unmapped = notMapped;
					if (missing.length) {
						issues.fatal = missingMessage(missing);
						return false;
					}
					writer = feedWriter(feed, ctx);
					return true;
				},
				onIssues: (list) => list.forEach((i) => issues.add(i)),
				onRejected: keepRejected,
				onRows: (rows, numbers) => rows.forEach((row, i) => accept(row, numbers[i]!)),
				onProgress(read, bytes) {
					out.rowsRead = read;
					bytesRead = bytes;
					progress();
				}
			}
		);
		out.encoding = read.encoding;
	} else {
		let headers: string[] = [];
		let mapped: (string | null)[] = [];
		const read = await readCsv(
			file.path,
			(found) => {
				headers = found;
				const m = mapHeaders(feed, found, userMap);
				mapped = m.mapped;
				out.unmapped = m.unmapped;
				if (m.missing.length) {
					issues.fatal = missingMessage(m.missing);
					throw new MissingColumns();
				}
				writer = feedWriter(feed, ctx);
			},
			(values, rowNumber, problem) => {
				out.rowsRead++;
				if (out.rowsRead % 10000 === 0) progress();
				const mark = issues.total;
				const record = recordOf(values, rowNumber, problem, mapped, issues);
				const row = record && feed.parseRow(record, rowNumber, ctx);
				if (row !== null) return accept(row, rowNumber);
				if (issues.hasRowError(rowNumber)) {
					keepRejected([
						{
							rowNumber,
							values: Object.fromEntries(headers.map((hd, i) => [hd, values[i] ?? ''])),
							reasons: issues.messagesSince(mark)
						}
					]);
				}
			},
			(b) => (bytesRead = b)
		).catch((e) => {
			if (e instanceof MissingColumns) return null;
			throw e;
		});
		if (read) out.encoding = read.encoding;
	}
	if (writer) out.counts = (writer as FeedWriter<unknown>).finish();
	if (!writer && !issues.fatal) issues.fatal = 'The file is empty: no header row was found.';
	if (out.preview.length) {
		out.previewFile = await readRowCells(file.path, out.previewRowNumbers);
		out.previewCouncils = namePreviewCouncils(handle.db, resolved);
	}
	bytesRead = file.bytes;
	progress();
	return out;
}

class MissingColumns extends Error {}
