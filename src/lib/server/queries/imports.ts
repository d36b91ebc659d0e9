/**
 * Import history: every batch with its counts, its grouped problems, and the rows it set aside.
 */
import type Database from 'better-sqlite3';
import type { IssueGroup } from '../rows/issues';
import type { TableChanges } from '../import/run-import';
import { all, get } from './statements';

export interface ImportBatchRow {
	id: number;
	feed: string;
	fileName: string;
	importedBy: string;
	status: 'committed' | 'rejected' | 'undone';
	startedAt: string;
	undoneAt: string | null;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsWritten: number;
	rowsUnchanged: number;
	isSample: boolean;
	fatal: string | null;
	groups: IssueGroup[];
	changes: TableChanges[];
	rejectedRowsKept: number;
}

const SELECT = `
	SELECT id, feed, file_name AS fileName, imported_by AS importedBy, status, started_at AS startedAt, undone_at AS undoneAt,
	       rows_read AS rowsRead, rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected, rows_written AS rowsWritten,
	       is_sample AS isSample, report,
	       (SELECT count(*) FROM import_rejected_rows r WHERE r.batch_id = b.id) AS rejectedRowsKept
	FROM import_batches b`;

type Raw = Omit<ImportBatchRow, 'isSample' | 'fatal' | 'groups' | 'rowsUnchanged' | 'changes'> & {
	isSample: number;
	report: string | null;
};

function toBatch(r: Raw): ImportBatchRow {
	const report = r.report
		? (JSON.parse(r.report) as {
				changes?: TableChanges[];
				groups?: IssueGroup[];
				fatal?: string | null;
				rowsUnchanged?: number;
			})
		: {};
	const { report: _report, ...rest } = r;
	return {
		...rest,
		isSample: !!r.isSample,
		fatal: report.fatal ?? null,
		groups: report.groups ?? [],
		rowsUnchanged: report.rowsUnchanged ?? 0,
		changes: report.changes ?? []
	};
}

export function listImportBatches(sqlite: Database.Database, limit = 200): ImportBatchRow[] {
	return all<Raw>(sqlite, `${SELECT} ORDER BY id DESC LIMIT ?`, limit).map(toBatch);
}

export function getImportBatch(sqlite: Database.Database, id: number): ImportBatchRow | null {
	const row = get<Raw>(sqlite, `${SELECT} WHERE id = ?`, id);
	return row ? toBatch(row) : null;
}

/** The rows an import set aside, with the file's own headers plus a reasons column. */
export function getRejectedRows(
	sqlite: Database.Database,
	id: number
): { headers: string[]; rows: string[][] } {
	const rows = all<{ rowNumber: number; values: string; reasons: string }>(
		sqlite,
		'SELECT row_number AS rowNumber, "values", reasons FROM import_rejected_rows WHERE batch_id = ? ORDER BY row_number',
		id
	).map((r) => ({ ...r, values: JSON.parse(r.values) as Record<string, string> }));
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
