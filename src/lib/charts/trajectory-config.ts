/**
 * A target's trajectory → a line chart config and the same numbers as a table: the actual series,
 * the straight-line path from the baseline to zero in the target year, the least-squares trend
 * carried forward to where it reaches zero, interim targets as points, and 2030 and 2050 marked.
 */
import type { ChartConfiguration } from 'chart.js';
import type { AvailableProgress } from '../progress-text';
import { PALETTE } from './palette';

export const MARKED_YEARS = [2030, 2050] as const;
/** A trend that never reaches zero is drawn to here, not forever. */
const LAST_AXIS_YEAR = 2050;

export interface TrajectoryInput {
	points: readonly { year: number; valueKt: number }[];
	targetYear: number | null;
	baseline: { year: number; valueKt: number } | null;
	trend: { fromYear: number; meanYear: number; meanKt: number; slopeKtPerYear: number } | null;
	/** The projected net-zero year; null when the trend does not reach zero. */
	projectionYear: number | null;
	interim?: readonly { year: number; targetKt: number }[];
}

type Cell = number | null;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The years on the axis: from the first figure (or baseline) to 2050, the target or the projection. */
export function trajectoryYears(input: TrajectoryInput): number[] {
	const first = Math.min(
		input.points[0]?.year ?? Infinity,
		input.baseline?.year ?? Infinity,
		...(input.interim ?? []).map((i) => i.year)
	);
	if (!Number.isFinite(first)) return [];
	const last = Math.max(
		LAST_AXIS_YEAR,
		input.targetYear ?? 0,
		input.projectionYear ?? 0,
		input.points.at(-1)?.year ?? 0
	);
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** One column per line, aligned on the axis years; null where a line has no value. */
export function trajectoryColumns(input: TrajectoryInput) {
	const years = trajectoryYears(input);
	const actual = new Map(input.points.map((p) => [p.year, p.valueKt]));
	const interim = new Map((input.interim ?? []).map((i) => [i.year, i.targetKt]));
	const { baseline, targetYear, trend } = input;
	const pathAt = (y: number): Cell => {
		if (!baseline || targetYear === null || targetYear <= baseline.year) return null;
		if (y < baseline.year || y > targetYear) return null;
		return (baseline.valueKt * (targetYear - y)) / (targetYear - baseline.year);
	};
	const trendEnd = input.projectionYear ?? years.at(-1) ?? 0;
	const trendAt = (y: number): Cell => {
		if (!trend || y < trend.fromYear || y > trendEnd) return null;
		return Math.max(0, trend.meanKt + trend.slopeKtPerYear * (y - trend.meanYear));
	};
	return years.map((year) => ({
		year,
		actual: actual.get(year) ?? null,
		path: pathAt(year),
		trend: trendAt(year),
		interim: interim.get(year) ?? null
	}));
}

export function trajectoryConfig(input: TrajectoryInput, unit: string): ChartConfiguration<'line'> {
	const columns = trajectoryColumns(input);
	const r = (v: Cell) => (v === null ? null : round1(v));
	const hasInterim = columns.some((c) => c.interim !== null);
	return {
		type: 'line',
		data: {
			labels: columns.map((c) => String(c.year)),
			datasets: [
				{
					label: 'Emissions (published)',
					data: columns.map((c) => r(c.actual)),
					borderColor: PALETTE[0],
					backgroundColor: PALETTE[0],
					borderWidth: 2.5,
					pointRadius: 2
				},
				{
					label: 'Straight-line path to the target',
					data: columns.map((c) => r(c.path)),
					borderColor: PALETTE[2],
					backgroundColor: PALETTE[2],
					borderDash: [2, 3],
					pointRadius: 0,
					spanGaps: true
				},
				{
					label: 'Current trend, carried forward',
					data: columns.map((c) => r(c.trend)),
					borderColor: PALETTE[1],
					backgroundColor: PALETTE[1],
					borderDash: [8, 4],
					pointRadius: 0,
					spanGaps: true
				},
				...(hasInterim
					? [
							{
								label: 'Interim target',
								data: columns.map((c) => r(c.interim)),
								borderColor: PALETTE[3],
								backgroundColor: PALETTE[3],
								showLine: false,
								pointRadius: 5,
								pointStyle: 'rectRot' as const
							}
						]
					: [])
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			plugins: {
				legend: { position: 'bottom' },
				yearMarkers: {
					years: MARKED_YEARS.map(String).concat(
						input.targetYear !== null && !MARKED_YEARS.includes(input.targetYear as 2030)
							? [String(input.targetYear)]
							: []
					)
				}
			},
			scales: {
				x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
				y: { beginAtZero: true, title: { display: true, text: unit } }
			}
		} as ChartConfiguration<'line'>['options']
	};
}

/** The chart's numbers, for the table beside it and its CSV. */
export function trajectoryTable(input: TrajectoryInput) {
	const columns = trajectoryColumns(input);
	const hasInterim = columns.some((c) => c.interim !== null);
	const r = (v: Cell) => (v === null ? null : round1(v));
	return {
		columns: [
			'Year',
			'Published',
			'Straight-line path',
			'Trend',
			...(hasInterim ? ['Interim target'] : [])
		],
		rows: columns
			.filter((c) => c.actual !== null || c.path !== null || c.trend !== null || c.interim !== null)
			.map((c) => [
				String(c.year),
				r(c.actual),
				r(c.path),
				r(c.trend),
				...(hasInterim ? [r(c.interim)] : [])
			])
	};
}

/** The chart's input from a series and its target's progress figures. */
export function trajectoryInputFrom(
	points: TrajectoryInput['points'],
	p: AvailableProgress
): TrajectoryInput {
	return {
		points,
		targetYear: p.targetYear,
		baseline: p.baseline.available ? { year: p.baseline.year, valueKt: p.baseline.valueKt } : null,
		trend: p.trend.available ? p.trend : null,
		projectionYear: p.projection.available ? p.projection.year : null,
		interim: p.interim.flatMap((i) =>
			i.result.available ? [{ year: i.year, targetKt: i.result.targetKt }] : []
		)
	};
}

/**
 * The chart's numbers for paper, where 46 rows will not fit: the baseline year, the years the
 * trend was fitted on, the latest year, 2030, the interim and target years, and 2050.
 */
export function trajectoryKeyTable(input: TrajectoryInput, trendYears: readonly number[]) {
	const keep = new Set<number>([
		...(input.baseline ? [input.baseline.year] : []),
		...trendYears,
		...(input.points.length ? [input.points.at(-1)!.year] : []),
		...MARKED_YEARS,
		...(input.interim ?? []).map((i) => i.year),
		...(input.targetYear !== null ? [input.targetYear] : [])
	]);
	const table = trajectoryTable(input);
	return { columns: table.columns, rows: table.rows.filter((r) => keep.has(Number(r[0]))) };
}
