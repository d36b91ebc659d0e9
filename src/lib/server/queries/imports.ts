/**
 * Import history: every batch with its counts, its grouped problems, and the rows it set aside.
 */
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { importBatches, importRejectedRows } from '../db/schema';
import type { IssueGroup } from '../rows/issues';
import type { TableChanges } from '../import/run-import';
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

export function listImportBatches(limit = 200, db: Db = serverDb()): ImportBatchRow[] {
	return listQuery(db).all({ limit }).map(toBatch);
}

export function getImportBatch(id: number, db: Db = serverDb()): ImportBatchRow | null {
	const row = oneQuery(db).get({ id });
	return row ? toBatch(row) : null;
}

const rejectedQuery = preparedQuery((db) =>
	db
		.select({
			rowNumber: importRejectedRows.rowNumber,
			values: importRejectedRows.values,
			reasons: importRejectedRows.reasons
		})
		.from(importRejectedRows)
		.where(eq(importRejectedRows.batchId, param('id')))
		.orderBy(asc(importRejectedRows.rowNumber))
		.prepare()
);

/** The rows an import set aside, with the file's own headers plus a reasons column. */
export function getRejectedRows(
	id: number,
	db: Db = serverDb()
): { headers: string[]; rows: string[][] } {
	const rows = rejectedQuery(db).all({ id });
	const headers = rows.length ? Object.keys(rows[0]!.values) : [];
	return {
		headers: ['row', ...headers, 'problems'],
		rows: rows.map((r) => [
			String(r.rowNumber),
			...headers.map((h) => r.values[h] ?? ''),
			r.reasons
		])
	};
}
