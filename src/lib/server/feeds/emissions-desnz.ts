/**
 * DESNZ's "UK local authority and regional greenhouse gas emissions" full dataset: long format, one
 * row per council × year × sub-sector × gas; both published measures (territorial, and within the
 * scope of influence of local authorities) go side by side into one emissions row.
 *
 * Why it differs from the other feeds:
 * - A release is ~550k rows, so parseRow skips zod: each field is checked by hand with the shared
 *   coercion rules, reported in validateRecord's wording; authority lookups are cached per code.
 * - Gas, sector and sub-sector come from the release's vocabulary (desnz-vocabulary.ts): any other
 *   name is refused, so a made-up gas can never become a release on council pages.
 * - Every new file is a new release (emission-release.ts), so none of its rows can exist yet: one
 *   prepared INSERT. Only the same file again (same checksum: the same release) goes through the
 *   no-op upsert, so a re-import writes nothing.
 * - Releases before 2023 name abolished districts (Allerdale, Carlisle, Copeland → Cumberland):
 *   they resolve to the successor, and as several map to one, their figures (emissions and
 *   population, both additive) are summed under it and written after the file's own rows.
 * - datasetKey is null because the pipeline writes the batch row, whose dataset_key must name a
 *   registered dataset, before createWriter; the writer registers the dataset (INSERT OR IGNORE)
 *   for the release and population rows, which reference it.
 */
import { MAX_NUMBER, parseYear, POPULATION, TOO_LARGE } from '../rows/coerce';
import type { FeedModule, ImportContext } from '../rows/feed';
import { resolutionOf, resolveCouncil } from '../rows/council-cells';
import { registerDataset, startEmissionRelease } from './emission-release';
import { desnzGas, desnzSector, desnzSubSector, type VocabularyCheck } from './desnz-vocabulary';
import { emissionRowWriter, populationRecord } from './emission-rows';

export const DESNZ_DATASET = {
	key: 'desnz-la-ghg',
	title: 'UK local authority and regional greenhouse gas emissions',
	publisher: 'DESNZ',
	licence: 'Open Government Licence v3.0',
	licenceUrl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0 (DESNZ).',
	sourceUrl:
		'https://www.gov.uk/government/collections/uk-local-authority-and-regional-greenhouse-gas-emissions-national-statistics'
} as const;

const COL = {
	code: 'Local Authority Code',
	name: 'Local Authority',
	year: 'Calendar Year',
	sector: 'LA GHG Sector',
	subSector: 'LA GHG Sub-sector',
	gas: 'Greenhouse gas',
	territorial: 'Territorial emissions (kt CO2e)',
	influence: 'Emissions within the scope of influence of LAs (kt CO2e)',
	population: 'Mid-year Population (thousands)'
} as const;

const AGGREGATE_TIERS = new Set(['upper', 'combined', 'regional']);
const KT = 'expected kt CO2e as a number';
const DUPLICATE = 'the same council, year, sub-sector and gas as an earlier row: not stored';
const OVERLAP = "given for a council and for its former councils: kept the council's own figures";

/** Named as the emissions columns, so the re-import upsert takes the row as it is. */
type Row = {
	authority_code: string;
	year: number;
	sector: string;
	sub_sector: string;
	gas: string;
	territorial_kt: number | null;
	influence_kt: number | null;
	is_aggregate: boolean;
	/** The abolished council the file named, when authority_code is its successor. */
	former_code: string | null;
	population: number | null;
};

/**
 * Years as read, for the import under way, reset when another starts (imports share one
 * connection, so they run one at a time; the feed object is shared, the context is per import).
 */
type Cache = { ctx: ImportContext | null; years: Map<string, number | null> };
let cache: Cache = { ctx: null, years: new Map() };

function cacheFor(ctx: ImportContext): Cache {
	if (cache.ctx !== ctx) cache = { ctx, years: new Map() };
	return cache;
}

function year(c: Cache, raw: string): number | null {
	let y = c.years.get(raw);
	if (y === undefined) c.years.set(raw, (y = parseYear(raw)));
	return y;
}

/**
 * A number as optionalNumber reads it (trimmed, thousands commas dropped; blank is null), and "-"
 * as null too (GSS tables' "nil"); undefined when invalid. Number() trims the same whitespace as
 * String.trim, so a finite result is that reading already: only odd cells take the slow path.
 */
function toNumber(raw: string | undefined): number | null | undefined {
	if (raw === undefined || raw === '') return null;
	const n = Number(raw);
	if (Number.isFinite(n) && (n !== 0 || raw.trim() !== '')) return n;
	const t = raw.trim().replace(/,/g, '');
	if (t === '' || t === '-') return null;
	const m = Number(t);
	return Number.isFinite(m) ? m : undefined;
}

const tooLarge = (n: number | null) => n !== null && (n >= MAX_NUMBER || n <= -MAX_NUMBER);

/** An invalid cell, worded as validateRecord words it (a plain function: no closure per row). */
function invalid(ctx: ImportContext, n: number, rec: Rec, col: string, msg: string): false {
	ctx.issues.error(n, col, rec[col] ?? '', 'invalid_value', msg);
	return false;
}
type Rec = Record<string, string>;

/** A cell of the release's vocabulary as stored, or null after an error naming what it may be. */
function term(
	ctx: ImportContext,
	n: number,
	rec: Rec,
	col: string,
	check: (cell: string) => VocabularyCheck
): string | null {
	const cell = rec[col] ?? '';
	if (!cell.trim()) return invalid(ctx, n, rec, col, 'a value is required') || null;
	const r = check(cell);
	if (r.ok) return r.value;
	return invalid(ctx, n, rec, col, r.expected) || null;
}

function column(name: string, required: boolean, description: string, aliases?: string[]) {
	return { name, required, description, aliases, ignored: description === 'not used' };
}

export const desnzEmissionsFeed: FeedModule<Row> = {
	key: 'desnz-ghg',
	title: 'Local authority greenhouse gas emissions, full dataset (DESNZ)',
	description:
		'Territorial and scope-of-influence emissions, kt CO2e, by council, year, sub-sector and gas.',
	datasetKey: null,
	parallelSafe: true,
	columns: [
		...['Country', 'Country Code', 'Region', 'Region Code', 'Second Tier Authority'].map((n) =>
			column(n, false, 'not used')
		),
		column(COL.name, false, 'council name, used when the code is blank'),
		column(COL.code, true, 'GSS code; a former code counts for its successor'),
		column(COL.year, true, 'calendar year'),
		column(COL.sector, true, 'sector, e.g. Transport'),
		column(COL.subSector, true, 'sub-sector, e.g. Road Transport (A roads)'),
		column(COL.gas, true, 'CO2, CH4 or N2O'),
		column(COL.territorial, true, 'territorial emissions, kt CO2e'),
		// Each edition heads this column its own way (kt CO2 or kt CO2e, with or without "CO2").
		column(COL.influence, true, 'within the scope of influence of local authorities, kt CO2e', [
			'CO2 emissions within the scope of influence of LAs (kt CO2e)',
			'Emissions within the scope of influence of LAs (kt CO2)',
			'CO2 emissions within the scope of influence of LAs (kt CO2)'
		]),
		column(COL.population, false, 'mid-year population, thousands'),
		column('Area (km2)', false, 'not used')
	],
	parseRow(rec, rowNumber, ctx) {
		const codeColumn = rec[COL.code]?.trim() || !rec[COL.name]?.trim() ? COL.code : COL.name;
		const input = (rec[codeColumn] ?? '').trim();
		const c = cacheFor(ctx);
		const code = resolveCouncil(ctx, rowNumber, codeColumn, input);
		let ok = code !== null;
		const y = year(c, rec[COL.year] ?? '');
		if (y === null) ok = invalid(ctx, rowNumber, rec, COL.year, 'expected a year such as 2020');
		// Gas, sector and sub-sector come from the release's vocabulary (desnz-vocabulary.ts).
		const gas = term(ctx, rowNumber, rec, COL.gas, desnzGas);
		const sector = term(ctx, rowNumber, rec, COL.sector, desnzSector);
		const subSector =
			sector && term(ctx, rowNumber, rec, COL.subSector, (cell) => desnzSubSector(sector, cell));
		if (!gas || !sector || !subSector) ok = false;
		const territorial = toNumber(rec[COL.territorial]);
		const influence = toNumber(rec[COL.influence]);
		const pop = toNumber(rec[COL.population]);
		if (territorial === undefined) ok = invalid(ctx, rowNumber, rec, COL.territorial, KT);
		else if (tooLarge(territorial)) ok = invalid(ctx, rowNumber, rec, COL.territorial, TOO_LARGE);
		if (influence === undefined) ok = invalid(ctx, rowNumber, rec, COL.influence, KT);
		else if (tooLarge(influence)) ok = invalid(ctx, rowNumber, rec, COL.influence, TOO_LARGE);
		if (pop === undefined) ok = invalid(ctx, rowNumber, rec, COL.population, 'expected a number');
		else if (pop !== null && pop < 0) ok = invalid(ctx, rowNumber, rec, COL.population, POPULATION);
		else if (tooLarge(pop)) ok = invalid(ctx, rowNumber, rec, COL.population, TOO_LARGE);
		if (!ok || code === null) return null;
		const who = resolutionOf(ctx, input.trim());
		return {
			authority_code: code,
			year: y!,
			sector: sector!,
			sub_sector: subSector!,
			gas: gas!,
			territorial_kt: territorial!,
			influence_kt: influence!,
			is_aggregate: AGGREGATE_TIERS.has(ctx.resolver.tier(code) ?? ''),
			former_code: who.ok ? who.successorOf : null,
			population: pop == null ? null : Math.round(pop * 1000)
		};
	},
	createWriter(ctx) {
		const d = DESNZ_DATASET;
		registerDataset(ctx, d);
		const release = startEmissionRelease(ctx, {
			datasetKey: d.key,
			gases: 'ghg',
			hasTerritorial: true,
			hasInfluence: true,
			fallbackLabel: 'DESNZ local authority greenhouse gas emissions',
			// Users download releases under their own names; the file name tells them apart.
			label: `${d.title} (${ctx.fileName})`
		});
		// The same file again (same release) changes nothing and is not written.
		const rows = release.isNew ? emissionRowWriter(ctx, release.id) : null;
		const setPopulation = (code: string, year: number, pop: number) =>
			ctx.write.upsert(populationRecord(code, year, pop, d.key));
		const merged = new Map<string, Row>();
		const popSeen = new Set<string>();
		const [formerSeen, formerPopSeen] = [new Set<string>(), new Set<string>()];
		const mergedPop = new Map<string, { code: string; year: number; pop: number }>();
		let [lastPop, written, unchanged, yearFrom, yearTo] = ['', 0, 0, Infinity, -Infinity];

		/** Sums of former councils' rows come after the file's own rows and never replace them. */
		function store(r: Row, rowNumber: number | null, isSum = false) {
			if (!rows) return unchanged++;
			if (rows.write(r)) return written++;
			const what = `${r.authority_code} ${r.year} ${r.sub_sector} ${r.gas}`;
			if (isSum) ctx.issues.warn(null, null, what, 'successor_overlap', OVERLAP);
			else ctx.issues.error(rowNumber, null, what, 'duplicate_row', DUPLICATE);
		}

		return {
			write(row, rowNumber) {
				if (row.year < yearFrom) yearFrom = row.year;
				if (row.year > yearTo) yearTo = row.year;
				const code = row.authority_code;
				if (!row.former_code) {
					store(row, rowNumber);
					// DESNZ repeats the population on every row of an authority-year: write it once.
					const key = `${code}\u0000${row.year}`;
					if (row.population === null || key === lastPop || popSeen.has(key)) return;
					popSeen.add((lastPop = key));
					setPopulation(code, row.year, row.population);
					return;
				}
				const key = `${code}\u0000${row.year}\u0000${row.sub_sector}\u0000${row.gas}`;
				const what = `${row.former_code} ${row.year} ${row.sub_sector} ${row.gas}`;
				if (formerSeen.has(what))
					return ctx.issues.error(rowNumber, null, what, 'duplicate_row', DUPLICATE);
				formerSeen.add(what);
				const sum = merged.get(key);
				if (!sum) merged.set(key, { ...row });
				else {
					sum.territorial_kt = add(sum.territorial_kt, row.territorial_kt);
					sum.influence_kt = add(sum.influence_kt, row.influence_kt);
				}
				// One population per former council and year, added into the successor's.
				const popKey = `${row.former_code}\u0000${row.year}`;
				if (row.population === null || formerPopSeen.has(popKey)) return;
				formerPopSeen.add(popKey);
				const pop = mergedPop.get(`${code}\u0000${row.year}`);
				if (pop) pop.pop += row.population;
				else
					mergedPop.set(`${code}\u0000${row.year}`, { code, year: row.year, pop: row.population });
			},
			finish() {
				for (const row of merged.values()) store(row, null, true);
				for (const [key, p] of mergedPop)
					if (!popSeen.has(key)) setPopulation(p.code, p.year, p.pop);
				rows?.finish();
				if (yearTo >= yearFrom) release.finish(yearFrom, yearTo);
				return { written, unchanged };
			}
		};
	}
};

function add(a: number | null, b: number | null): number | null {
	return a === null ? b : b === null ? a : a + b;
}
