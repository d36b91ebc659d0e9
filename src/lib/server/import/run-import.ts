/**
 * The one import pipeline: read (streaming) → map headers → validate (zod, in the feed) → resolve
 * authorities → write (one transaction) → report. A file is all or nothing by default: any invalid
 * row rolls the whole file back, so a parse error can never become a silent partial import.
 * Every change a committed import makes is logged (by triggers) so it can be undone exactly.
 */
import type { Readable } from 'node:stream';
import type { DbHandle } from '../db/client';
import { recordOf } from './cells';
import { IssueCollector, type IssueGroup } from './issues';
import { readCsv } from './read-csv';
import { mapHeaders } from './map-headers';
import { canRunTypeScriptWorkers, readInWorker } from './read-parallel';
import { AuthorityResolver } from './resolve-authority';
import { spool } from './spool';
import type { AnyFeed, ImportContext, FeedWriter } from './types';
import { loadHeaderMap, saveHeaderMap } from './header-maps';
import { recordBatch, tableChanges } from './record-batch';
import { UnreadableFileError } from './unreadable';

export { mapHeaders };

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
}

export interface ImportReport {
	batchId: number | null;
	feed: string;
	fileName: string;
	checksum: string;
	status: 'committed' | 'rejected' | 'dry-run';
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsWritten: number;
	rowsUnchanged: number;
	encoding: string;
	fatal: string | null;
	groups: IssueGroup[];
	unmappedColumns: string[];
	preview: Record<string, unknown>[];
	/** Per table: rows the import adds, updates and deletes (from the undo log; emissions apart). */
	changes: TableChanges[];
}

export interface TableChanges {
	table: string;
	inserted: number;
	updated: number;
	deleted: number;
}

/** Rejected rows kept in memory for the download; past this only the count and reasons remain. */
const REJECTED_ROWS_KEPT = 100_000;

export async function runImport(handle: DbHandle, options: ImportOptions): Promise<ImportReport> {
	const { feed, mode = 'strict', dryRun = false, isSample = false } = options;
	const { sqlite } = handle;
	const file = await spool(options.source);
	try {
		return await importSpooled(handle, options, file.path, file.checksum, file.bytes);
	} finally {
		file.dispose();
	}

	async function importSpooled(
		h: DbHandle,
		o: ImportOptions,
		path: string,
		checksumPromise: Promise<string>,
		bytesTotal: number
	) {
		const useWorker =
			o.parallel && feed.parallelSafe && h.url !== ':memory:' && canRunTypeScriptWorkers();
		// The worker reads while the checksum is computed; otherwise it is needed before anything.
		let checksum = useWorker ? '' : await checksumPromise;
		const issues = new IssueCollector();
		const batchId = Number(
			sqlite
				.prepare(
					`INSERT INTO import_batches (feed, dataset_key, file_name, checksum, imported_by, status, is_sample)
					 VALUES (?, ?, ?, ?, ?, 'rejected', ?)`
				)
				.run(feed.key, feed.datasetKey, o.fileName, checksum, o.importedBy, isSample ? 1 : 0)
				.lastInsertRowid
		);
		const ctx: ImportContext = {
			db: h.db,
			sqlite,
			resolver: AuthorityResolver.load(sqlite),
			issues,
			batchId,
			isSample,
			checksum,
			fileName: o.fileName,
			fileBytes: bytesTotal
		};
		const userMap = { ...loadHeaderMap(sqlite, feed.key), ...(o.headerMap ?? {}) };

		let writer: FeedWriter<unknown> | null = null;
		let headers: string[] = [];
		let mapped: (string | null)[] = [];
		let unmapped: string[] = [];
		let rowsRead = 0;
		let rowsAccepted = 0;
		let bytesRead = 0;
		let counts = { written: 0, unchanged: 0 };
		let encoding = 'utf-8';
		let changes: TableChanges[] = [];
		const preview: Record<string, unknown>[] = [];
		const rejectedRows: { rowNumber: number; values: Record<string, string>; reasons: string }[] =
			[];

		// Deferred foreign keys: reference tables may name rows further down the same file.
		sqlite.exec('BEGIN IMMEDIATE');
		sqlite.pragma('defer_foreign_keys = ON');
		sqlite.prepare('UPDATE import_context SET batch_id = ? WHERE id = 1').run(batchId);
		const missingMessage = (missing: string[]) =>
			`This file is not a ${feed.title} file: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}. Map the file's own column names to these, or choose another feed.`;
		const accept = (row: unknown, rowNumber: number) => {
			rowsAccepted++;
			if (preview.length < (o.previewRows ?? 0)) preview.push(row as Record<string, unknown>);
			writer!.write(row, rowNumber);
		};
		try {
			const read = useWorker
				? await readInWorker(
						{
							dbPath: h.url,
							feedKey: feed.key,
							path,
							headerMap: userMap,
							batchId,
							checksum,
							fileName: o.fileName,
							isSample
						},
						{
							async onHeaders(found, missing, notMapped) {
								ctx.checksum = checksum = await checksumPromise;
								headers = found;
								unmapped = notMapped;
								if (missing.length) {
									issues.fatal = missingMessage(missing);
									return false;
								}
								writer = feed.createWriter(ctx);
								return true;
							},
							onIssues: (list) => list.forEach((i) => issues.add(i)),
							onRejected: (list) =>
								rejectedRows.push(...list.slice(0, REJECTED_ROWS_KEPT - rejectedRows.length)),
							onRows: (rows, numbers) => rows.forEach((row, i) => accept(row, numbers[i]!)),
							onProgress(read, bytes) {
								rowsRead = read;
								bytesRead = bytes;
								o.onProgress?.({ rowsRead, bytesRead, bytesTotal });
							}
						}
					)
				: await readCsv(
						path,
						(found) => {
							headers = found;
							const m = mapHeaders(feed, found, userMap);
							mapped = m.mapped;
							unmapped = m.unmapped;
							if (m.missing.length) {
								issues.fatal = missingMessage(m.missing);
								throw new MissingColumns();
							}
							writer = feed.createWriter(ctx);
						},
						(values, rowNumber, problem) => {
							rowsRead++;
							if (rowsRead % 10000 === 0) o.onProgress?.({ rowsRead, bytesRead, bytesTotal });
							const mark = issues.total;
							const record = recordOf(values, rowNumber, problem, mapped, issues);
							const row = record && feed.parseRow(record, rowNumber, ctx);
							if (row === null) {
								if (issues.hasRowError(rowNumber) && rejectedRows.length < REJECTED_ROWS_KEPT) {
									rejectedRows.push({
										rowNumber,
										values: Object.fromEntries(headers.map((hd, i) => [hd, values[i] ?? ''])),
										reasons: issues.messagesSince(mark)
									});
								}
								return;
							}
							accept(row, rowNumber);
						},
						(b) => (bytesRead = b)
					);
			encoding = read.encoding;
			if (writer) counts = (writer as FeedWriter<unknown>).finish();
			if (!writer && !issues.fatal) issues.fatal = 'The file is empty: no header row was found.';
		} catch (e) {
			if (!(e instanceof MissingColumns)) {
				sqlite.exec('ROLLBACK');
				sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
				if (e instanceof UnreadableFileError) {
					return finishReport(h, { batchId: null, status: 'rejected', fatal: e.message });
				}
				throw e;
			}
		}
		o.onProgress?.({ rowsRead, bytesRead: bytesTotal, bytesTotal });
		checksum = await checksumPromise;

		// Counted before commit or rollback, so a check can say what an import would change.
		changes = tableChanges(sqlite, batchId);
		const rejected = issues.fatal !== null || (mode === 'strict' && issues.rowsWithErrors > 0);
		let status: ImportReport['status'] = rejected ? 'rejected' : dryRun ? 'dry-run' : 'committed';
		sqlite.prepare('UPDATE import_context SET batch_id = NULL WHERE id = 1').run();
		if (status === 'committed') {
			try {
				sqlite.exec('COMMIT');
			} catch (e) {
				// Deferred constraints are checked here: a reference to a row that does not exist.
				sqlite.exec('ROLLBACK');
				issues.fatal = `The file could not be saved: ${(e as Error).message}. Nothing was written.`;
				status = 'rejected';
			}
		} else {
			sqlite.exec('ROLLBACK');
		}
		if (status === 'committed' && Object.keys(o.headerMap ?? {}).length)
			saveHeaderMap(sqlite, feed.key, o.headerMap!);
		return finishReport(h, { batchId, status, fatal: issues.fatal });

		function finishReport(
			hh: DbHandle,
			r: { batchId: number | null; status: ImportReport['status']; fatal: string | null }
		) {
			const report: ImportReport = {
				batchId: dryRun ? null : r.batchId,
				feed: feed.key,
				fileName: o.fileName,
				checksum,
				status: r.status,
				rowsRead,
				rowsAccepted,
				rowsRejected: rowsRead - rowsAccepted,
				// A dry run says what an import would write; a rejected file wrote nothing.
				rowsWritten: r.status === 'rejected' ? 0 : counts.written,
				rowsUnchanged: counts.unchanged,
				encoding,
				fatal: r.fatal,
				groups: issues.grouped(),
				unmappedColumns: unmapped,
				preview,
				changes: r.status === 'rejected' ? [] : changes
			};
			if (r.batchId !== null) recordBatch(hh, report, r.batchId, issues, rejectedRows, dryRun);
			return report;
		}
	}
}

class MissingColumns extends Error {}
