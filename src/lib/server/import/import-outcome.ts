/**
 * What an import ends with: the report a run returns (from what reading the file produced), and
 * the rule that one row for another council refuses an officer's whole file.
 */
import type { PreviewCouncil } from '../../import-preview';
import { NOT_YOUR_AUTHORITY } from '../rows/council-cells';
import { OTHER_SCHEME } from '../feeds/scheme-names';
import type { IssueCollector } from '../rows/issues';
import type { WriteCounts } from '../rows/feed';
import type { ImportReport, TableChanges } from './import-report';
import type { RejectedRow } from './record-batch';

/** The parts of a run's options the outcome reads (kept structural: run-import imports this). */
interface OutcomeOptions {
	feed: { key: string };
	fileName: string;
	allowedAuthorities?: readonly string[] | null;
	allowOlder?: boolean;
}

/** What reading the file produced, whichever thread read it. */
export interface ReadOutcome {
	rowsRead: number;
	rowsAccepted: number;
	counts: WriteCounts;
	/** Stored values the file sets back, or would (set-back.ts). */
	valuesSetBack: number;
	encoding: string;
	unmapped: string[];
	preview: Record<string, unknown>[];
	/** The file's row number of each preview row. */
	previewRowNumbers: number[];
	/** The file's own text of each preview row, by its column names. */
	previewFile: Record<string, string>[];
	/** The councils each preview row's council cells resolved to. */
	previewCouncils: PreviewCouncil[][];
	rejectedRows: RejectedRow[];
}

export function report(
	o: OutcomeOptions,
	r: {
		batchId: number | null;
		status: ImportReport['status'];
		checksum: string;
		changes?: TableChanges[];
	},
	issues: IssueCollector,
	read?: ReadOutcome
): ImportReport {
	const rowsRead = read?.rowsRead ?? 0;
	const rowsAccepted = read?.rowsAccepted ?? 0;
	// Set aside: rows with an error. A row the feed only notes (nothing to store) is not one.
	const rowsRejected = issues.rowsWithErrors;
	return {
		batchId: r.batchId,
		feed: o.feed.key,
		fileName: o.fileName,
		checksum: r.checksum,
		status: r.status,
		rowsRead,
		rowsAccepted,
		rowsRejected,
		rowsSkipped: Math.max(rowsRead - rowsAccepted - rowsRejected, 0),
		// A dry run says what an import would write; a rejected file wrote nothing.
		rowsWritten: r.status === 'rejected' ? 0 : (read?.counts.written ?? 0),
		rowsUnchanged: read?.counts.unchanged ?? 0,
		valuesSetBack: read?.valuesSetBack ?? 0,
		setBackAllowed: o.allowOlder ?? false,
		encoding: read?.encoding ?? 'utf-8',
		fatal: issues.fatal,
		groups: issues.grouped(),
		unmappedColumns: read?.unmapped ?? [],
		preview: read?.preview ?? [],
		previewFile: read?.previewFile ?? [],
		previewCouncils: read?.previewCouncils ?? [],
		changes: r.status === 'rejected' ? [] : (r.changes ?? [])
	};
}

/** One row for another scheme refuses a participation feed's whole file, as another council's. */
export function refuseOtherSchemes(o: OutcomeOptions, issues: IssueCollector) {
	if (issues.fatal) return;
	const group = issues.grouped().filter((g) => g.code === OTHER_SCHEME);
	if (!group.length) return;
	const count = group.reduce((n, g) => n + g.count, 0);
	const rows = group.flatMap((g) => g.rows).sort((a, b) => a - b);
	const named = [...new Set(group.flatMap((g) => g.values))].map((v) => `"${v}"`).join(', ');
	issues.fatal = `This file has ${count} row${count === 1 ? '' : 's'} for another scheme (${named}): row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}${count > rows.length ? ' and more' : ''}. A file for one scheme is not imported as another's. Nothing was imported.`;
}

/** One row for another council refuses the whole file, even when valid rows could be kept. */
export function refuseOtherCouncils(o: OutcomeOptions, issues: IssueCollector) {
	if (!o.allowedAuthorities || issues.fatal) return;
	const group = issues.grouped().filter((g) => g.code === NOT_YOUR_AUTHORITY);
	if (!group.length) return;
	const count = group.reduce((n, g) => n + g.count, 0);
	const rows = group.flatMap((g) => g.rows).sort((a, b) => a - b);
	const councils = [...new Set(group.flatMap((g) => g.values))];
	issues.fatal = `This file has ${count} row${count === 1 ? '' : 's'} for councils you may not import for (${councils.join(', ')}): row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}${count > rows.length ? ' and more' : ''}. You may import only for ${o.allowedAuthorities.join(', ')}. Nothing was imported.`;
}
