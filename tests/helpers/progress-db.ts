/**
 * A database for the progress and report tests: the council register, the shipped DESNZ
 * 2005–2023 totals and the officers' template fixtures (Leeds's targets, bids, actions), plus
 * any extra files a test needs, all through the real import. The first part is the same for
 * every test, so it is a saved starting point (db-templates.ts) when the run has one.
 */
import { join } from 'node:path';
import type { DbHandle } from '../../src/lib/server/db/client';
import { createTestDb, DATA_DIR, fixture, importFile, loadAuthorities, openTemplate } from './db';

/** What every progress database holds after the register, in import order. */
export const PROGRESS_FILES: [feed: string, source: string][] = [
	['desnz-ghg-totals', join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')],
	['targets', fixture('templates/targets.csv')],
	['competitions', fixture('templates/competitions.csv')],
	['bids', fixture('templates/bids.csv')],
	['actions', fixture('templates/actions.csv')],
	['milestones', fixture('templates/milestones.csv')]
];

/** Import files with their feeds, refusing any that is not committed whole. */
export async function importAll(handle: DbHandle, files: [feed: string, source: string][]) {
	for (const [feed, source] of files) {
		const report = await importFile(handle, feed, source);
		if (report.status !== 'committed') throw new Error(`${feed} was not imported: ${report.fatal}`);
	}
}

export async function createProgressDb(extra: [feed: string, source: string][] = []) {
	let handle = openTemplate('progress');
	if (!handle) {
		handle = createTestDb();
		await loadAuthorities(handle);
		await importAll(handle, PROGRESS_FILES);
	}
	await importAll(handle, extra);
	return handle;
}
