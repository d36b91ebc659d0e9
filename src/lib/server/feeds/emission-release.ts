/**
 * Emission releases. Each import of an emissions file is a release of its dataset; for the
 * councils and years it holds it replaces earlier releases of that dataset (queries/emissions.ts
 * picks the release per council, never nationally), and the import report says how many councils
 * it covers against the release it supersedes. Importing the same file again (same checksum)
 * reuses its release, so a re-import changes nothing; any other file is a new release, so the rows
 * of an earlier one are never overwritten (which is what lets an import be undone by deleting its
 * release).
 */
import type { datasets } from '../db/schema';
import type { ImportContext } from '../rows/feed';

export interface ReleaseOptions {
	datasetKey: string;
	gases: 'co2' | 'ghg';
	/** The scope-of-influence measure's gases, when they differ from `gases`. */
	influenceGases?: 'co2' | 'ghg';
	hasTerritorial: boolean;
	hasInfluence: boolean;
	/** Label when the dataset has no registered title/version (a user's own download). */
	fallbackLabel: string;
	/**
	 * An explicit label and date, when the file itself says which release it is; a null date says
	 * the date is unknown (not the shipped dataset's).
	 */
	label?: string;
	releaseDate?: string | null;
}

/** What a user feed says about its dataset: the provenance columns of the schema's table. */
export type DatasetInfo = Pick<
	typeof datasets.$inferInsert,
	'key' | 'title' | 'publisher' | 'licence' | 'licenceUrl' | 'attribution' | 'sourceUrl'
>;

/**
 * Registers a user feed's dataset the first time one of its files is imported (the release and
 * population rows reference it); shipped datasets are registered from data/datasets.json.
 */
export function registerDataset(ctx: ImportContext, d: DatasetInfo): void {
	ctx.sqlite
		.prepare(
			`INSERT OR IGNORE INTO datasets (key, title, publisher, licence, licence_url, attribution, source_url)
			 VALUES (@key, @title, @publisher, @licence, @licenceUrl, @attribution, @sourceUrl)`
		)
		.run(d);
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
					`INSERT INTO emission_releases (dataset_key, gases, influence_gases, has_territorial, has_influence, label, checksum, release_date, batch_id)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					opts.datasetKey,
					opts.gases,
					opts.influenceGases && opts.influenceGases !== opts.gases ? opts.influenceGases : null,
					opts.hasTerritorial ? 1 : 0,
					opts.hasInfluence ? 1 : 0,
					label,
					ctx.checksum,
					opts.releaseDate !== undefined ? opts.releaseDate : dataset.release_date,
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
			if (existing === undefined) noteCoverage(ctx, id, opts.datasetKey);
		}
	};
}

/** Councils holding rows of a release (one index lookup per council, not a scan of the table). */
const COUNCILS_IN = `SELECT a.code FROM authorities a
	WHERE EXISTS (SELECT 1 FROM emissions e WHERE e.authority_code = a.code AND e.release_id = ?)`;

/**
 * One line in the import report: how many councils the new release covers, against the release
 * of the same dataset it supersedes, and that councils it leaves out stay on that release.
 */
function noteCoverage(ctx: ImportContext, id: number, datasetKey: string): void {
	const { sqlite } = ctx;
	const councils = (release: number) =>
		new Set(sqlite.prepare(COUNCILS_IN).pluck().all(release) as string[]);
	const mine = councils(id);
	const previous = sqlite
		.prepare(
			`SELECT id, label FROM emission_releases
			 WHERE dataset_key = ? AND id < ? AND year_from IS NOT NULL ORDER BY id DESC LIMIT 1`
		)
		.get(datasetKey, id) as { id: number; label: string } | undefined;
	if (!previous) return;
	const theirs = councils(previous.id);
	const kept = [...theirs].filter((c) => !mine.has(c)).length;
	ctx.issues.info(
		null,
		null,
		null,
		'release_coverage',
		coverageSentence(mine.size, theirs.size, kept, previous.label)
	);
}

const councilCount = (n: number) => `${n.toLocaleString('en-GB')} council${n === 1 ? '' : 's'}`;

/** The report's sentence on a release's coverage (pure, for the report and its test). */
export function coverageSentence(
	covered: number,
	previousCovered: number,
	keptOnPrevious: number,
	previousLabel: string
): string {
	const head = `This release covers ${councilCount(covered)}; the release it supersedes ("${previousLabel}") covers ${councilCount(previousCovered)}.`;
	if (!keptOnPrevious)
		return `${head} It is in force for every council it covers; none keeps the older figures.`;
	const others =
		keptOnPrevious === 1
			? 'the other council keeps'
			: `the other ${councilCount(keptOnPrevious)} keep`;
	return `${head} It is in force for the councils it covers; ${others} the figures of the release it supersedes.`;
}
