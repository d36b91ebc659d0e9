/**
 * The server's writes run here, on a worker thread with its own connection: an import, a check
 * (a dry run, which holds the write lock too), an undo, loading a new shipped release, or bringing
 * similar councils up to date with data stored before they were computed. The
 * request thread never waits for SQLite's write lock and never spends seconds in a transaction,
 * so pages keep being served (WAL readers see the last committed state) while any write runs.
 *
 * The worker is this very module started again: in the built server it is the bundled chunk that
 * holds this code (its `import.meta.url`), in development and tests this file bundled once
 * (worker-entry.ts). That keeps one build and no second entry point to forget.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../db/client';
import { feedByKey } from '../feeds/registry';
import { loadDefaultData } from './load-default-data';
import { runImport, type ImportProgress, type ImportReport } from './run-import';
import { undoImport, type UndoResult } from './undo-import';
import { refreshSimilarCouncilsNow, type RefreshResult } from './similar-councils-refresh';
import type { WriterInfo } from './write-lock';
import { recordAudit } from '../accounts/audit';
import type { Actor } from '../accounts/users';
import { formatCount } from '../../format';

export const WRITE_WORKER_URL = import.meta.url;
export const WRITE_WORKER_ROLE = 'net-zero-local-writer';

export type WriteTask =
	| {
			kind: 'import';
			dbPath: string;
			path: string;
			fileName: string;
			feedKey: string;
			importedBy: string;
			mode: 'strict' | 'accept-valid';
			dryRun: boolean;
			/** Let blanks and older records set back stored values (the user ticked it). */
			allowOlder?: boolean;
			headerMap: Record<string, string>;
			previewRows: number;
			/** The councils an officer may import for; null: any. */
			allowedAuthorities?: string[] | null;
			/** Who asked, for the audit trail (absent: not audited, e.g. the shipped data). */
			actor?: Actor;
	  }
	| { kind: 'undo'; dbPath: string; batchId: number; actor?: Actor }
	| { kind: 'default-data'; dbPath: string; dataDir: string }
	| { kind: 'similar-councils'; dbPath: string };

export type WriteResult =
	| { kind: 'import'; report: ImportReport }
	| { kind: 'undo'; result: UndoResult }
	| { kind: 'default-data'; files: { path: string; rows: number; status: string }[] }
	| { kind: 'similar-councils'; result: RefreshResult };

export type WriteWorkerMessage =
	| { type: 'progress'; progress: ImportProgress }
	| { type: 'waiting'; holder: WriterInfo | null }
	| { type: 'done'; result: WriteResult }
	| { type: 'error'; message: string };

/** Carry out one write task on a connection of its own (exported for tests in one thread). */
export async function performWrite(
	task: WriteTask,
	post: (m: WriteWorkerMessage) => void
): Promise<WriteResult> {
	const handle = createDb(task.dbPath);
	const onWait = (holder: WriterInfo | null) => post({ type: 'waiting', holder });
	try {
		if (task.kind === 'import') {
			const feed = feedByKey(task.feedKey);
			if (!feed) throw new Error(`Unknown feed "${task.feedKey}".`);
			const report = await runImport(handle, {
				feed,
				source: task.path,
				fileName: task.fileName,
				importedBy: task.importedBy,
				mode: task.mode,
				dryRun: task.dryRun,
				allowOlder: task.allowOlder ?? false,
				headerMap: task.headerMap,
				previewRows: task.previewRows,
				allowedAuthorities: task.allowedAuthorities ?? null,
				onWait,
				onProgress: (progress) => post({ type: 'progress', progress })
			});
			if (task.actor && report.status === 'committed')
				recordAudit(handle.sqlite, task.actor, {
					action: 'import',
					batchId: report.batchId,
					summary: `Imported ${task.fileName} (${feed.key}): ${formatCount(report.rowsWritten, 'row')} written`
				});
			return { kind: 'import', report };
		}
		if (task.kind === 'undo') {
			const result = await undoImport(handle, task.batchId, { onWait });
			if (task.actor && result.ok)
				recordAudit(handle.sqlite, task.actor, {
					action: 'undo',
					batchId: task.batchId,
					summary: `Undid import ${task.batchId}: ${formatCount(result.rowsRestored, 'row')} put back`
				});
			return { kind: 'undo', result };
		}
		if (task.kind === 'similar-councils') {
			return {
				kind: 'similar-councils',
				result: await refreshSimilarCouncilsNow(handle, { onWait })
			};
		}
		const loaded = await loadDefaultData(handle, task.dataDir, () => {}, { onWait });
		return {
			kind: 'default-data',
			files: loaded.loaded.map((r) => ({
				path: r.fileName,
				rows: r.rowsAccepted,
				status: r.status
			}))
		};
	} finally {
		handle.close();
	}
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WRITE_WORKER_ROLE) {
	const port = parentPort!;
	const post = (m: WriteWorkerMessage) => port.postMessage(m);
	performWrite((workerData as { task: WriteTask }).task, post).then(
		(result) => post({ type: 'done', result }),
		(e: Error) => post({ type: 'error', message: e.message })
	);
}
