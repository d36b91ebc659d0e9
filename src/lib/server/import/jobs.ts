/**
 * Import jobs for the web: checking (a dry run) and importing an uploaded file. Each step is a
 * write queued on the server's one writer (write-queue.ts), which runs it on a worker thread: a
 * long import never blocks pages (readers keep seeing the last committed state, thanks to WAL),
 * two uploads at once both complete in turn, and the browser can poll progress and what the job
 * is waiting for. Finished jobs and their uploaded files are forgotten after a while.
 */
import { readConfig } from '../config';
import { feedByKey } from '../feeds/registry';
import { getDatabase } from '../db';
import { detectFeed, readHeaderRow } from './detect-feed';
import { notCsvReason } from './file-kind';
import { loadHeaderMaps } from './header-maps';
import type { ImportProgress, ImportReport } from './run-import';
import { removeUpload, uploadPath } from './uploads';
import { queueWrite } from './write-queue';
import { actorOf } from '../accounts/users';
import { importPermission, type Viewer } from '../accounts/viewer';

export type JobState = 'checking' | 'checked' | 'importing' | 'imported' | 'failed';

export interface ImportJob {
	token: string;
	fileName: string;
	feed: string | null;
	mode: 'strict' | 'accept-valid';
	/** Let the import set stored values back (blanks, older records): the user's choice. */
	allowOlder: boolean;
	headerMap: Record<string, string>;
	headers: string[];
	/** Who uploaded it: only they (or an admin) may see, map or import it. */
	viewer: Viewer;
	state: JobState;
	progress: ImportProgress;
	/** "the import of promises.csv" while this job waits for another write to finish. */
	waitingFor: string | null;
	report: ImportReport | null;
	error: string | null;
	updatedAt: number;
	/** The step under way; not sent to the browser. */
	promise?: Promise<void>;
}

const jobs = new Map<string, ImportJob>();
/** A job nobody has looked at for this long is forgotten, and its uploaded file removed. */
export const JOB_IDLE_MS = 6 * 60 * 60 * 1000;

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
		viewer: Viewer;
	}
): ImportJob {
	forgetIdleJobs();
	const job: ImportJob = {
		token,
		fileName: opts.fileName,
		feed: opts.feed ?? null,
		mode: opts.mode ?? 'strict',
		allowOlder: false,
		headerMap: opts.headerMap ?? {},
		headers: [],
		viewer: opts.viewer,
		state: 'checking',
		progress: { rowsRead: 0, bytesRead: 0, bytesTotal: 0 },
		waitingFor: null,
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
	const { UPLOAD_DIR, DATABASE_URL } = readConfig();
	const path = uploadPath(UPLOAD_DIR, job.token);
	try {
		if (!path) throw new Error('The uploaded file has expired: upload it again.');
		// A ZIP, PDF or empty file is told what it is, with no columns to map.
		const notCsv = await notCsvReason(path);
		if (notCsv) {
			Object.assign(job, { state: 'checked', report: null, headers: [], error: notCsv });
			return;
		}
		job.headers = await readHeaderRow(path);
		const feed = job.feed
			? feedByKey(job.feed)
			: await detectFeed(path, loadHeaderMaps(getDatabase().sqlite));
		if (!feed) {
			job.state = 'checked';
			job.report = null;
			job.error =
				'No feed matches this file’s header row. Choose the feed below and map its columns.';
			return;
		}
		job.feed = feed.key;
		// Checked once the feed is known (it may have been detected): the role decides the feeds
		// and the councils this upload may write.
		const permission = importPermission(job.viewer, feed.key);
		if (!permission.ok) throw new Error(permission.reason);
		const write = queueWrite(
			{
				kind: 'import',
				dbPath: DATABASE_URL,
				path,
				fileName: job.fileName,
				feedKey: feed.key,
				importedBy: actorOf(job.viewer).actor,
				allowedAuthorities: permission.allowedAuthorities,
				actor: actorOf(job.viewer),
				mode: job.mode,
				dryRun,
				// A check counts what would be set back; only the import itself may be allowed to.
				allowOlder: !dryRun && job.allowOlder,
				headerMap: job.headerMap,
				previewRows: dryRun ? 10 : 0
			},
			`the ${dryRun ? 'check' : 'import'} of ${job.fileName}`,
			{
				onProgress: (p) => {
					job.progress = p;
					job.updatedAt = Date.now();
				},
				onWaiting: (waitingFor) => {
					job.waitingFor = waitingFor;
					job.updatedAt = Date.now();
				}
			}
		);
		const result = await write.done;
		if (result.kind !== 'import') throw new Error('The writer answered another task.');
		job.report = result.report;
		job.error = null;
		job.state = dryRun ? 'checked' : 'imported';
		if (!dryRun && job.report.status === 'committed') removeUpload(UPLOAD_DIR, job.token);
	} catch (e) {
		job.state = 'failed';
		job.error = (e as Error).message;
	} finally {
		job.waitingFor = null;
		job.updatedAt = Date.now();
	}
}

/** Forget jobs left alone for JOB_IDLE_MS, with their files (a job still running is kept). */
export function forgetIdleJobs(now = Date.now()): number {
	const { UPLOAD_DIR } = readConfig();
	let forgotten = 0;
	for (const [token, job] of jobs) {
		const busy = job.state === 'checking' || job.state === 'importing';
		if (busy || now - job.updatedAt < JOB_IDLE_MS) continue;
		jobs.delete(token);
		removeUpload(UPLOAD_DIR, token);
		forgotten++;
	}
	return forgotten;
}

/** What the browser sees of a job (no promise, no server paths, not who else it is). */
export function jobView(job: ImportJob) {
	const { promise: _promise, viewer: _viewer, ...view } = job;
	return view;
}

/** Its uploader's job, or any job for an admin; another account's job is as if it did not exist. */
export function jobFor(token: string, viewer: Viewer): ImportJob | undefined {
	const job = jobs.get(token);
	if (!job || viewer.role === 'public') return undefined;
	if (viewer.role === 'admin') return job;
	const owner = job.viewer;
	return owner.role !== 'public' && owner.userId === viewer.userId ? job : undefined;
}
