/**
 * Test databases: an in-memory SQLite with the real migrations, the shipped dataset manifest
 * registered, and (optionally) the real council register plus small fixture files imported
 * through the same pipeline as any upload.
 *
 * Built that way once per test run, not once per test file: the database projects' global setup
 * (db-templates.ts) makes each starting point once and saves its image, and createTestDb,
 * loadAuthorities and createFixtureDb open a copy of it in a few milliseconds. Without the images
 * (a project without that setup) every database is built as described, which is slower and the
 * same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { inject } from 'vitest';
import {
	configureConnection,
	createDb,
	migrateDb,
	type DbHandle
} from '../../src/lib/server/db/client';
import * as schema from '../../src/lib/server/db/schema';
import { feedByKey } from '../../src/lib/server/feeds/registry';
import type { WriteTask } from '../../src/lib/server/import/write-worker';
import { readManifest, registerDatasets } from '../../src/lib/server/import/load-default-data';
import {
	runImport,
	type ImportOptions,
	type ImportReport
} from '../../src/lib/server/import/run-import';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATA_DIR = join(ROOT, 'data');
export const MIGRATIONS_DIR = join(ROOT, 'drizzle');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');

export const fixture = (name: string) => join(FIXTURES_DIR, name);

/** The council register: the real (small) files from the repo, in manifest order. */
export const AUTHORITY_FILES = [
	['authorities', join(DATA_DIR, 'uk-la-names-codes/uk_local_authorities_current.csv')],
	['authority-gss-codes', join(DATA_DIR, 'uk-la-names-codes/lookup_gss_to_registry.csv')],
	['authority-names', join(DATA_DIR, 'uk-la-names-codes/lookup_name_to_registry.csv')]
] as const;

/** One fixture per data feed, each a few dozen real rows copied from data/. */
export const FEED_FIXTURES = {
	'mysociety-emissions': fixture('emissions.csv'),
	'mysociety-promises': fixture('promises.csv'),
	'mysociety-declarations': fixture('declarations.csv'),
	'mysociety-plans': fixture('plans.csv'),
	'funding-facts': fixture('funding_facts.csv'),
	// What each scheme is for: without it no award counts as net-zero money.
	'scheme-purposes': join(DATA_DIR, 'funding-competitions-2025-2027/scheme_purposes.csv'),
	'whlg-participation': fixture('whlg.csv')
} as const;
export type FixtureFeed = keyof typeof FEED_FIXTURES;

/** The writer thread's task importing a feed's fixture into the database file at `dbPath`. */
export const fixtureImportTask = (
	dbPath: string,
	feedKey: FixtureFeed
): Extract<WriteTask, { kind: 'import' }> => ({
	kind: 'import',
	dbPath,
	path: FEED_FIXTURES[feedKey],
	fileName: basename(FEED_FIXTURES[feedKey]),
	feedKey,
	importedBy: 'test',
	mode: 'accept-valid',
	dryRun: false,
	headerMap: {},
	previewRows: 0
});

/** Empty, migrated database with the dataset manifest registered, built step by step. */
export function buildTestDb(url = ':memory:'): DbHandle {
	const handle = createDb(url);
	migrateDb(handle, MIGRATIONS_DIR);
	registerDatasets(handle, readManifest(DATA_DIR));
	return handle;
}

/** The starting points saved by the global setup (db-templates.ts), by name. */
export type TemplateName = 'empty' | 'register' | 'progress';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The folder of the test databases' images (db-templates.ts), when they were made. */
		dbTemplates?: string;
	}
}

const images = new Map<TemplateName, Buffer | null>();

/** A saved starting point's bytes, or null when this run has none (then build as before). */
export function templateImage(name: TemplateName): Buffer | null {
	if (!images.has(name)) {
		let dir: string | undefined;
		try {
			dir = inject('dbTemplates');
		} catch {
			dir = undefined; // not in a test worker (e.g. the global setup itself)
		}
		const path = dir && join(dir, `${name}.db`);
		images.set(name, path && existsSync(path) ? readFileSync(path) : null);
	}
	return images.get(name)!;
}

/** Handles opened in memory from the empty image, with SQLite's change count when opened. */
const pristine = new WeakMap<DbHandle, number>();
const changesSoFar = (handle: DbHandle) =>
	handle.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

/** A connection on an in-memory copy of `image`. */
function openImage(image: Buffer) {
	const sqlite = configureConnection(new Database(image));
	return { sqlite, db: drizzle(sqlite, { schema }) };
}

/** A handle on an in-memory copy of a saved starting point, or null when there is none. */
export function openTemplate(name: TemplateName): DbHandle | null {
	const image = templateImage(name);
	if (!image) return null;
	const handle: DbHandle = {
		url: ':memory:',
		...openImage(image),
		// The connection it holds then, which loadAuthorities may have replaced.
		close: () => void handle.sqlite.close()
	};
	return handle;
}

/**
 * Empty, migrated, in-memory database with the dataset manifest registered; or the same in a
 * file at `url`. A copy of the saved image when there is one and the file is new.
 */
export function createTestDb(url = ':memory:'): DbHandle {
	const image = templateImage('empty');
	if (!image) return buildTestDb(url);
	if (url === ':memory:') {
		const handle = openTemplate('empty')!;
		pristine.set(handle, changesSoFar(handle));
		return handle;
	}
	// A file that is there already is migrated in place, as before.
	if (existsSync(url)) return buildTestDb(url);
	mkdirSync(dirname(url), { recursive: true });
	writeFileSync(url, image);
	return createDb(url);
}
/** CSV text or bytes as a stream runImport can read. */
export function csvSource(content: string | Buffer): Readable {
	return Readable.from([typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);
}

/** Import one file (path, text or bytes) with a feed, by key. */
export async function importFile(
	handle: DbHandle,
	feedKey: string,
	source: string | Buffer | Readable,
	options: Partial<Omit<ImportOptions, 'feed' | 'source'>> = {}
): Promise<ImportReport> {
	const feed = feedByKey(feedKey);
	if (!feed) throw new Error(`no feed "${feedKey}"`);
	const isPath = typeof source === 'string' && !source.includes('\n');
	const stream = isPath
		? source
		: source instanceof Readable
			? source
			: csvSource(source as string | Buffer);
	return runImport(handle, {
		feed,
		source: stream,
		fileName: isPath ? (source as string) : `${feedKey}.csv`,
		importedBy: 'test',
		...options
	});
}

export async function importOrThrow(handle: DbHandle, feedKey: string, path: string) {
	const report = await importFile(handle, feedKey, path);
	if (report.status !== 'committed') {
		throw new Error(
			`fixture ${path} was not imported: ${report.fatal ?? JSON.stringify(report.groups)}`
		);
	}
	return report;
}

/** Import the council register's three files into the database, as an upload would. */
export async function importAuthorities(handle: DbHandle): Promise<ImportReport[]> {
	const reports = [];
	for (const [feed, path] of AUTHORITY_FILES) reports.push(await importOrThrow(handle, feed, path));
	return reports;
}

/** The reports importing the register gave when its image was made, if they survive JSON. */
export function registerReports(): ImportReport[] | null {
	let dir: string | undefined;
	try {
		dir = inject('dbTemplates');
	} catch {
		return null;
	}
	const path = dir && join(dir, 'register.json');
	return path && existsSync(path)
		? (JSON.parse(readFileSync(path, 'utf8')) as ImportReport[])
		: null;
}

/**
 * Load the council register. A database just made by createTestDb, with nothing written since,
 * becomes a copy of the image made by importing the same files into the same empty database,
 * with that import's reports; any other database imports them.
 */
export async function loadAuthorities(handle: DbHandle): Promise<ImportReport[]> {
	const image = templateImage('register');
	const reports = image && registerReports();
	if (image && reports && pristine.get(handle) === changesSoFar(handle)) {
		pristine.delete(handle);
		handle.sqlite.close();
		Object.assign(handle, openImage(image));
		return reports;
	}
	return importAuthorities(handle);
}

/** Whether reports come back the same from JSON (so a saved copy can stand for them). */
export const survivesJson = (value: unknown) =>
	isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value);

/** A database with the council register and the named fixture feeds loaded (default: none). */
export async function createFixtureDb(feeds: readonly FixtureFeed[] = []): Promise<DbHandle> {
	const handle = createTestDb();
	await loadAuthorities(handle);
	for (const feed of feeds) await importOrThrow(handle, feed, FEED_FIXTURES[feed]);
	return handle;
}

export function countRows(handle: DbHandle, table: string): number {
	return handle.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
}

/** A digest of a table's entire contents, to prove a rejected import changed nothing. */
export function tableDigest(handle: DbHandle, table: string): string {
	const rows = handle.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
	return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/**
 * Digests of every data table (not the import log, which records rejected attempts too, nor the
 * caches' change counter, which every import, refusal and undo moves on).
 */
export function dataDigest(handle: DbHandle): Record<string, string> {
	const tables = handle.sqlite
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT IN ('import_batches', 'import_issues', 'import_rejected_rows', 'data_generation') ORDER BY name"
		)
		.pluck()
		.all() as string[];
	return Object.fromEntries(
		tables.map((t) => [t, `${countRows(handle, t)}:${tableDigest(handle, t)}`])
	);
}

/** Write rows as CSV text, quoting as a spreadsheet would. */
export function toCsv(
	rows: readonly (readonly string[])[],
	delimiter = ',',
	newline = '\n'
): string {
	const quote = (v: string) => (/[",\n\r;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return rows.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}
