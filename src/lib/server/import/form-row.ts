/**
 * One record entered in a form, written as an import of a one-row file of the feed it belongs to:
 * the same zod schema (so a value refused in a file is refused in the form with the same sentence),
 * the same single writer, the same permission check, an import record with its audit entry, and
 * undo from the import history. Checked first without writing, so a form with a mistake leaves no
 * refused import behind.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { readConfig } from '../config';
import type { IssueGroup } from '../rows/issues';
import type { Viewer } from '../accounts/viewer';
import { settled, startCheck, startImport } from './jobs';
import type { ImportReport } from './run-import';
import { saveUpload } from './uploads';

export type FormRowResult =
	{ ok: true; report: ImportReport } | { ok: false; message: string; problems: IssueGroup[] };

/** Import `values` (by the feed's column names) as one row of `feedKey`, as `viewer`. */
export async function importFormRow(opts: {
	feedKey: string;
	values: Record<string, string>;
	/** How the import history names it, e.g. "the round form: PSDS Phase 5". */
	label: string;
	viewer: Viewer;
}): Promise<FormRowResult> {
	const { UPLOAD_DIR, MAX_UPLOAD_MB } = readConfig();
	const columns = Object.keys(opts.values);
	const csv = Papa.unparse({ fields: columns, data: [columns.map((c) => opts.values[c] ?? '')] });
	const saved = await saveUpload(UPLOAD_DIR, Readable.from([Buffer.from(csv)]), MAX_UPLOAD_MB);
	const job = startCheck(saved.token, {
		fileName: opts.label,
		feed: opts.feedKey,
		mode: 'strict',
		viewer: opts.viewer
	});
	await settled(job);
	const refused = (message: string, problems: IssueGroup[] = []) =>
		({ ok: false, message, problems }) as const;
	if (job.error) return refused(job.error);
	if (!job.report) return refused('The form could not be checked.');
	if (job.report.fatal) return refused(job.report.fatal);
	const problems = job.report.groups.filter((g) => g.severity === 'error');
	if (problems.length) return refused('Check the fields marked below.', problems);
	const started = startImport(saved.token);
	if (!started) return refused('The form could not be saved: try again.');
	await settled(started);
	if (started.state === 'failed' || !started.report || started.report.status !== 'committed')
		return refused(started.error ?? started.report?.fatal ?? 'The form could not be saved.');
	return { ok: true, report: started.report };
}
