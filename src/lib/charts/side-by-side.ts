/**
 * Several councils' whole-area emissions on one chart, in three views: absolute (kt), per head
 * (t a person) and indexed to 2005 = 100. Pure: series in, lines, flags, chart config and table out.
 *
 * Each line is one council's current release, never spliced with another. Councils may hold
 * different releases (a county on the 2005–2020 CO2-only series beside districts on 2005–2023
 * CO2e): the flags say so, and the indexed view compares shapes, which is the fair comparison
 * when the units differ.
 */
import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './palette';

export const SIDE_VIEWS = ['absolute', 'per_head', 'indexed'] as const;
export type SideView = (typeof SIDE_VIEWS)[number];
export const INDEX_YEAR = 2005;

export const VIEW_LABELS: Record<SideView, string> = {
	absolute: 'Absolute',
	per_head: 'Per head',
	indexed: `Indexed, ${INDEX_YEAR} = 100`
};

/** What the chart's title says each view shows. */
export const VIEW_TITLES: Record<SideView, string> = {
	absolute: 'Emissions',
	per_head: 'Emissions per head',
	indexed: `Emissions indexed to ${INDEX_YEAR} = 100`
};

export interface CouncilSeries {
	code: string;
	name: string;
	/** 'kt CO2' or 'kt CO2e'. */
	unit: string;
	releaseLabel: string;
	/**
	 * The releases the figures come from, where the label says more than the release (a county's
	 * "sum of its 8 districts' figures, DESNZ …"); the label alone when not given.
	 */
	sources?: readonly string[];
	points: readonly { year: number; valueKt: number; population?: number | null }[];
}

export interface Line {
	code: string;
	name: string;
	releaseLabel: string;
	/** The unit of this line's values in the chosen view. */
	unit: string;
	values: { year: number; value: number }[];
	/** Why the line is empty or short in this view; null when drawn in full. */
	note: string | null;
}

const gasOf = (unit: string) => unit.replace(/^kt\s*/, '');

/** Each year's figure over the 2005 figure, × 100; none without a 2005 figure. */
export function indexToBase(points: CouncilSeries['points']) {
	const base = points.find((p) => p.year === INDEX_YEAR);
	if (!base) {
		return {
			available: false as const,
			reason: `no ${INDEX_YEAR} figure, so it cannot be indexed to ${INDEX_YEAR} = 100`
		};
	}
	if (!(base.valueKt > 0)) {
		return {
			available: false as const,
			reason: `the ${INDEX_YEAR} figure is ${base.valueKt}, which cannot be divided by`
		};
	}
	return {
		available: true as const,
		values: points.map((p) => ({ year: p.year, value: (p.valueKt / base.valueKt) * 100 }))
	};
}

/** Tonnes a person: kt × 1,000 over the mid-year population; years without a population left out. */
export function perHead(points: CouncilSeries['points']) {
	const values = points.flatMap((p) =>
		p.population && p.population > 0
			? [{ year: p.year, value: (p.valueKt * 1000) / p.population }]
			: []
	);
	const missing = points.length - values.length;
	return {
		values,
		note: !values.length
			? 'no population figures in this release, so no figures per head'
			: missing
				? `${missing} year${missing === 1 ? '' : 's'} without a population left out`
				: null
	};
}

/** One council's line in one view. */
export function lineFor(s: CouncilSeries, view: SideView): Line {
	const base = { code: s.code, name: s.name, releaseLabel: s.releaseLabel };
	if (view === 'absolute') {
		const values = s.points.map((p) => ({ year: p.year, value: p.valueKt }));
		return { ...base, unit: s.unit, values, note: null };
	}
	if (view === 'per_head') {
		const r = perHead(s.points);
		return { ...base, unit: `t ${gasOf(s.unit)} a person`, values: r.values, note: r.note };
	}
	const r = indexToBase(s.points);
	return r.available
		? { ...base, unit: `index, ${INDEX_YEAR} = 100`, values: r.values, note: null }
		: { ...base, unit: `index, ${INDEX_YEAR} = 100`, values: [], note: r.reason };
}

export interface SeriesFlags {
	/** More than one release among the lines. */
	mixedReleases: boolean;
	/** More than one unit (kt CO2 beside kt CO2e). */
	mixedUnits: boolean;
	units: string[];
	releases: string[];
}

export function seriesFlags(series: readonly CouncilSeries[]): SeriesFlags {
	const units = [...new Set(series.map((s) => s.unit))];
	const releases = [...new Set(series.flatMap((s) => s.sources ?? [s.releaseLabel]))];
	return { mixedReleases: releases.length > 1, mixedUnits: units.length > 1, units, releases };
}

/** The axis title: one unit, or every unit named when they differ (never a silent mix). */
export function axisUnit(lines: readonly Line[]): string {
	const units = [...new Set(lines.filter((l) => l.values.length).map((l) => l.unit))];
	return units.length > 1
		? `${units.join(' and ')} (different units on one axis)`
		: (units[0] ?? '');
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const DIGITS: Record<SideView, number> = { absolute: 1, per_head: 2, indexed: 1 };

/** Every line's value in each year any line has, for the table and the chart's labels. */
export function overlayTable(lines: readonly Line[], view: SideView) {
	const years = [...new Set(lines.flatMap((l) => l.values.map((v) => v.year)))].sort(
		(a, b) => a - b
	);
	const byLine = lines.map(
		(l) => new Map(l.values.map((v) => [v.year, round(v.value, DIGITS[view])]))
	);
	return {
		columns: ['Year', ...lines.map((l) => `${l.name} (${l.unit})`)],
		rows: years.map((y) => [String(y), ...byLine.map((m) => m.get(y) ?? null)])
	};
}

export function overlayConfig(lines: readonly Line[], view: SideView): ChartConfiguration<'line'> {
	const table = overlayTable(lines, view);
	return {
		type: 'line',
		data: {
			labels: table.rows.map((r) => r[0] as string),
			datasets: lines.map((l, i) => ({
				label: l.name,
				data: table.rows.map((r) => r[i + 1] as number | null),
				borderColor: PALETTE[i % PALETTE.length],
				backgroundColor: PALETTE[i % PALETTE.length],
				borderWidth: 2.5,
				// Dashes as well as colours, so lines can be told apart without colour.
				borderDash: i % 2 ? [6, 3] : undefined,
				pointRadius: 2,
				spanGaps: false
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			plugins: { legend: { position: 'bottom', labels: { boxHeight: 3 } } },
			scales: {
				x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
				y: { beginAtZero: view !== 'indexed', title: { display: true, text: axisUnit(lines) } }
			}
		}
	};
}
