/**
 * The national view of progress: how many councils' whole-area targets are on track, behind or
 * off track, counted by target year, by band of years, by authority type and by nation. Each
 * target counts once, in one column; a target that cannot be judged counts as "no status", never
 * dropped, so every table sums to the same number of targets. Pure; unit-tested.
 */
import type { StatusColour } from '../../progress-text';
import type { HexPlace } from './funding-map';

/** A judged target's colour, or `none` when it has no status (no year, no figures, no trend). */
export type TargetStatus = StatusColour | 'none';
export const TARGET_STATUSES: readonly TargetStatus[] = ['green', 'amber', 'red', 'none'];

/** One whole-area target of one council, as judged. */
export interface JudgedTarget {
	typeName: string;
	nation: string;
	targetYear: number | null;
	status: TargetStatus;
}

export type StatusCounts = Record<TargetStatus, number> & { total: number };

export interface CountGroup {
	label: string;
	counts: StatusCounts;
}

export const NO_YEAR_LABEL = 'No year named';

export function emptyCounts(): StatusCounts {
	return { green: 0, amber: 0, red: 0, none: 0, total: 0 };
}

/** The counts of a list of targets. */
export function countStatuses(targets: readonly Pick<JudgedTarget, 'status'>[]): StatusCounts {
	const counts = emptyCounts();
	for (const t of targets) {
		counts[t.status] += 1;
		counts.total += 1;
	}
	return counts;
}

/** Targets grouped by a label and counted, in the order `order` gives (default: by label). */
function tally<T extends JudgedTarget>(
	targets: readonly T[],
	labelOf: (t: T) => string,
	order: (a: string, b: string) => number = (a, b) => a.localeCompare(b, 'en-GB')
): CountGroup[] {
	const groups = new Map<string, T[]>();
	for (const t of targets) {
		const label = labelOf(t);
		const list = groups.get(label);
		if (list) list.push(t);
		else groups.set(label, [t]);
	}
	return [...groups]
		.sort(([a], [b]) => order(a, b))
		.map(([label, list]) => ({ label, counts: countStatuses(list) }));
}

/** Each target year that occurs, earliest first; targets that name no year last. */
export function countByTargetYear(targets: readonly JudgedTarget[]): CountGroup[] {
	const yearOf = (label: string) => (label === NO_YEAR_LABEL ? Infinity : Number(label));
	return tally(
		targets,
		(t) => (t.targetYear === null ? NO_YEAR_LABEL : String(t.targetYear)),
		(a, b) => yearOf(a) - yearOf(b)
	);
}

/**
 * The bands the issue asks about: 2030 (the most common year, and the climate emergency's), the
 * years between, and the national 2050. A year before 2030 is "by 2030".
 */
export const TARGET_BANDS = ['By 2030', '2031 to 2049', '2050 or later'] as const;

export function bandOf(targetYear: number | null): string {
	if (targetYear === null) return NO_YEAR_LABEL;
	if (targetYear <= 2030) return TARGET_BANDS[0];
	return targetYear < 2050 ? TARGET_BANDS[1] : TARGET_BANDS[2];
}

export function countByBand(targets: readonly JudgedTarget[]): CountGroup[] {
	const order = [...TARGET_BANDS, NO_YEAR_LABEL] as string[];
	return tally(
		targets,
		(t) => bandOf(t.targetYear),
		(a, b) => order.indexOf(a) - order.indexOf(b)
	);
}

export const countByType = (targets: readonly JudgedTarget[]) => tally(targets, (t) => t.typeName);

export const countByNation = (targets: readonly JudgedTarget[]) => tally(targets, (t) => t.nation);

/** Every count the national page prints. */
export function nationalCounts(targets: readonly JudgedTarget[]) {
	return {
		all: countStatuses(targets),
		byYear: countByTargetYear(targets),
		byBand: countByBand(targets),
		byType: countByType(targets),
		byNation: countByNation(targets)
	};
}

export type NationalCounts = ReturnType<typeof nationalCounts>;

/** A council's target on the map: which target decides its hexagon's colour. */
const earliestFirst = (a: { targetYear: number | null }, b: { targetYear: number | null }) =>
	(a.targetYear ?? Infinity) - (b.targetYear ?? Infinity);

/**
 * One status for a council on the map, which has one hexagon each: that of its earliest-dated
 * whole-area target (the nearest promise), else of one without a year; null without a target.
 */
export function councilMapStatus(
	targets: readonly Pick<JudgedTarget, 'targetYear' | 'status'>[]
): TargetStatus | null {
	return [...targets].sort(earliestFirst)[0]?.status ?? null;
}

export interface ProgressMapRow {
	code: string;
	gssCode: string | null;
	targetYear: number | null;
	status: TargetStatus | 'no_target';
}

export interface ProgressMapCell extends HexPlace {
	/** The council's 3-letter code, for its link; null when no council has the hex's GSS code. */
	code: string | null;
	/** The map status; null when no council has the hex's GSS code. */
	category: TargetStatus | 'no_target' | null;
	/** The year of the target that decides the colour. */
	targetYear: number | null;
}

/** Each hex with its council's map status (rows: one per target, or one without a target). */
export function progressMapCells(
	hexes: readonly HexPlace[],
	rows: readonly ProgressMapRow[]
): ProgressMapCell[] {
	const byGss = new Map<string, ProgressMapRow[]>();
	for (const r of rows) {
		if (!r.gssCode) continue;
		const list = byGss.get(r.gssCode);
		if (list) list.push(r);
		else byGss.set(r.gssCode, [r]);
	}
	return hexes.map((h) => {
		const own = byGss.get(h.gssCode) ?? [];
		const judged = own
			.filter((r): r is ProgressMapRow & { status: TargetStatus } => r.status !== 'no_target')
			.sort(earliestFirst);
		return {
			...h,
			code: own[0]?.code ?? null,
			category: judged.length ? councilMapStatus(judged) : own.length ? 'no_target' : null,
			targetYear: judged[0]?.targetYear ?? null
		};
	});
}
