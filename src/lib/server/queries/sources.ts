/**
 * Provenance for the sources page: every dataset, the imports that loaded it, and what each import
 * could not use.
 */
import type Database from 'better-sqlite3';
import type { IssueGroup } from '../rows/issues';
import { all } from './statements';

export interface DatasetRow {
	key: string;
	title: string;
	publisher: string;
	licence: string;
	licenceUrl: string | null;
	attribution: string;
	sourceUrl: string;
	version: string | null;
	releaseDate: string | null;
	coverage: string | null;
}

export interface ImportSummary {
	id: number;
	feed: string;
	datasetKey: string | null;
	fileName: string;
	status: string;
	startedAt: string;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsWritten: number;
	problems: IssueGroup[];
}

export function listDatasets(sqlite: Database.Database): DatasetRow[] {
	return all(
		sqlite,
		`SELECT key, title, publisher, licence, licence_url AS licenceUrl, attribution, source_url AS sourceUrl,
		        version, release_date AS releaseDate, coverage FROM datasets ORDER BY rowid`
	);
}

export function listImports(sqlite: Database.Database, limit = 100): ImportSummary[] {
	return all<Omit<ImportSummary, 'problems'> & { report: string | null }>(
		sqlite,
		`SELECT id, feed, dataset_key AS datasetKey, file_name AS fileName, status, started_at AS startedAt,
		        rows_read AS rowsRead, rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected, rows_written AS rowsWritten, report
		 FROM import_batches ORDER BY id DESC LIMIT ?`,
		limit
	).map(({ report, ...batch }) => ({
		...batch,
		problems: report ? ((JSON.parse(report) as { groups?: IssueGroup[] }).groups ?? []) : []
	}));
}
