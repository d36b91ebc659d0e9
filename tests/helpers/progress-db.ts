/**
 * A database for the progress and report tests: the council register, the shipped DESNZ
 * 2005–2023 totals and the officers' template fixtures (Leeds's targets, bids, actions), plus
 * any extra files a test needs, all through the real import.
 */
import { join } from 'node:path';
import type { DbHandle } from '../../src/lib/server/db/client';
import { createTestDb, DATA_DIR, fixture, importFile, loadAuthorities } from './db';

export async function createProgressDb(extra: [feed: string, source: string][] = []) {
	const handle: DbHandle = createTestDb();
	await loadAuthorities(handle);
	const files: [string, string][] = [
		['desnz-ghg-totals', join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')],
		['targets', fixture('templates/targets.csv')],
		['competitions', fixture('templates/competitions.csv')],
		['bids', fixture('templates/bids.csv')],
		['actions', fixture('templates/actions.csv')],
		['milestones', fixture('templates/milestones.csv')],
		...extra
	];
	for (const [feed, source] of files) {
		const report = await importFile(handle, feed, source);
		if (report.status !== 'committed') throw new Error(`${feed} was not imported: ${report.fatal}`);
	}
	return handle;
}
