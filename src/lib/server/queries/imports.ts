/**
 * Import history: every batch with its counts, its grouped problems, and the rows it set aside.
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { importBatches, importRejectedRows } from '../db/schema';
import type { IssueGroup } from '../rows/issues';
import type { TableChanges } from '../import/run-import';
import { visibleImporter } from '../accounts/private-fields';
import { setAsideRowsVisible, visibleBatch } from '../accounts/import-records';
import type { Viewer } from '../accounts/viewer';
import { feedByKey } from '../feeds/registry';
import { setBackSentence } from '../import/set-back';
import { preparedQuery, serverDb, type Db } from './connection';
import { param } from './filters';

/** What an import's stored report holds (written by the pipeline's batch record). */
export interface StoredReport {
	changes?: TableChanges[];
	groups?: IssueGroup[];
	fatal?: string | null;
	rowsUnchanged?: number;
	rowsSkipped?: number;
	valuesSetBack?: number;
	setBackAllowed?: boolean;
}

/** The stored report column, or an empty report when none was written. */
export const storedReport = (report: unknown): StoredReport => (report ?? {}) as StoredReport;

const batchQuery = (db: Db) => {
	const kept = db
		.select({ batchId: importRejectedRows.batchId, rows: count().as('rows') })
		.from(importRejectedRows)
		.groupBy(importRejectedRows.batchId)
		.as('kept');
	return db
		.select({
			id: importBatches.id,
			feed: importBatches.feed,
			fileName: importBatches.fileName,
			importedBy: importBatches.importedBy,
			status: importBatches.status,
			startedAt: importBatches.startedAt,
			undoneAt: importBatches.undoneAt,
			rowsRead: importBatches.rowsRead,
			rowsAccepted: importBatches.rowsAccepted,
			rowsRejected: importBatches.rowsRejected,
			rowsWritten: importBatches.rowsWritten,
			isSample: importBatches.isSample,
			report: importBatches.report,
			rejectedRowsKept: sql<number>`coalesce(${kept.rows}, 0)`
		})
		.from(importBatches)
		.leftJoin(kept, eq(kept.batchId, importBatches.id));
};

type Raw = ReturnType<ReturnType<typeof batchQuery>['all']>[number];

function toBatch({ report: stored, ...batch }: Raw) {
	const report = storedReport(stored);
	return {
		...batch,
		fatal: report.fatal ?? null,
		groups: report.groups ?? [],
		rowsUnchanged: report.rowsUnchanged ?? 0,
		rowsSkipped: report.rowsSkipped ?? 0,
		changes: report.changes ?? [],
		/** What the file set back, or would have and did not (a sentence), if anything. */
		setBack: setBackSentence(report.valuesSetBack ?? 0, report.setBackAllowed ?? false, false)
	};
}

export type ImportBatchRow = ReturnType<typeof toBatch>;

const listQuery = preparedQuery((db) =>
	batchQuery(db).orderBy(desc(importBatches.id)).limit(param('limit')).prepare()
);
const oneQuery = preparedQuery((db) =>
	batchQuery(db)
		.where(eq(importBatches.id, param('id')))
		.prepare()
);

/**
 * A batch as this viewer may read it (import-records.ts): who, the file's name, quoted values.
 * `theirs`: for an officer, the set-aside rows of their councils by batch (officersRows).
 */
function forViewer(batch: ImportBatchRow, viewer: Viewer, theirs: ReadonlyMap<number, number>) {
	const title = feedByKey(batch.feed)?.title ?? batch.feed;
	const visible = setAsideRowsVisible(batch, viewer);
	return {
		...visibleBatch(batch, viewer, title),
		importedBy: visibleImporter(batch.importedBy, viewer),
		/** How many of the set-aside rows kept this viewer may download (else only their count). */
		setAsideReadable: !visible
			? 0
			: visible.all
				? batch.rejectedRowsKept
				: (theirs.get(batch.id) ?? 0)
	};
}

/** An officer's set-aside rows by batch: those whose council is theirs, counted in one query. */
function officersRows(viewer: Viewer, db: Db, batchId?: number): Map<number, number> {
	if (viewer.role !== 'officer' || !viewer.authorities.length) return new Map();
	const ofTheirs = inArray(importRejectedRows.authorityCode, [...viewer.authorities]);
	const rows = db
		.select({ batchId: importRejectedRows.batchId, n: count() })
		.from(importRejectedRows)
		.where(
			batchId === undefined ? ofTheirs : and(ofTheirs, eq(importRejectedRows.batchId, batchId))
		)
		.groupBy(importRejectedRows.batchId)
		.all();
	return new Map(rows.map((r) => [r.batchId, r.n]));
}

export type VisibleImportBatch = ReturnType<typeof forViewer>;

export function listImportBatches(
	viewer: Viewer,
	limit = 200,
	db: Db = serverDb()
): VisibleImportBatch[] {
	const theirs = officersRows(viewer, db);
	return listQuery(db)
		.all({ limit })
		.map((row) => forViewer(toBatch(row), viewer, theirs));
}

export function getImportBatch(
	id: number,
	viewer: Viewer,
	db: Db = serverDb()
): VisibleImportBatch | null {
	const row = oneQuery(db).get({ id });
	return row ? forViewer(toBatch(row), viewer, officersRows(viewer, db, id)) : null;
}

const rejectedQuery = preparedQuery((db) =>
	db
		.select({
			rowNumber: importRejectedRows.rowNumber,
			authorityCode: importRejectedRows.authorityCode,
			values: importRejectedRows.values,
			reasons: importRejectedRows.reasons
		})
		.from(importRejectedRows)
		.where(eq(importRejectedRows.batchId, param('id')))
		.orderBy(asc(importRejectedRows.rowNumber))
		.prepare()
);

/**
 * The rows an import set aside that this viewer may read (import-records.ts), with the file's own
 * headers plus a reasons column: all of them, or (an officer's) those of their councils, which may
 * be none. Null when the batch does not exist or none of its rows may be theirs.
 */
export function getRejectedRows(
	id: number,
	viewer: Viewer,
	db: Db = serverDb()
): { headers: string[]; rows: string[][]; all: boolean } | null {
	const batch = oneQuery(db).get({ id });
	const visible = batch && setAsideRowsVisible(batch, viewer);
	if (!visible) return null;
	const rows = rejectedQuery(db)
		.all({ id })
		.filter((r) => visible.all || visible.councils.includes(r.authorityCode ?? ''));
	const headers = rows.length ? Object.keys(rows[0]!.values) : [];
	return {
		headers: ['row', ...headers, 'problems'],
		rows: rows.map((r) => [
			String(r.rowNumber),
			...headers.map((h) => r.values[h] ?? ''),
			r.reasons
		]),
		all: visible.all
	};
}
