/**
 * The contract between the import pipeline and the feed modules. A feed says which columns it
 * reads, turns one validated record into a typed row, and writes rows inside the pipeline's
 * transaction; the pipeline does reading, header mapping, reporting and the transaction.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import type { AuthorityResolver } from './resolve-authority';
import type { IssueCollector } from './issues';

export interface FeedColumn {
	/** Canonical column name, as in our templates or the publisher's file. */
	name: string;
	required: boolean;
	description: string;
	/** Other spellings seen in real files (older releases, Excel exports). */
	aliases?: readonly string[];
	example?: string;
	/** Recognised (so it is not reported as unknown) but not read: not copied into records. */
	ignored?: boolean;
}

export interface ImportContext {
	db: Db;
	sqlite: Database.Database;
	resolver: AuthorityResolver;
	issues: IssueCollector;
	batchId: number;
	isSample: boolean;
	/** SHA-256 of the file being imported (known before the first row is read). */
	checksum: string;
	/** The file's name as the user knows it, for labels. */
	fileName: string;
	/** The file's size, so writers can choose a bulk-load strategy for large files. */
	fileBytes: number;
}

export interface WriteCounts {
	/** Rows inserted or changed in the database. */
	written: number;
	/** Valid rows that matched what was stored already. */
	unchanged: number;
}

export interface FeedWriter<Row> {
	write(row: Row, rowNumber: number): void;
	/** Called once after the last row, still inside the transaction. */
	finish(): WriteCounts;
}

export interface FeedModule<Row> {
	key: string;
	title: string;
	description: string;
	/** The shipped dataset these rows come from, for provenance; null for user feeds. */
	datasetKey: string | null;
	columns: readonly FeedColumn[];
	/**
	 * parseRow reads nothing the same import writes, so rows may be parsed on a worker thread
	 * while the main thread writes (the large emissions feeds).
	 */
	parallelSafe?: boolean;
	/**
	 * Validate and convert one record (keys are canonical column names). Returns null after
	 * recording at least one error in ctx.issues.
	 */
	parseRow(record: Record<string, string>, rowNumber: number, ctx: ImportContext): Row | null;
	createWriter(ctx: ImportContext): FeedWriter<Row>;
}

// Feeds are heterogeneous; the registry holds them without their row types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- row type is private to each feed
export type AnyFeed = FeedModule<any>;
