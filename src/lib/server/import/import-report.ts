/**
 * What an import reports, for the page, the command line, the history and the API: its counts,
 * its grouped problems, and what it changed per table.
 */
import type { IssueGroup } from '../rows/issues';
import type { PreviewCouncil } from '../../import-preview';

export interface ImportReport {
	batchId: number | null;
	feed: string;
	fileName: string;
	checksum: string;
	status: 'committed' | 'rejected' | 'dry-run';
	rowsRead: number;
	rowsAccepted: number;
	/** Rows with an error: refused, or set aside with --accept-valid. */
	rowsRejected: number;
	/** Rows the feed had nothing to store for, saying why in a note (a plan with no address). */
	rowsSkipped: number;
	rowsWritten: number;
	rowsUnchanged: number;
	/**
	 * Stored values this file sets back (a blank over a value, an older record over a newer one):
	 * written only when `setBackAllowed`, else kept as stored; counted either way.
	 */
	valuesSetBack: number;
	setBackAllowed: boolean;
	encoding: string;
	fatal: string | null;
	groups: IssueGroup[];
	unmappedColumns: string[];
	preview: Record<string, unknown>[];
	/** The file's text of each preview row by its column names, to show beside what is stored. */
	previewFile: Record<string, string>[];
	/** The council each preview row's council cells resolved to (name, code, how it was matched). */
	previewCouncils: PreviewCouncil[][];
	/** Per table: rows the import adds, updates and deletes (from the undo log; emissions apart). */
	changes: TableChanges[];
}

export interface TableChanges {
	table: string;
	inserted: number;
	updated: number;
	deleted: number;
}
