/**
 * The one import pipeline: open a batch → read rows (read-rows.ts: streaming; map headers,
 * validate in the feed, resolve authorities) → commit or roll back → report. A file is all or nothing by default:
 * any invalid row rolls the whole file back, so a parse error can never become a silent partial
 * import. The batch's own record is written in the same transaction as its rows, so a killed
 * import leaves neither rows nor a history entry. Every change a committed import makes is logged
 * (by triggers) so it can be undone exactly.
 */
import type { Readable } from 'node:stream';
import type { DbHandle } from '../db/client';
import { IssueCollector } from '../rows/issues';
import type { ImportReport, TableChanges } from './import-report';
import { mapHeaders } from './map-headers';
import { spool, type SpooledFile } from './spool';
import type { AnyFeed } from '../rows/feed';
import { saveHeaderMap } from './header-maps';
import { recordBatch, tableChanges } from './record-batch';
import { beginWrite, inWriteTransaction, type WaitOptions } from './write-lock';
import { UnreadableFileError } from './unreadable';
import { refreshSimilarCouncils, SIMILARITY_INPUT_FEEDS } from './similar-councils-refresh';
import {
	refuseOtherCouncils,
	refuseOtherSchemes,
	report,
	type ReadOutcome
} from './import-outcome';
import { readRows } from './read-rows';

export { mapHeaders };
export type { ImportReport, TableChanges };

export const NOTHING_TO_IMPORT =
	'There is nothing to import: the file has a header row but no data rows. Nothing was written.';

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
	/**
	 * Let blanks replace stored values and older records replace newer ones (set-back.ts): the
	 * user's explicit choice, counted and reported either way.
	 */
	allowOlder?: boolean;
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
	/**
	 * The shipped dataset this file belongs to, when the feed is not one dataset's own (a template
	 * feed loading a shipped file); else the feed's.
	 */
	datasetKey?: string | null;
}

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
	let nothingToImport: boolean;
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
		// A header row and no data: nothing to import, and nothing is written, not even a record.
		nothingToImport = !issues.fatal && outcome.rowsRead === 0;
		if (nothingToImport) issues.fatal = NOTHING_TO_IMPORT;
		// Counted before commit or rollback, so a check can say what an import would change.
		changes = tableChanges(sqlite, batchId);
		refuseOtherCouncils(o, issues);
		refuseOtherSchemes(o, issues);
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
	if (dryRun || nothingToImport) return { ...done, batchId: null };
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
			.run(
				o.feed.key,
				o.datasetKey ?? o.feed.datasetKey,
				o.fileName,
				o.importedBy,
				status,
				o.isSample ? 1 : 0
			).lastInsertRowid
	);
	if (status === 'committed') {
		// Deferred foreign keys: reference tables may name rows further down the same file.
		sqlite.pragma('defer_foreign_keys = ON');
		sqlite.prepare('UPDATE import_context SET batch_id = ? WHERE id = 1').run(batchId);
	}
	return batchId;
}
