/**
 * The one import pipeline: read (streaming) → map headers → validate (zod, in the feed) → resolve
 * authorities → write (one transaction) → report. A file is all or nothing by default: any invalid
 * row rolls the whole file back, so a parse error can never become a silent partial import.
 */
import type { Readable } from 'node:stream';
import type { DbHandle } from '../db/client';
import { IssueCollector, type IssueGroup } from './issues';
import { readCsv, canonicalHeader } from './read-csv';
import { AuthorityResolver } from './resolve-authority';
import type { AnyFeed, ImportContext, FeedWriter } from './types';

export interface ImportOptions {
	feed: AnyFeed;
	source: string | Readable;
	fileName: string;
	importedBy: string;
	/** 'strict' rejects the whole file when any row is invalid; 'accept-valid' keeps the good rows. */
	mode?: 'strict' | 'accept-valid';
	dryRun?: boolean;
	isSample?: boolean;
	onProgress?: (rowsRead: number) => void;
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
}

/** Map the file's headers to the feed's canonical column names (case, spacing and aliases). */
export function mapHeaders(feed: AnyFeed, headers: string[]) {
	const lookup = new Map<string, string>();
	for (const col of feed.columns) {
		lookup.set(canonicalHeader(col.name), col.name);
		for (const a of col.aliases ?? []) lookup.set(canonicalHeader(a), col.name);
	}
	const mapped = headers.map((h) => lookup.get(canonicalHeader(h)) ?? null);
	const present = new Set(mapped.filter((m): m is string => m !== null));
	const missing = feed.columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
	const unmapped = headers.filter((h, i) => mapped[i] === null && h !== '');
	return { mapped, missing, unmapped };
}

export async function runImport(handle: DbHandle, options: ImportOptions): Promise<ImportReport> {
	const { feed, mode = 'strict', dryRun = false, isSample = false } = options;
	const { sqlite } = handle;
	const issues = new IssueCollector();
	const batchId = Number(
		sqlite
			.prepare(
				`INSERT INTO import_batches (feed, dataset_key, file_name, checksum, imported_by, status, is_sample)
				 VALUES (?, ?, ?, '', ?, 'rejected', ?)`
			)
			.run(feed.key, feed.datasetKey, options.fileName, options.importedBy, isSample ? 1 : 0)
			.lastInsertRowid
	);
	const ctx: ImportContext = {
		db: handle.db,
		sqlite,
		resolver: AuthorityResolver.load(sqlite),
		issues,
		batchId,
		isSample
	};

	let writer: FeedWriter<unknown> | null = null;
	let mapped: (string | null)[] = [];
	let unmapped: string[] = [];
	let rowsRead = 0;
	let rowsAccepted = 0;
	let counts = { written: 0, unchanged: 0 };
	let read = { checksum: '', encoding: 'utf-8' };

	// Deferred foreign keys: reference tables may name rows further down the same file.
	sqlite.exec('BEGIN IMMEDIATE');
	sqlite.pragma('defer_foreign_keys = ON');
	try {
		read = await readCsv(
			options.source,
			(headers) => {
				const m = mapHeaders(feed, headers);
				mapped = m.mapped;
				unmapped = m.unmapped;
				if (m.missing.length) {
					issues.fatal = `This file is not a ${feed.title} file: missing column${m.missing.length > 1 ? 's' : ''} ${m.missing.map((c) => `"${c}"`).join(', ')}.`;
					throw new MissingColumns();
				}
				writer = feed.createWriter(ctx);
			},
			(values, rowNumber) => {
				rowsRead++;
				if (rowsRead % 10000 === 0) options.onProgress?.(rowsRead);
				const record: Record<string, string> = {};
				for (let i = 0; i < mapped.length; i++) {
					const key = mapped[i];
					if (key) record[key] = values[i] ?? '';
				}
				const row = feed.parseRow(record, rowNumber, ctx);
				if (row === null) return;
				rowsAccepted++;
				writer!.write(row, rowNumber);
			}
		);
		if (writer) counts = (writer as FeedWriter<unknown>).finish();
		if (!writer && !issues.fatal) issues.fatal = 'The file is empty: no header row was found.';
	} catch (e) {
		if (!(e instanceof MissingColumns)) {
			sqlite.exec('ROLLBACK');
			sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
			throw e;
		}
	}
	options.onProgress?.(rowsRead);

	const rowsRejected = rowsRead - rowsAccepted;
	const rejected = issues.fatal !== null || (mode === 'strict' && issues.rowsWithErrors > 0);
	let status: ImportReport['status'] = rejected ? 'rejected' : dryRun ? 'dry-run' : 'committed';
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
	const report: ImportReport = {
		batchId: status === 'dry-run' ? null : batchId,
		feed: feed.key,
		fileName: options.fileName,
		checksum: read.checksum,
		status,
		rowsRead,
		rowsAccepted,
		rowsRejected,
		rowsWritten: status === 'committed' ? counts.written : 0,
		rowsUnchanged: counts.unchanged,
		encoding: read.encoding,
		fatal: issues.fatal,
		groups: issues.grouped(),
		unmappedColumns: unmapped
	};
	recordBatch(handle, report, batchId, issues);
	return report;
}

class MissingColumns extends Error {}

/**
 * Keep the record of every attempt, rejected ones included: the batch row was written before the
 * data transaction began, so a rollback leaves it. A dry run leaves no trace.
 */
function recordBatch(
	handle: DbHandle,
	report: ImportReport,
	batchId: number,
	issues: IssueCollector
) {
	const { sqlite } = handle;
	if (report.status === 'dry-run') {
		sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
		return;
	}
	const save = sqlite.transaction(() => {
		sqlite
			.prepare(
				`UPDATE import_batches SET checksum = ?, status = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
				 rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_written = ?, report = ? WHERE id = ?`
			)
			.run(
				report.checksum,
				report.status,
				report.rowsRead,
				report.rowsAccepted,
				report.rowsRejected,
				report.rowsWritten,
				JSON.stringify({
					groups: report.groups,
					fatal: report.fatal,
					unmappedColumns: report.unmappedColumns,
					encoding: report.encoding
				}),
				batchId
			);
		const insert = sqlite.prepare(
			`INSERT INTO import_issues (batch_id, row_number, "column", value, severity, code, message) VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		for (const i of issues.kept)
			insert.run(batchId, i.rowNumber, i.column, i.value, i.severity, i.code, i.message);
	});
	save();
}
