/**
 * Emission releases: government revises the whole back-series each year, so importing a release
 * makes it the current one for its dataset and measure; earlier releases stay (for undo and for
 * the record) but pages read only the current one.
 */
import type { ImportContext } from '../import/types';

export function startEmissionRelease(
	ctx: ImportContext,
	opts: { datasetKey: string; measure: 'territorial' | 'scope_of_influence'; gases: 'co2' | 'ghg' }
) {
	const { sqlite } = ctx;
	const dataset = sqlite
		.prepare('SELECT title, version, release_date FROM datasets WHERE key = ?')
		.get(opts.datasetKey) as
		{ title: string; version: string | null; release_date: string | null } | undefined;
	if (!dataset)
		throw new Error(
			`Dataset "${opts.datasetKey}" is not registered; load the dataset manifest first.`
		);
	const label = [dataset.title, dataset.version].filter(Boolean).join(', ');
	const existing = sqlite
		.prepare('SELECT id FROM emission_releases WHERE dataset_key = ? AND measure = ? AND label = ?')
		.pluck()
		.get(opts.datasetKey, opts.measure, label) as number | undefined;
	const id =
		existing ??
		Number(
			sqlite
				.prepare(
					`INSERT INTO emission_releases (dataset_key, measure, gases, label, release_date, is_current, batch_id)
					 VALUES (?, ?, ?, ?, ?, 1, ?)`
				)
				.run(opts.datasetKey, opts.measure, opts.gases, label, dataset.release_date, ctx.batchId)
				.lastInsertRowid
		);
	return {
		id,
		finish(yearFrom: number, yearTo: number) {
			sqlite
				.prepare(
					'UPDATE emission_releases SET is_current = (id = ?) WHERE dataset_key = ? AND measure = ?'
				)
				.run(id, opts.datasetKey, opts.measure);
			sqlite
				.prepare(
					`UPDATE emission_releases SET year_from = min(coalesce(year_from, ?), ?), year_to = max(coalesce(year_to, ?), ?) WHERE id = ?`
				)
				.run(yearFrom, yearFrom, yearTo, yearTo, id);
		}
	};
}
