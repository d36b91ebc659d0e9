/**
 * Year-on-year change: each council's emissions in the latest year of its current series against
 * the year before, as a % of the earlier year, and the councils ranked from the largest fall (the
 * most improved), nationally or among a council's similar councils. Only like is ranked with like:
 * one pair of years and one unit for the whole table, the ones most councils' figures have; a
 * council whose figures are old, in another unit, end in another year, miss the year before, or
 * are not above zero is left out and counted with its reason, never dropped silently. Pure;
 * unit-tested.
 */
import type { YearValue } from './series';

export const YEAR_ON_YEAR_RULE =
	"The change from the year before the latest to the latest year of each council's current series, as a % of the earlier year; the most improved is the largest fall. Only councils with current figures are ranked: figures that end in the latest year most councils reach, in the unit most councils' figures are in, with a figure above zero for both years. One year's change moves with the weather and the economy as well as with policy: read it beside the trend.";

/** In the order a council is checked: the first that applies is its reason. */
export const LEFT_OUT_REASONS = [
	'no_figures',
	'old',
	'other_unit',
	'other_year',
	'gap',
	'not_above_zero'
] as const;

export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export interface YearOnYearCouncil {
	code: string;
	name: string;
	typeName: string;
	/** The council's current series in the measure; null when it has none. */
	series: { unit: string; points: readonly YearValue[]; old: string | null } | null;
}

export interface YearOnYearEntry {
	code: string;
	name: string;
	typeName: string;
	fromKt: number;
	toKt: number;
	changeKt: number;
	/** Negative for a fall. */
	changePct: number;
	/** 1 is the largest fall. */
	rank: number;
}

export interface LeftOutCouncil {
	code: string;
	name: string;
	reason: LeftOutReason;
	/** The particulars, in words: "figures end in 2021", "in kt CO2". */
	detail: string;
}

export type LeftOutCounts = Record<LeftOutReason, number>;

export interface YearOnYearTable {
	/** The unit most councils' figures are in; null when no council has figures. */
	unit: string | null;
	fromYear: number | null;
	toYear: number | null;
	/** Largest fall first. */
	ranked: YearOnYearEntry[];
	leftOut: LeftOutCouncil[];
	leftOutCounts: LeftOutCounts;
	/** Every council looked at: ranked plus left out. */
	councils: number;
}

/** The value most often seen (the later or larger one on a tie, so the answer is fixed). */
function mostCommon<T extends string | number>(values: readonly T[]): T | null {
	const counts = new Map<T, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: T | null = null;
	for (const [v, n] of counts) {
		const bestN = best === null ? -1 : counts.get(best)!;
		if (n > bestN || (n === bestN && v > best!)) best = v;
	}
	return best;
}

export function emptyCounts(): LeftOutCounts {
	return Object.fromEntries(LEFT_OUT_REASONS.map((r) => [r, 0])) as LeftOutCounts;
}

/** Rank by change, largest fall first; an equal change by name, so the order is fixed. */
function rank(entries: readonly Omit<YearOnYearEntry, 'rank'>[]): YearOnYearEntry[] {
	return [...entries]
		.sort((a, b) => a.changePct - b.changePct || a.name.localeCompare(b.name, 'en-GB'))
		.map((e, i) => ({ ...e, rank: i + 1 }));
}

/** Every council's change, ranked, and those left out with their reasons. */
export function yearOnYearTable(councils: readonly YearOnYearCouncil[]): YearOnYearTable {
	const withFigures = councils.filter((c) => c.series?.points.length && !c.series.old);
	const unit = mostCommon(withFigures.map((c) => c.series!.unit));
	const inUnit = withFigures.filter((c) => c.series!.unit === unit);
	// Points are sorted by year in every series the queries give; sort anyway, it costs little.
	const toYear = mostCommon(inUnit.map((c) => [...c.series!.points].sort(byYear).at(-1)!.year));
	const fromYear = toYear === null ? null : toYear - 1;
	const entries: Omit<YearOnYearEntry, 'rank'>[] = [];
	const leftOut: LeftOutCouncil[] = [];
	const leave = (c: YearOnYearCouncil, reason: LeftOutReason, detail: string) =>
		leftOut.push({ code: c.code, name: c.name, reason, detail });
	for (const c of councils) {
		const s = c.series;
		if (!s?.points.length) {
			leave(c, 'no_figures', 'no figures in this measure');
			continue;
		}
		if (s.old) {
			leave(c, 'old', s.old);
			continue;
		}
		if (s.unit !== unit) {
			leave(c, 'other_unit', `in ${s.unit}, not ${unit}`);
			continue;
		}
		const points = [...s.points].sort(byYear);
		const last = points.at(-1)!;
		if (last.year !== toYear) {
			if (last.year < toYear!) leave(c, 'old', `the figures end in ${last.year}, not ${toYear}`);
			else leave(c, 'other_year', `the figures end in ${last.year}, after ${toYear}`);
			continue;
		}
		const before = points.find((p) => p.year === fromYear);
		if (!before) {
			leave(c, 'gap', `no figure for ${fromYear}`);
			continue;
		}
		if (!(before.valueKt > 0)) {
			leave(c, 'not_above_zero', `${fromYear} is ${before.valueKt} ${unit}`);
			continue;
		}
		const changeKt = last.valueKt - before.valueKt;
		entries.push({
			code: c.code,
			name: c.name,
			typeName: c.typeName,
			fromKt: before.valueKt,
			toKt: last.valueKt,
			changeKt,
			changePct: (changeKt / before.valueKt) * 100
		});
	}
	const leftOutCounts = emptyCounts();
	for (const l of leftOut) leftOutCounts[l.reason] += 1;
	return {
		unit,
		fromYear,
		toYear,
		ranked: rank(entries),
		leftOut,
		leftOutCounts,
		councils: councils.length
	};
}

const byYear = (a: YearValue, b: YearValue) => a.year - b.year;

/**
 * A council and its similar councils ranked among themselves on the national table's years and
 * unit: the council's own place, and which of them are left out and why.
 */
export function peerRanking(table: YearOnYearTable, code: string, peerCodes: readonly string[]) {
	const group = new Set([code, ...peerCodes]);
	const ranked = rank(table.ranked.filter((e) => group.has(e.code)));
	const leftOut = table.leftOut.filter((l) => group.has(l.code));
	const own = ranked.find((e) => e.code === code) ?? null;
	const leftOutCounts = emptyCounts();
	for (const l of leftOut) leftOutCounts[l.reason] += 1;
	return {
		unit: table.unit,
		fromYear: table.fromYear,
		toYear: table.toYear,
		/** The council and its peers, largest fall first, ranked among themselves. */
		ranked,
		leftOut,
		leftOutCounts,
		/** The council's own place; null when it is left out (its reason is in leftOut). */
		own: own && { rank: own.rank, of: ranked.length },
		peers: peerCodes.length
	};
}

export type PeerRanking = ReturnType<typeof peerRanking>;
