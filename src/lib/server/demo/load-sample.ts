/**
 * Loading and removing the SAMPLE bid pipeline (sample-pipeline.ts). Loading is three ordinary
 * imports (competitions, then bids, then actions) through the one import pipeline, strict and with
 * the sample flag, so every row is stored with is_sample = 1 and each import is recorded as sample
 * in the import history. Removing is undoing those imports, newest first: the undo log restores
 * the database exactly as it was. A sample import may only add rows: one that would change or
 * delete a row already stored (real data) is backed out and the load fails, loudly.
 */
import { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { DbHandle } from '../db/client';
import { templateActionsFeed } from '../feeds/template-actions';
import { templateBidsFeed } from '../feeds/template-bids';
import { templateCompetitionsFeed } from '../feeds/template-competitions';
import { runImport, type ImportReport } from '../import/run-import';
import { undoImport } from '../import/undo-import';
import type { AnyFeed } from '../rows/feed';
import { generateSamplePipeline, type SamplePipelineOptions } from './sample-pipeline';

export const SAMPLE_IMPORTED_BY = 'sample data (npm run demo)';
export const REMOVE_HINT = 'npm run demo -- --remove';

/** Tables with an is_sample flag. */
export const SAMPLE_TABLES = ['competitions', 'bids', 'awards', 'actions', 'targets'] as const;

/** Refused: sample data is already in the database. */
export class SampleAlreadyLoadedError extends Error {
	constructor() {
		super(`Sample data is already loaded. Remove it first with: ${REMOVE_HINT}`);
		this.name = 'SampleAlreadyLoadedError';
	}
}

export interface SampleLoadResult {
	seed: number;
	asOf: string;
	councils: string[];
	/** The committed imports, in order: competitions, bids, actions. */
	batchIds: number[];
	reports: ImportReport[];
	/** Rows stored with the sample flag, per table, after loading. */
	stored: Record<string, number>;
}

/** Is there sample data: a committed sample import, or any row flagged as sample? */
export function hasSampleData(sqlite: Database.Database): boolean {
	const batches = sqlite
		.prepare("SELECT count(*) FROM import_batches WHERE is_sample = 1 AND status = 'committed'")
		.pluck()
		.get() as number;
	return batches > 0 || Object.values(sampleRowCounts(sqlite)).some((n) => n > 0);
}

/** Rows flagged as sample, per table. */
export function sampleRowCounts(sqlite: Database.Database): Record<string, number> {
	return Object.fromEntries(
		SAMPLE_TABLES.map((t) => [
			t,
			sqlite.prepare(`SELECT count(*) FROM ${t} WHERE is_sample = 1`).pluck().get() as number
		])
	);
}

export async function loadSamplePipeline(
	handle: DbHandle,
	options: SamplePipelineOptions = {}
): Promise<SampleLoadResult> {
	const { sqlite } = handle;
	if (hasSampleData(sqlite)) throw new SampleAlreadyLoadedError();
	const sample = generateSamplePipeline(options);
	const known = sqlite.prepare('SELECT 1 FROM authorities WHERE code = ?').pluck();
	const missing = sample.councils.filter((c) => !known.get(c));
	if (missing.length) {
		throw new Error(
			`The council register has no ${missing.join(', ')}: load the register (the shipped data) before the sample.`
		);
	}

	const files: [AnyFeed, string, string][] = [
		[templateCompetitionsFeed, sample.competitions, 'sample-competitions'],
		[templateBidsFeed, sample.bids, 'sample-bids'],
		[templateActionsFeed, sample.actions, 'sample-actions']
	];
	const batchIds: number[] = [];
	const reports: ImportReport[] = [];
	try {
		for (const [feed, text, name] of files) {
			const report = await runImport(handle, {
				feed,
				source: Readable.from([Buffer.from(text, 'utf8')]),
				fileName: `${name}-seed-${sample.seed}.csv`,
				importedBy: SAMPLE_IMPORTED_BY,
				mode: 'strict',
				isSample: true
			});
			reports.push(report);
			if (report.status === 'committed' && report.batchId !== null) batchIds.push(report.batchId);
			const problem = problemOf(report);
			if (problem)
				throw new Error(`The sample ${feed.title} file did not import cleanly: ${problem}`);
		}
	} catch (e) {
		// Nothing half-loaded: back out what did go in, newest first.
		for (const id of [...batchIds].reverse()) await undoImport(handle, id);
		throw e;
	}
	return {
		seed: sample.seed,
		asOf: sample.asOf,
		councils: sample.councils,
		batchIds,
		reports,
		stored: sampleRowCounts(sqlite)
	};
}

/** Why a sample import is not clean (rejected, any warning, or a change to a stored row), or null. */
function problemOf(report: ImportReport): string | null {
	const issues = report.groups
		.filter((g) => g.severity !== 'info')
		.map((g) => `${g.severity} ${g.code}${g.column ? ` in ${g.column}` : ''}: ${g.message}`);
	if (report.status !== 'committed') return [report.fatal, ...issues].filter(Boolean).join('; ');
	if (issues.length) return issues.join('; ');
	const touched = report.changes.filter((c) => c.updated > 0 || c.deleted > 0);
	if (touched.length) {
		const list = touched.map((c) => `${c.table} (${c.updated} updated, ${c.deleted} deleted)`);
		return `it would change rows already stored, in ${list.join(', ')}; sample data may only add rows`;
	}
	return null;
}

/**
 * Undo every committed sample import, newest first; returns how many were undone (0 when there is
 * no sample data, so it is safe to run twice). Throws, naming the import, when one cannot be undone
 * (a later real import changed the same rows).
 */
export async function removeSamplePipeline(handle: DbHandle): Promise<number> {
	const ids = handle.sqlite
		.prepare(
			"SELECT id FROM import_batches WHERE is_sample = 1 AND status = 'committed' ORDER BY id DESC"
		)
		.pluck()
		.all() as number[];
	for (const id of ids) {
		const result = await undoImport(handle, id);
		if (!result.ok) throw new Error(`Could not remove sample import ${id}: ${result.reason}`);
	}
	return ids.length;
}
