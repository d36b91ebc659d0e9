/**
 * Emission releases. Each import of an emissions file is a release of its dataset; for the years
 * it covers it replaces earlier releases of that dataset (queries read, per year, the newest
 * release covering it). Importing the same file again (same checksum) reuses its release, so a
 * re-import changes nothing; any other file is a new release, so the rows of an earlier one are
 * never overwritten (which is what lets an import be undone by deleting its release).
 */
import type { ImportContext } from '../rows/feed';

export interface ReleaseOptions {
	datasetKey: string;
	gases: 'co2' | 'ghg';
	hasTerritorial: boolean;
	hasInfluence: boolean;
	/** Label when the dataset has no registered title/version (a user's own download). */
	fallbackLabel: string;
	/** An explicit label and date, when the file itself says which release it is. */
	label?: string;
	releaseDate?: string | null;
}

export function startEmissionRelease(ctx: ImportContext, opts: ReleaseOptions) {
	const { sqlite } = ctx;
	const dataset = sqlite
		.prepare('SELECT title, version, release_date FROM datasets WHERE key = ?')
		.get(opts.datasetKey) as
		{ title: string; version: string | null; release_date: string | null } | undefined;
	if (!dataset) throw new Error(`Dataset "${opts.datasetKey}" is not registered.`);
	const label =
		opts.label ??
		([dataset.title, dataset.version].filter(Boolean).join(', ') || opts.fallbackLabel);
	const existing = sqlite
		.prepare('SELECT id FROM emission_releases WHERE dataset_key = ? AND checksum = ?')
		.pluck()
		.get(opts.datasetKey, ctx.checksum) as number | undefined;
	const id =
		existing ??
		Number(
			sqlite
				.prepare(
					`INSERT INTO emission_releases (dataset_key, gases, has_territorial, has_influence, label, checksum, release_date, batch_id)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					opts.datasetKey,
					opts.gases,
					opts.hasTerritorial ? 1 : 0,
					opts.hasInfluence ? 1 : 0,
					label,
					ctx.checksum,
					opts.releaseDate ?? dataset.release_date,
					ctx.batchId
				).lastInsertRowid
		);
	return {
		id,
		isNew: existing === undefined,
		finish(yearFrom: number, yearTo: number) {
			sqlite
				.prepare(
					`UPDATE emission_releases SET year_from = min(coalesce(year_from, ?), ?), year_to = max(coalesce(year_to, ?), ?)
					 WHERE id = ? AND (year_from IS NOT min(coalesce(year_from, ?), ?) OR year_to IS NOT max(coalesce(year_to, ?), ?))`
				)
				.run(yearFrom, yearFrom, yearTo, yearTo, id, yearFrom, yearFrom, yearTo, yearTo);
		}
	};
}
