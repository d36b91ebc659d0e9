/**
 * The import record: what a batch changed (from the undo log) and, once it has run, its counts,
 * grouped problems, individual issues and the rows it set aside.
 */
import type { DbHandle } from '../db/client';
import type { IssueCollector } from '../rows/issues';
import type { ImportReport, TableChanges } from './import-report';
import { purgeExpiredRejections } from './rejected-sample';

export function tableChanges(sqlite: DbHandle['sqlite'], batchId: number): TableChanges[] {
	const rows = sqlite
		.prepare(
			`SELECT table_name AS tableName, sum(op = 'insert') AS inserted, sum(op = 'update') AS updated, sum(op = 'delete') AS deleted
			 FROM import_changes WHERE batch_id = ? GROUP BY table_name ORDER BY count(*) DESC`
		)
		.all(batchId) as { tableName: string; inserted: number; updated: number; deleted: number }[];
	return rows.map(({ tableName, ...n }) => ({ table: tableName, ...n }));
}

export interface RejectedRow {
	rowNumber: number;
	values: Record<string, string>;
	reasons: string;
	/** Its first problem's code and column: rows are kept a few of each kind (rejected-sample.ts). */
	kind?: string;
	/**
	 * The council it is for, when its council cell was read and was the importer's to import: an
	 * officer of that council may read the row (accounts/import-records.ts).
	 */
	authorityCode?: string | null;
}

/**
 * The batch's record: counts, report, individual issues and the rows set aside. Written inside
 * the caller's transaction: the import's own for a committed file (so rows and record stand or
 * fall together), a short one of its own for a rejected file.
 */
export function recordBatch(
	sqlite: DbHandle['sqlite'],
	report: ImportReport,
	batchId: number,
	issues: IssueCollector,
	rejectedRows: readonly RejectedRow[]
) {
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
				changes: report.changes,
				groups: report.groups,
				fatal: report.fatal,
				unmappedColumns: report.unmappedColumns,
				encoding: report.encoding,
				rowsUnchanged: report.rowsUnchanged,
				rowsSkipped: report.rowsSkipped,
				valuesSetBack: report.valuesSetBack,
				setBackAllowed: report.setBackAllowed
			}),
			batchId
		);
	const insertIssue = sqlite.prepare(
		`INSERT INTO import_issues (batch_id, row_number, "column", value, severity, code, message) VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
	for (const i of issues.kept)
		insertIssue.run(batchId, i.rowNumber, i.column, i.value, i.severity, i.code, i.message);
	const insertRejected = sqlite.prepare(
		'INSERT INTO import_rejected_rows (batch_id, row_number, authority_code, "values", reasons) VALUES (?, ?, ?, ?, ?)'
	);
	for (const r of rejectedRows)
		insertRejected.run(
			batchId,
			r.rowNumber,
			r.authorityCode ?? null,
			JSON.stringify(r.values),
			r.reasons
		);
	// Any import, committed or refused, clears what expired refusals still hold.
	purgeExpiredRejections(sqlite);
}
