/**
 * An import report as lines of text for a terminal (the command-line importer). Everything a
 * file supplied (its name, column names, values inside messages) is shown with control characters
 * escaped: an ESC sequence in a cell must not recolour, move or clear the user's terminal, and a
 * CR must not overwrite the line it is on.
 */
import type { ImportReport } from './run-import';
import { setBackSentence } from './set-back';
import { rowCountsSentence } from '../../import-counts';
import { formatCount, formatInteger } from '../../format';

/** C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text with each control character written as an escape: ESC as \x1b, CR as \r. */
export function visible(text: string): string {
	return text.replace(CONTROL, (c) => {
		const code = c.charCodeAt(0);
		if (NAMED[c]) return NAMED[c];
		return code < 0x100
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/** A report that is only a failure: a file that could not be imported at all. */
export type FileReport = Omit<ImportReport, 'feed'> & { feed: string | null };

export function failureReport(fileName: string, feed: string | null, message: string): FileReport {
	return {
		batchId: null,
		feed,
		fileName,
		checksum: '',
		status: 'rejected',
		rowsRead: 0,
		rowsAccepted: 0,
		rowsRejected: 0,
		rowsSkipped: 0,
		rowsWritten: 0,
		rowsUnchanged: 0,
		valuesSetBack: 0,
		setBackAllowed: false,
		encoding: '',
		fatal: message,
		groups: [],
		unmappedColumns: [],
		preview: [],
		previewFile: [],
		previewCouncils: [],
		changes: []
	};
}

const VERDICT = {
	committed: 'imported',
	rejected: 'REJECTED: nothing written',
	'dry-run': 'checked (dry run): nothing written'
} as const;

/** Kinds of problem listed in full; the rest are counted in one line. */
const PROBLEMS_SHOWN = 20;

/** What a person reads after importing one file. */
export function reportLines(r: FileReport, ms: number): string[] {
	const lines = [`${visible(r.fileName)} [${r.feed ?? 'no feed'}]: ${VERDICT[r.status]}`];
	if (r.fatal) lines.push(`  ${visible(r.fatal)}`);
	lines.push(
		`  ${rowCountsSentence(r)}; ${formatInteger(r.rowsWritten)} written, ${formatInteger(r.rowsUnchanged)} unchanged (${formatInteger(ms)} ms)`
	);
	for (const c of r.changes) {
		lines.push(`  ${c.table}: ${c.inserted} new, ${c.updated} updated, ${c.deleted} removed`);
	}
	const setBack = setBackSentence(r.valuesSetBack, r.setBackAllowed, r.status === 'dry-run');
	const them = r.valuesSetBack === 1 ? 'it' : 'them';
	if (setBack)
		lines.push(`  ${setBack}${r.setBackAllowed ? '' : ` --allow-older writes ${them}.`}`);
	// Notes about the whole file (no row), such as a release's coverage, are read; per-row notes
	// (a former council counted for its successor) would drown the problems.
	for (const g of r.groups.filter((g) => g.severity === 'info' && !g.rows.length)) {
		lines.push(`  note: ${visible(g.message)}`);
	}
	const problems = r.groups.filter((g) => g.severity !== 'info');
	for (const g of problems.slice(0, PROBLEMS_SHOWN)) {
		const more = g.count > g.rows.length ? ', …' : '';
		const rows = g.rows.length
			? ` (${g.rows.length > 1 || more ? 'rows' : 'row'} ${g.rows.join(', ')}${more})`
			: '';
		const column = g.column ? ` [${visible(g.column)}]` : '';
		const found = g.values.length
			? ` found ${g.values.map((v) => `"${visible(v)}"`).join(', ')}`
			: '';
		lines.push(
			`  ${g.severity}: ${formatCount(g.count, 'row')}: ${visible(g.message)}${column}${found}${rows}`
		);
	}
	const rest = problems.slice(PROBLEMS_SHOWN);
	if (rest.length) {
		const rows = rest.reduce((n, g) => n + g.count, 0);
		lines.push(
			`  … and ${formatCount(rest.length, 'more kind')} of problem (${formatCount(rows, 'row')}): --json lists every one`
		);
	}
	return lines;
}
