/**
 * Writing a totals-only emissions release (council, year, measure, value: no sector), shared by
 * the feeds that read one: DESNZ's per-council totals and a council's or data lab's own file.
 *
 * - One stored row per council and year, with both measures side by side like every emissions
 *   row, and sector, sub-sector and gas all EMISSION_TOTAL (see the schema for why the emissions
 *   table holds totals). A long file gives a measure per row, so values are gathered in memory
 *   (a few thousand) and written at the end.
 * - The release is created at the end too, when the gases of each measure are known from the
 *   rows; the same file again (same checksum) reuses its release and writes nothing.
 * - A former council's figures (a file using pre-2023 codes) are added into its successor's, as
 *   both emissions and population are additive; a council's own row, if also given, wins.
 */
import { authorities, EMISSION_TOTAL } from '../db/schema';
import type { ImportContext, WriteCounts } from '../rows/feed';
import { resolutionOf, resolveCouncil as resolveCouncilCell } from '../rows/council-cells';
import { startEmissionRelease, type ReleaseOptions } from './emission-release';
import { emissionRowWriter, populationRecord } from './emission-rows';

export type TotalsMeasure = 'territorial' | 'scope_of_influence';
export type Gases = 'co2' | 'ghg';

export interface TotalValue {
	/** The council the figure counts for (a successor, for a former council's row). */
	code: string;
	/** The council the file named, when it is a former council now part of `code`. */
	formerCode: string | null;
	year: number;
	measure: TotalsMeasure;
	valueKt: number;
	gases: Gases;
	/** Persons, when the file states it. */
	population: number | null;
}

type Release = Pick<ReleaseOptions, 'datasetKey' | 'fallbackLabel' | 'label' | 'releaseDate'>;

const AGGREGATE_TIERS = new Set(['upper', 'combined', 'regional']);
const DUPLICATE = 'a second figure for the same council, year and measure: not stored';
const OVERLAP = "given for a council and for its former councils: kept the council's own figure";

interface Slot {
	value: number;
	/** Who the figure came from: the council itself, or which former councils were added. */
	sources: Set<string>;
	own: boolean;
}

/** The council a row counts for; a former council counts for its successor, said in the report. */
export function resolveCouncil(
	ctx: ImportContext,
	input: string,
	rowNumber: number,
	column: string
): { code: string; formerCode: string | null } | null {
	const code = resolveCouncilCell(ctx, rowNumber, column, input);
	if (!code) return null;
	const resolved = resolutionOf(ctx, input.trim());
	return { code, formerCode: resolved.ok ? resolved.successorOf : null };
}

export function totalsStore(ctx: ImportContext, release: Release) {
	const values = new Map<string, Slot>();
	const populations = new Map<string, Slot>();
	const gasesOf: Partial<Record<TotalsMeasure, Gases>> = {};
	const key = (...parts: (string | number)[]) => parts.join('\u0000');

	/** Adds a figure into its slot: false when the same source already gave it. */
	function put(map: Map<string, Slot>, k: string, v: TotalValue, value: number) {
		const source = v.formerCode ?? v.code;
		const slot = map.get(k);
		if (!slot) {
			map.set(k, { value, sources: new Set([source]), own: !v.formerCode });
			return 'new';
		}
		if (slot.sources.has(source)) return 'repeated';
		slot.sources.add(source);
		if (v.formerCode && !slot.own) slot.value += value;
		else if (!v.formerCode) Object.assign(slot, { value, own: true });
		return 'overlap';
	}

	return {
		/** The gases a measure's figures cover: the first row of a measure fixes them. */
		gasesFor(measure: TotalsMeasure): Gases | undefined {
			return gasesOf[measure];
		},
		add(v: TotalValue, rowNumber: number, column: string | null): void {
			gasesOf[v.measure] ??= v.gases;
			const what = `${v.formerCode ?? v.code} ${v.year} ${v.measure}`;
			const result = put(values, key(v.code, v.year, v.measure), v, v.valueKt);
			if (result === 'repeated')
				return ctx.issues.error(rowNumber, column, what, 'duplicate_row', DUPLICATE);
			if (result === 'overlap' && values.get(key(v.code, v.year, v.measure))!.own)
				ctx.issues.warn(rowNumber, column, what, 'successor_overlap', OVERLAP);
			if (v.population !== null) put(populations, key(v.code, v.year), v, v.population);
		},
		finish(): WriteCounts {
			const councilYears = new Map<string, { code: string; year: number }>();
			for (const k of values.keys()) {
				const [code, year] = k.split('\u0000');
				councilYears.set(key(code!, year!), { code: code!, year: Number(year) });
			}
			if (!councilYears.size) return { written: 0, unchanged: 0 };
			const opened = startEmissionRelease(ctx, {
				...release,
				gases: gasesOf.territorial ?? gasesOf.scope_of_influence!,
				influenceGases: gasesOf.scope_of_influence,
				hasTerritorial: gasesOf.territorial !== undefined,
				hasInfluence: gasesOf.scope_of_influence !== undefined
			});
			if (!opened.isNew) return { written: 0, unchanged: councilYears.size };
			const tiers = new Map(
				ctx.db
					.select({ code: authorities.code, tier: authorities.tier })
					.from(authorities)
					.all()
					.map((a) => [a.code, a.tier])
			);
			const rows = emissionRowWriter(ctx, opened.id);
			const get = (code: string, year: number, m: TotalsMeasure) =>
				values.get(key(code, year, m))?.value ?? null;
			let [written, yearFrom, yearTo] = [0, Infinity, -Infinity];
			for (const { code, year } of councilYears.values()) {
				yearFrom = Math.min(yearFrom, year);
				yearTo = Math.max(yearTo, year);
				rows.write({
					authority_code: code,
					year,
					sector: EMISSION_TOTAL,
					sub_sector: EMISSION_TOTAL,
					gas: EMISSION_TOTAL,
					territorial_kt: get(code, year, 'territorial'),
					influence_kt: get(code, year, 'scope_of_influence'),
					is_aggregate: AGGREGATE_TIERS.has(tiers.get(code) ?? '')
				});
				written++;
				const pop = populations.get(key(code, year));
				if (pop) {
					ctx.write.upsert(populationRecord(code, year, Math.round(pop.value), release.datasetKey));
				}
			}
			rows.finish();
			opened.finish(yearFrom, yearTo);
			return { written, unchanged: 0 };
		}
	};
}
