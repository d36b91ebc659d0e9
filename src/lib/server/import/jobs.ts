/**
 * Import jobs for the web: checking (a dry run) and importing an uploaded file run in the
 * background on their own database connection, so a long import never blocks pages (readers keep
 * seeing the last committed state, thanks to WAL) and the browser can poll progress.
 */
import { createDb, type DbHandle } from '../db/client';
import { readConfig } from '../config';
import { feedByKey } from '../feeds/registry';
import { detectFeed, readHeaderRow } from './detect-feed';
import { runImport, type ImportProgress, type ImportReport } from './run-import';
import { removeUpload, uploadPath } from './uploads';

export type JobState = 'checking' | 'checked' | 'importing' | 'imported' | 'failed';

export interface ImportJob {
	token: string;
	fileName: string;
	feed: string | null;
	mode: 'strict' | 'accept-valid';
	headerMap: Record<string, string>;
	headers: string[];
	state: JobState;
	progress: ImportProgress;
	report: ImportReport | null;
	error: string | null;
	updatedAt: number;
	/** The step under way; not sent to the browser. */
	promise?: Promise<void>;
}

const jobs = new Map<string, ImportJob>();
let importHandle: DbHandle | null = null;

/** The importer's own connection: its transaction never mixes with page reads. */
function importDb(): DbHandle {
	importHandle ??= createDb(readConfig().DATABASE_URL);
	return importHandle;
}

export function getJob(token: string): ImportJob | undefined {
	return jobs.get(token);
}

/** Start (or restart, e.g. with a header mapping) the check of an uploaded file. */
export function startCheck(
	token: string,
	opts: {
		fileName: string;
		feed?: string | null;
		mode?: 'strict' | 'accept-valid';
		headerMap?: Record<string, string>;
	}
): ImportJob {
	const job: ImportJob = {
		token,
		fileName: opts.fileName,
		feed: opts.feed ?? null,
		mode: opts.mode ?? 'strict',
		headerMap: opts.headerMap ?? {},
		headers: [],
		state: 'checking',
		progress: { rowsRead: 0, bytesRead: 0, bytesTotal: 0 },
		report: null,
		error: null,
		updatedAt: Date.now()
	};
	jobs.set(token, job);
	job.promise = run(job, true);
	return job;
}

export function startImport(token: string): ImportJob | null {
	const job = jobs.get(token);
	// A check that found invalid rows can still be imported in accept-valid mode; a fatal one not.
	if (!job || job.state !== 'checked' || !job.report || job.report.fatal) return null;
	job.state = 'importing';
	job.progress = { rowsRead: 0, bytesRead: 0, bytesTotal: job.progress.bytesTotal };
	job.promise = run(job, false);
	return job;
}

/** Wait for the job's current step (the no-JavaScript path renders only when it is done). */
export function settled(job: ImportJob): Promise<void> {
	return job.promise ?? Promise.resolve();
}

async function run(job: ImportJob, dryRun: boolean): Promise<void> {
	const { UPLOAD_DIR } = readConfig();
	const path = uploadPath(UPLOAD_DIR, job.token);
	try {
		if (!path) throw new Error('The uploaded file has expired: upload it again.');
		job.headers = await readHeaderRow(path);
		const feed = job.feed ? feedByKey(job.feed) : await detectFeed(path);
		if (!feed) {
			job.state = 'checked';
			job.report = null;
			job.error =
				'No feed matches this file’s header row. Choose the feed below and map its columns.';
			return;
		}
		job.feed = feed.key;
		job.report = await runImport(importDb(), {
			feed,
			source: path,
			fileName: job.fileName,
			importedBy: 'web upload',
			mode: job.mode,
			dryRun,
			headerMap: job.headerMap,
			previewRows: dryRun ? 10 : 0,
			onProgress: (p) => {
				job.progress = p;
				job.updatedAt = Date.now();
			}
		});
		job.error = null;
		job.state = dryRun ? 'checked' : 'imported';
		if (!dryRun && job.report.status === 'committed') removeUpload(UPLOAD_DIR, job.token);
	} catch (e) {
		job.state = 'failed';
		job.error = (e as Error).message;
	} finally {
		job.updatedAt = Date.now();
	}
}

/** What the browser sees of a job (no promise, no server paths). */
export function jobView(job: ImportJob) {
	const { promise: _promise, ...view } = job;
	return view;
}
