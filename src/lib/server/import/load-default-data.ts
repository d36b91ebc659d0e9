/**
 * The embedded default: the real datasets shipped in data/, loaded through the same pipeline as any
 * upload. A file already imported (same feed, same checksum) is skipped, so a second start loads
 * nothing and a new shipped release loads once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DbHandle } from '../db/client';
import { feedByKey } from '../feeds/registry';
import { runImport, type ImportReport } from './run-import';

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

/** Register the shipped datasets' provenance (what /sources shows). */
export function registerDatasets(handle: DbHandle, manifest: DatasetManifest): void {
	const upsert = handle.sqlite.prepare(
		`INSERT INTO datasets (key, title, publisher, licence, licence_url, attribution, source_url, version, release_date, coverage, notes)
		 VALUES (@key, @title, @publisher, @licence, @licenceUrl, @attribution, @sourceUrl, @version, @releaseDate, @coverage, @notes)
		 ON CONFLICT (key) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, licence = excluded.licence,
		   licence_url = excluded.licence_url, attribution = excluded.attribution, source_url = excluded.source_url,
		   version = excluded.version, release_date = excluded.release_date, coverage = excluded.coverage, notes = excluded.notes`
	);
	for (const d of manifest.datasets) {
		upsert.run({
			licenceUrl: null,
			version: null,
			releaseDate: null,
			coverage: null,
			notes: null,
			...d,
			files: undefined
		});
	}
}

export interface DefaultLoadResult {
	loaded: ImportReport[];
	skipped: string[];
}

export async function loadDefaultData(
	handle: DbHandle,
	dataDir: string,
	log: (line: string) => void = () => {}
): Promise<DefaultLoadResult> {
	const manifest = readManifest(dataDir);
	registerDatasets(handle, manifest);
	const alreadyImported = handle.sqlite.prepare(
		"SELECT 1 FROM import_batches WHERE feed = ? AND checksum = ? AND status = 'committed'"
	);
	const result: DefaultLoadResult = { loaded: [], skipped: [] };
	for (const dataset of manifest.datasets) {
		for (const file of dataset.files) {
			const feed = feedByKey(file.feed);
			if (!feed) throw new Error(`data/datasets.json names an unknown feed "${file.feed}"`);
			const path = join(dataDir, file.path);
			const checksum = createHash('sha256').update(readFileSync(path)).digest('hex');
			if (alreadyImported.get(feed.key, checksum)) {
				result.skipped.push(file.path);
				continue;
			}
			const started = Date.now();
			// Real published files have quirks (an unmatched name, a double-encoded alias): keep the
			// valid rows and list the rest in the import report rather than refuse the whole file.
			const report = await runImport(handle, {
				feed,
				source: path,
				fileName: file.path,
				importedBy: 'default data',
				mode: 'accept-valid'
			});
			const problems = report.groups
				.filter((g) => g.severity !== 'info')
				.reduce((n, g) => n + g.count, 0);
			log(
				`  ${file.path}: ${report.rowsAccepted} rows (${report.rowsRejected} set aside, ${problems} problems listed) in ${Date.now() - started} ms`
			);
			if (report.status !== 'committed')
				throw new Error(`Loading ${file.path} failed: ${report.fatal ?? 'rejected'}`);
			result.loaded.push(report);
		}
	}
	return result;
}
