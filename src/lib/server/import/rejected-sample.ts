/**
 * The rows an import sets aside, kept as a bounded sample. Every set-aside row used to be kept (up
 * to 100,000 a batch), so two attempts at a 500,000-row bad file grew the database from 20 MB to
 * 124 MB. To fix a file one needs the first rows of each kind of problem, not all of them: a batch
 * keeps the first REJECTED_ROWS_PER_KIND rows of each kind (its first problem's code and column)
 * and REJECTED_ROWS_KEPT at most, while its record keeps the full count. The rows and individual
 * problems of refused imports are deleted REJECTED_KEPT_DAYS after the attempt, at the next
 * import (no scheduler: an instance that imports nothing holds nothing new).
 */
import type Database from 'better-sqlite3';
import type { RejectedRow } from './record-batch';

export const REJECTED_ROWS_PER_KIND = 20;
export const REJECTED_ROWS_KEPT = 1000;
export const REJECTED_KEPT_DAYS = 30;

export class RejectedSample {
	readonly rows: RejectedRow[] = [];
	private perKind = new Map<string, number>();

	/** Keeps the row when its kind of problem and the batch still have room; true if kept. */
	add(row: RejectedRow): boolean {
		if (this.rows.length >= REJECTED_ROWS_KEPT) return false;
		const kind = row.kind ?? '';
		const n = this.perKind.get(kind) ?? 0;
		if (n >= REJECTED_ROWS_PER_KIND) return false;
		this.perKind.set(kind, n + 1);
		this.rows.push(row);
		return true;
	}
}

/** Deletes the set-aside rows and problems of imports refused REJECTED_KEPT_DAYS ago or more. */
export function purgeExpiredRejections(sqlite: Database.Database): number {
	const expired = `SELECT id FROM import_batches WHERE status = 'rejected'
		AND finished_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${REJECTED_KEPT_DAYS} days')`;
	const rows = sqlite.prepare(`DELETE FROM import_rejected_rows WHERE batch_id IN (${expired})`);
	const issues = sqlite.prepare(`DELETE FROM import_issues WHERE batch_id IN (${expired})`);
	return rows.run().changes + issues.run().changes;
}

/**
 * The council of the row being read: the first council cell the resolver read in it (a bid's
 * lead), when that council was the importer's to import. Kept with a row set aside, so an officer
 * of that council may read it; a row whose council was not read belongs to no council.
 */
export class RowCouncil {
	private rowNumber = 0;
	private code: string | null = null;

	note(rowNumber: number, code: string): void {
		if (rowNumber === this.rowNumber) return;
		this.rowNumber = rowNumber;
		this.code = code;
	}

	of(rowNumber: number): string | null {
		return rowNumber === this.rowNumber ? this.code : null;
	}
}
