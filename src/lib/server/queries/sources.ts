/**
 * Provenance for the sources page: every dataset, the imports that loaded it, and what each import
 * could not use.
 */
import { desc, sql } from 'drizzle-orm';
import { datasets, importBatches } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';
import { storedReport } from './imports';
import { insertionOrder } from './sqlite/rows';

const datasetsQuery = preparedQuery((db) =>
	db
		.select({
			key: datasets.key,
			title: datasets.title,
			publisher: datasets.publisher,
			licence: datasets.licence,
			licenceUrl: datasets.licenceUrl,
			attribution: datasets.attribution,
			sourceUrl: datasets.sourceUrl,
			version: datasets.version,
			releaseDate: datasets.releaseDate,
			coverage: datasets.coverage
		})
		.from(datasets)
		.orderBy(insertionOrder(datasets))
		.prepare()
);

/** Datasets in the manifest's order. */
export function listDatasets(db: Db = serverDb()) {
	return datasetsQuery(db).all();
}

export type DatasetRow = ReturnType<typeof listDatasets>[number];

const importsQuery = preparedQuery((db) =>
	db
		.select({
			id: importBatches.id,
			feed: importBatches.feed,
			datasetKey: importBatches.datasetKey,
			fileName: importBatches.fileName,
			status: importBatches.status,
			startedAt: importBatches.startedAt,
			rowsRead: importBatches.rowsRead,
			rowsAccepted: importBatches.rowsAccepted,
			rowsRejected: importBatches.rowsRejected,
			rowsWritten: importBatches.rowsWritten,
			report: importBatches.report
		})
		.from(importBatches)
		.orderBy(desc(importBatches.id))
		.limit(sql.placeholder('limit'))
		.prepare()
);

export function listImports(limit = 100, db: Db = serverDb()) {
	return importsQuery(db)
		.all({ limit })
		.map(({ report, ...batch }) => ({
			...batch,
			problems: storedReport(report).groups ?? []
		}));
}

export type ImportSummary = ReturnType<typeof listImports>[number];
