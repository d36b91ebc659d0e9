/**
 * Reading a file for an import: every row read (on a worker thread for the large feeds, or on
 * this one), its header checked, each record mapped, validated and resolved by the feed, and
 * handed to the feed's writer inside the import's transaction (run-import.ts holds it). What it
 * produced (counts, preview, rows set aside) is the outcome the report is made from.
 */
import type { DbHandle } from '../db/client';
import { recordOf } from './cells';
import type { IssueCollector } from '../rows/issues';
import { readCsv } from './read-csv';
import { readRowCells } from './preview-cells';
import { namePreviewCouncils } from './preview-councils';
import { headerMapFor, mapHeaders } from './map-headers';
import { readHeaderRow } from './detect-feed';
import { canStartParseWorker, readInWorker, replayInFileOrder } from './read-parallel';
import { AuthorityResolver } from '../rows/resolve-authority';
import type { SpooledFile } from './spool';
import {
	feedWriter,
	type ImportContext,
	type FeedWriter,
	type ResolvedCouncilCell
} from '../rows/feed';
import { loadHeaderMap } from './header-maps';
import { noteAbolishedCouncils } from '../rows/council-cells';
import type { RejectedRow } from './record-batch';
import { RejectedSample, RowCouncil } from './rejected-sample';
import { UnreadableFileError } from './unreadable';
import { createRecordWriter } from './record-writer';
import type { ReadOutcome } from './import-outcome';
import { otherSchemeOfFile } from '../feeds/scheme-names';
import { parseRecord } from '../feeds/template-example';
import { notCsvReason } from './file-kind';
import type { ImportOptions } from './run-import';

/** Read, validate and write every row, on a worker thread or this one. */
export async function readRows(
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
		write: createRecordWriter(handle.sqlite, {
			batchId,
			isSample: o.isSample ?? false,
			allowOlder: o.allowOlder ?? false,
			issues
		}),
		issues,
		batchId,
		isSample: o.isSample ?? false,
		// The worker reads while the checksum is computed; otherwise it is needed before anything.
		checksum: useWorker ? '' : await file.checksum,
		fileName: o.fileName,
		fileBytes: file.bytes,
		allowedAuthorities: o.allowedAuthorities ? new Set(o.allowedAuthorities) : null
	};
	// A ZIP, PDF or empty file is said to be one, before any column is looked for.
	const notCsv = await notCsvReason(file.path);
	if (notCsv) throw new UnreadableFileError(notCsv);
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
		valuesSetBack: 0,
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
	const rowCouncil = new RowCouncil();
	ctx.onCouncil = (rowNumber, cell) => {
		rowCouncil.note(rowNumber, cell.code);
		if (!o.previewRows) return;
		if (councils.rowNumber !== rowNumber) Object.assign(councils, { rowNumber, cells: [] });
		councils.cells.push(cell);
	};
	let writer: FeedWriter<unknown> | null = null;
	let bytesRead = 0;
	const progress = () =>
		o.onProgress?.({ rowsRead: out.rowsRead, bytesRead, bytesTotal: file.bytes });
	/** Why the header row refuses the file: a required column missing, or another scheme's file. */
	const headerRefusal = (found: string[]): string | null => {
		const m = mapHeaders(feed, found, userMap);
		const n = m.missing.length;
		if (n)
			return `This file lacks the column${n > 1 ? 's' : ''} ${m.missing.map((c) => `"${c}"`).join(', ')} that the feed "${feed.title}" needs. Map the file's own column names to ${n > 1 ? 'these' : 'it'}, or choose another feed.`;
		const read = found.filter((_, i) => m.mapped[i] !== null);
		return feed.scheme ? otherSchemeOfFile(feed.scheme, read, o.fileName) : null;
	};
	// A bounded sample of the rows set aside (the first of each kind of problem) is kept.
	const sample = new RejectedSample();
	out.rejectedRows = sample.rows;
	const keepRejected = (rows: RejectedRow[]) => rows.forEach((r) => sample.add(r));
	/** On the worker path, the rows the writer refused that the sample keeps. */
	const refused: RejectedRow[] = [];
	const accept = (row: unknown, rowNumber: number) => {
		ctx.write.atRow(rowNumber);
		writer!.write(row, rowNumber);
		// The writer may refuse a valid row: one giving an earlier row's record other values.
		if (issues.hasRowError(rowNumber)) return;
		out.rowsAccepted++;
		if (out.preview.length < (o.previewRows ?? 0)) {
			out.preview.push(row as Record<string, unknown>);
			out.previewRowNumbers.push(rowNumber);
			resolved.push(councils.rowNumber === rowNumber ? councils.cells : []);
		}
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
				async onHeaders(found, _missing, notMapped) {
					ctx.checksum = await file.checksum;
					out.unmapped = notMapped;
					const refusal = headerRefusal(found);
					if (refusal) {
						issues.fatal = refusal;
						return false;
					}
					writer = feedWriter(feed, ctx);
					// Reading rows starts now: 0 rows, so a rate is counted from here.
					progress();
					return true;
				},
				onBatch: (batch) =>
					replayInFileOrder(batch, {
						issue: (issue) => issues.add(issue),
						rejected: (row) => keepRejected([row]),
						row(row, rowNumber, council) {
							// Errors of rows the reading thread set aside are not this row's reasons.
							issues.rejectedSince(issues.total);
							const mark = issues.total;
							accept(row, rowNumber);
							if (!issues.hasRowError(rowNumber)) return;
							// Refused by the writer: kept as one thread keeps it, its cells read below.
							const reasons = issues.rejectedSince(mark);
							const kept = { rowNumber, values: {}, ...reasons, authorityCode: council };
							if (sample.add(kept)) refused.push(kept);
						}
					}),
				onProgress(read, bytes) {
					out.rowsRead = read;
					bytesRead = bytes;
					progress();
				}
			}
		);
		out.encoding = read.encoding;
		const cells = await readRowCells(
			file.path,
			refused.map((r) => r.rowNumber)
		);
		refused.forEach((r, i) => (r.values = cells[i]!));
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
				const refusal = headerRefusal(found);
				if (refusal) {
					issues.fatal = refusal;
					throw new HeaderRefused();
				}
				writer = feedWriter(feed, ctx);
				progress();
			},
			(values, rowNumber, problems) => {
				out.rowsRead++;
				if (out.rowsRead % 10000 === 0) progress();
				const mark = issues.total;
				const record = recordOf(values, rowNumber, problems, mapped, issues);
				const row = record && parseRecord(feed, record, rowNumber, ctx);
				if (row !== null) accept(row, rowNumber);
				if (issues.hasRowError(rowNumber)) {
					keepRejected([
						{
							rowNumber,
							values: Object.fromEntries(headers.map((hd, i) => [hd, values[i] ?? ''])),
							...issues.rejectedSince(mark),
							authorityCode: rowCouncil.of(rowNumber)
						}
					]);
				}
			},
			(b) => (bytesRead = b)
		).catch((e) => {
			if (e instanceof HeaderRefused) return null;
			throw e;
		});
		if (read) out.encoding = read.encoding;
	}
	ctx.write.atRow(null);
	noteAbolishedCouncils(ctx);
	if (writer) out.counts = (writer as FeedWriter<unknown>).finish();
	out.valuesSetBack = ctx.write.valuesSetBack();
	if (!writer && !issues.fatal) issues.fatal = 'This file is empty: it has no header row.';
	if (out.preview.length) {
		out.previewFile = await readRowCells(file.path, out.previewRowNumbers);
		out.previewCouncils = namePreviewCouncils(handle.db, resolved);
	}
	bytesRead = file.bytes;
	progress();
	return out;
}

class HeaderRefused extends Error {}
