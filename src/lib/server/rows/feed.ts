/**
 * The contract between the import pipeline and the feed modules. A feed says which columns it
 * reads, turns one validated record into a typed row, and writes rows inside the pipeline's
 * transaction; the pipeline does reading, header mapping, reporting and the transaction.
 */
import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client';
import type { AuthorityResolver, Resolution } from './resolve-authority';
import type { IssueCollector } from './issues';
import { repeatedRows } from './repeated-rows';

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

/**
 * A record of one schema table, as a feed describes it: its values by the schema's field names
 * (undefined = not in the file, so not written; null = blank) and the fields of its natural key.
 */
export interface TableRecord<T extends SQLiteTable = SQLiteTable> {
	table: T;
	values: Partial<T['$inferInsert']>;
	key: readonly (keyof T['$inferInsert'] & string)[];
	/** Counted in the import's written/unchanged totals (false for a row's secondary records). */
	counted?: boolean;
	/**
	 * Only added when absent, never updated: for records two feeds both give (a council's name
	 * as an alias, from the register and from the names lookup), so they do not overwrite each
	 * other on every import.
	 */
	addOnly?: boolean;
	/**
	 * The date field that says how current the record is (a plan's last_update), or several in
	 * order (the first the stored record has decides): a record dated before the stored one, or
	 * undated where it is dated, does not change the stored values (it may still fill blanks)
	 * unless the import allows setting values back (import/set-back.ts).
	 */
	datedBy?: (keyof T['$inferInsert'] & string) | readonly (keyof T['$inferInsert'] & string)[];
	/**
	 * How a record without that date compares with a dated stored one: 'older' (the default: an
	 * older edition of a sheet leaves dates blank) or 'unknown' (written, as any newer record).
	 */
	undated?: 'older' | 'unknown';
	/**
	 * Fields whose null the row states (derived from other cells, or a column where blank means
	 * "none"), so it is written over a stored value; any other null is a blank cell, which never
	 * replaces a stored value unless the import allows setting values back.
	 */
	mayClear?: readonly (keyof T['$inferInsert'] & string)[];
}

/** The import's one writer (import/record-writer.ts): feeds describe records, it writes them. */
export interface RecordWriter {
	/** Insert or update by natural key; true when anything stored changed. */
	upsert<T extends SQLiteTable>(record: TableRecord<T>): boolean;
	/** The id of the row whose fields equal these, if any. */
	idOf<T extends SQLiteTable>(table: T, where: Partial<T['$inferInsert']>): number | undefined;
	/**
	 * The id of the row with this natural key, inserted with `values` when there is none (never
	 * updated: a funder or competition another file created keeps what it has).
	 */
	ensure<T extends SQLiteTable>(
		table: T,
		key: Partial<T['$inferInsert']>,
		values?: Partial<T['$inferInsert']>
	): number;
	/** Adds a row (no natural key to match it by); its id. */
	insert<T extends SQLiteTable>(table: T, values: Partial<T['$inferInsert']>): number;
	/** Sets these fields of the row with this id; true when any differed. */
	update<T extends SQLiteTable>(table: T, id: number, values: Partial<T['$inferInsert']>): boolean;
	/** Deletes the row with this id; true when there was one. */
	remove<T extends SQLiteTable>(table: T, id: number): boolean;
	/**
	 * Makes the child rows of one parent (a bid's partners, a target's interim targets) exactly
	 * these, rewriting them only when they differ from what is stored (in any order). True when
	 * anything changed.
	 */
	replaceChildren<T extends SQLiteTable>(
		table: T,
		parent: Partial<T['$inferInsert']>,
		rows: Partial<T['$inferInsert']>[]
	): boolean;
	/**
	 * Adds the child rows of a parent that has none stored: one this import has just added (a new
	 * bid's partners), whose id no row can name yet (ids are never reused). As replaceChildren,
	 * without reading or deleting what is stored. True when it added any.
	 */
	addChildren<T extends SQLiteTable>(
		table: T,
		parent: Partial<T['$inferInsert']>,
		rows: Partial<T['$inferInsert']>[]
	): boolean;
	/**
	 * The rowid (a table's integer id) of the row the last upsert inserted or judged against, when
	 * it read the stored row (a record with `datedBy` or a blank to keep) or inserted one; null
	 * otherwise. Spares a feed reading back the row it has just written.
	 */
	lastRowid(): number | null;
	counts(): WriteCounts;
	/** The file row being written, so what the writer keeps or sets back is reported against it. */
	atRow(rowNumber: number | null): void;
	/**
	 * Stored values the file would set back (a blank over a value, an older record over a newer
	 * one): written only when the import allows it, and counted either way.
	 */
	valuesSetBack(): number;
	/** Whether the last upsert was a record older than the one stored, kept as stored. */
	keptNewer(): boolean;
}

export interface ImportContext {
	db: Db;
	/** Writes the feed's records (only the columns the file has; unchanged rows left alone). */
	write: RecordWriter;
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
	/**
	 * The councils this import may write for (an officer's own); null or absent: any (an admin,
	 * the command line). A row owned by another council is refused (council-cells.ts).
	 */
	allowedAuthorities?: ReadonlySet<string> | null;
	/**
	 * Told which council a row's own council cell resolved to (not its partners'), so the import
	 * preview can show an officer what each row will count for.
	 */
	onCouncil?: (rowNumber: number, cell: ResolvedCouncilCell) => void;
}

/** A council cell as the resolver read it: the column, the file's text and the resolution. */
export type ResolvedCouncilCell = Omit<Extract<Resolution, { ok: true }>, 'ok'> & {
	column: string;
	value: string;
};

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
	/**
	 * One of the app's own templates, downloadable and filled in by officers; other feeds are
	 * publishers' formats, uploaded as published.
	 */
	template?: boolean;
	columns: readonly FeedColumn[];
	/**
	 * The scheme a participation feed's rows are for, by its stored name: a file whose columns or
	 * name say it is for another scheme is refused whole (feeds/scheme-names.ts).
	 */
	scheme?: string;
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
	/**
	 * The records a valid row stands for, which the import's writer upserts: the way a feed
	 * should write. A feed whose rows need ids of rows it wrote before, or a bulk path (DESNZ),
	 * gives createWriter instead, writing through ctx.write where it can.
	 */
	records?(row: Row, ctx: ImportContext): TableRecord[];
	createWriter?(ctx: ImportContext): FeedWriter<Row>;
}

/** The writer the pipeline uses for a feed: its own, or one that upserts the feed's records. */
export function feedWriter<Row>(feed: FeedModule<Row>, ctx: ImportContext): FeedWriter<Row> {
	if (feed.createWriter) return feed.createWriter(ctx);
	const records = feed.records;
	if (!records) throw new Error(`feed ${feed.key} describes no records and has no writer`);
	const counts: WriteCounts = { written: 0, unchanged: 0 };
	const firstOfKey = repeatedRows(ctx);
	return {
		write(row, rowNumber) {
			const list = records(row, ctx);
			// A row naming the same record as an earlier one: stored once if the same, else refused
			// (a record only ever added, never updated, keeps the first row's values by design).
			const main = list[0];
			if (main && !main.addOnly) {
				const values = main.values as Record<string, unknown>;
				const key = JSON.stringify(main.key.map((k) => values[k] ?? null));
				const label = `key ${main.key.map((k) => `${k} ${String(values[k] ?? '(blank)')}`).join(', ')}`;
				const name = { column: null, value: '', label };
				if (!firstOfKey(key, rowNumber, name, main.values)) return;
			}
			// A file row is written when anything it stands for changed.
			let changed = false;
			for (const record of list) changed = ctx.write.upsert(record) || changed;
			if (changed) counts.written++;
			else counts.unchanged++;
		},
		finish: () => counts
	};
}

// Feeds are heterogeneous; the registry holds them without their row types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- row type is private to each feed
export type AnyFeed = FeedModule<any>;
