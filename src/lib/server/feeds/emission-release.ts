/**
 * Emission releases. Each import of an emissions file is a release of its dataset; for the
 * councils and years it holds it replaces earlier releases of that dataset (queries/emissions.ts
 * picks the release per council, never nationally), and the import report says how many councils
 * it covers against the release it supersedes. Importing the same file again (same checksum)
 * reuses its release, so a re-import changes nothing; any other file is a new release, so the rows
 * of an earlier one are never overwritten (which is what lets an import be undone by deleting its
 * release).
 */
import { and, desc, eq, exists, isNotNull, lt } from 'drizzle-orm';
import { authorities, datasets, emissionReleases, emissions } from '../db/schema';
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
	ctx.write.upsert({ table: datasets, key: ['key'], values: d, addOnly: true, counted: false });
}

export function startEmissionRelease(ctx: ImportContext, opts: ReleaseOptions) {
	const dataset = ctx.db
		.select({ title: datasets.title, version: datasets.version, releaseDate: datasets.releaseDate })
		.from(datasets)
		.where(eq(datasets.key, opts.datasetKey))
		.get();
	if (!dataset) throw new Error(`Dataset "${opts.datasetKey}" is not registered.`);
	const label =
		opts.label ??
		([dataset.title, dataset.version].filter(Boolean).join(', ') || opts.fallbackLabel);
	const existing = ctx.write.idOf(emissionReleases, {
		datasetKey: opts.datasetKey,
		checksum: ctx.checksum
	});
	const id =
		existing ??
		ctx.write.insert(emissionReleases, {
			datasetKey: opts.datasetKey,
			gases: opts.gases,
			influenceGases:
				opts.influenceGases && opts.influenceGases !== opts.gases ? opts.influenceGases : null,
			hasTerritorial: opts.hasTerritorial,
			hasInfluence: opts.hasInfluence,
			label,
			checksum: ctx.checksum,
			releaseDate: opts.releaseDate !== undefined ? opts.releaseDate : dataset.releaseDate
		});
	return {
		id,
		isNew: existing === undefined,
		finish(yearFrom: number, yearTo: number) {
			// The years a release spans only ever widen (a re-import of the same file keeps them).
			const stored = ctx.db
				.select({ from: emissionReleases.yearFrom, to: emissionReleases.yearTo })
				.from(emissionReleases)
				.where(eq(emissionReleases.id, id))
				.get();
			ctx.write.update(emissionReleases, id, {
				yearFrom: Math.min(stored?.from ?? yearFrom, yearFrom),
				yearTo: Math.max(stored?.to ?? yearTo, yearTo)
			});
			if (existing === undefined) noteCoverage(ctx, id, opts.datasetKey);
		}
	};
}

/** Councils holding rows of a release (one index lookup per council, not a scan of the table). */
function councilsIn(ctx: ImportContext, release: number): Set<string> {
	const held = ctx.db
		.select({ one: emissions.year })
		.from(emissions)
		.where(and(eq(emissions.authorityCode, authorities.code), eq(emissions.releaseId, release)));
	const rows = ctx.db
		.select({ code: authorities.code })
		.from(authorities)
		.where(exists(held))
		.all();
	return new Set(rows.map((r) => r.code));
}

/**
 * One line in the import report: how many councils the new release covers, against the release
 * of the same dataset it supersedes, and that councils it leaves out stay on that release.
 */
function noteCoverage(ctx: ImportContext, id: number, datasetKey: string): void {
	const mine = councilsIn(ctx, id);
	const previous = ctx.db
		.select({ id: emissionReleases.id, label: emissionReleases.label })
		.from(emissionReleases)
		.where(
			and(
				eq(emissionReleases.datasetKey, datasetKey),
				lt(emissionReleases.id, id),
				isNotNull(emissionReleases.yearFrom)
			)
		)
		.orderBy(desc(emissionReleases.id))
		.limit(1)
		.get();
	if (!previous) return;
	const theirs = councilsIn(ctx, previous.id);
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
