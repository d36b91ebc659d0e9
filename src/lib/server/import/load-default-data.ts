/**
 * The embedded default: the real datasets shipped in data/, loaded through the same pipeline as any
 * upload. A file already imported (same feed, same checksum) is skipped, so a second start writes
 * nothing at all and a new shipped release loads once.
 */
import { formatCount, formatInteger } from '../../format';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DbHandle } from '../db/client';
import { feedByKey } from '../feeds/registry';
import type { AnyFeed } from '../rows/feed';
import { runImport, type ImportReport } from './run-import';
import { inWriteTransaction, type WaitOptions } from './write-lock';

const ManifestSchema = z.object({
	datasets: z.array(
		z.object({
			key: z.string(),
			title: z.string(),
			publisher: z.string(),
			licence: z.string(),
			licenceUrl: z.string().nullable().optional(),
			attribution: z.string(),
			sourceUrl: z.string(),
			version: z.string().nullable().optional(),
			releaseDate: z.string().nullable().optional(),
			coverage: z.string().nullable().optional(),
			notes: z.string().nullable().optional(),
			files: z.array(z.object({ path: z.string(), feed: z.string() }))
		})
	)
});
export type DatasetManifest = z.infer<typeof ManifestSchema>;

export function readManifest(dataDir: string): DatasetManifest {
	const parsed = ManifestSchema.safeParse(
		JSON.parse(readFileSync(join(dataDir, 'datasets.json'), 'utf8'))
	);
	if (!parsed.success) throw new Error(`data/datasets.json is invalid: ${parsed.error.message}`);
	return parsed.data;
}

const DATASET_FIELDS = [
	'title',
	'publisher',
	'licence',
	'licenceUrl',
	'attribution',
	'sourceUrl',
	'version',
	'releaseDate',
	'coverage',
	'notes'
] as const;

type DatasetEntry = DatasetManifest['datasets'][number];

function datasetRow(d: DatasetEntry) {
	return Object.fromEntries([
		['key', d.key],
		...DATASET_FIELDS.map((f) => [f, d[f] ?? null])
	]) as Record<'key' | (typeof DATASET_FIELDS)[number], string | null>;
}

/** Manifest entries whose provenance differs from what is stored (read only). */
function changedDatasets(handle: DbHandle, manifest: DatasetManifest): DatasetEntry[] {
	const stored = handle.sqlite.prepare(
		`SELECT key, title, publisher, licence, licence_url AS licenceUrl, attribution, source_url AS sourceUrl,
		   version, release_date AS releaseDate, coverage, notes FROM datasets WHERE key = ?`
	);
	return manifest.datasets.filter((d) => {
		const row = stored.get(d.key) as Record<string, string | null> | undefined;
		const want = datasetRow(d);
		return !row || DATASET_FIELDS.some((f) => row[f] !== want[f]);
	});
}

/** Register the shipped datasets' provenance (what /sources shows); the caller holds the lock. */
export function registerDatasets(
	handle: DbHandle,
	manifest: DatasetManifest,
	only: readonly DatasetEntry[] = manifest.datasets
): void {
	const upsert = handle.sqlite.prepare(
		`INSERT INTO datasets (key, title, publisher, licence, licence_url, attribution, source_url, version, release_date, coverage, notes)
		 VALUES (@key, @title, @publisher, @licence, @licenceUrl, @attribution, @sourceUrl, @version, @releaseDate, @coverage, @notes)
		 ON CONFLICT (key) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, licence = excluded.licence,
		   licence_url = excluded.licence_url, attribution = excluded.attribution, source_url = excluded.source_url,
		   version = excluded.version, release_date = excluded.release_date, coverage = excluded.coverage, notes = excluded.notes`
	);
	for (const d of only) upsert.run(datasetRow(d));
}

export interface PendingFile {
	path: string;
	feed: AnyFeed;
	checksum: string;
	/** The dataset the manifest lists the file under (a template feed's file has no other). */
	datasetKey: string;
}

export interface PendingDefaultData {
	manifest: DatasetManifest;
	datasets: DatasetEntry[];
	files: PendingFile[];
}

/**
 * What loading the shipped data would write: provenance that changed and files not yet imported
 * (same feed, same checksum). Reads only, so a server can start while another program writes.
 */
export function pendingDefaultData(handle: DbHandle, dataDir: string): PendingDefaultData {
	const manifest = readManifest(dataDir);
	const alreadyImported = handle.sqlite.prepare(
		"SELECT 1 FROM import_batches WHERE feed = ? AND checksum = ? AND status = 'committed'"
	);
	const files: PendingFile[] = [];
	for (const dataset of manifest.datasets) {
		for (const file of dataset.files) {
			const feed = feedByKey(file.feed);
			if (!feed) throw new Error(`data/datasets.json names an unknown feed "${file.feed}"`);
			const path = join(dataDir, file.path);
			const checksum = createHash('sha256').update(readFileSync(path)).digest('hex');
			if (!alreadyImported.get(feed.key, checksum))
				files.push({ path: file.path, feed, checksum, datasetKey: dataset.key });
		}
	}
	return { manifest, datasets: changedDatasets(handle, manifest), files };
}

export interface DefaultLoadResult {
	loaded: ImportReport[];
	skipped: string[];
}

/** Load what is pending of the shipped data; writes nothing when nothing changed. */
export async function loadDefaultData(
	handle: DbHandle,
	dataDir: string,
	log: (line: string) => void = () => {},
	wait: WaitOptions = {}
): Promise<DefaultLoadResult> {
	const pending = pendingDefaultData(handle, dataDir);
	if (pending.datasets.length) {
		await inWriteTransaction(
			handle.sqlite,
			handle.url,
			'the registration of the shipped datasets',
			() => registerDatasets(handle, pending.manifest, pending.datasets),
			wait
		);
	}
	const pendingPaths = new Set(pending.files.map((f) => f.path));
	const result: DefaultLoadResult = {
		loaded: [],
		skipped: pending.manifest.datasets
			.flatMap((d) => d.files.map((f) => f.path))
			.filter((p) => !pendingPaths.has(p))
	};
	for (const file of pending.files) {
		const started = Date.now();
		// Real published files have quirks (an unmatched name, a double-encoded alias): keep the
		// valid rows and list the rest in the import report rather than refuse the whole file.
		const report = await runImport(handle, {
			feed: file.feed,
			source: join(dataDir, file.path),
			fileName: file.path,
			importedBy: 'default data',
			mode: 'accept-valid',
			datasetKey: file.datasetKey,
			...wait
		});
		const problems = report.groups
			.filter((g) => g.severity !== 'info')
			.reduce((n, g) => n + g.count, 0);
		log(
			`  ${file.path}: ${formatCount(report.rowsAccepted, 'row')} (${formatInteger(report.rowsRejected)} set aside, ${formatCount(problems, 'problem')} listed) in ${Date.now() - started} ms`
		);
		if (report.status !== 'committed')
			throw new Error(`Loading ${file.path} failed: ${report.fatal ?? 'rejected'}`);
		result.loaded.push(report);
	}
	return result;
}
