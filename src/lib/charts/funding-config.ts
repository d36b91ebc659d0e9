/**
 * Funding charts: a council's bids by status, its awards by year and funder, and national
 * distributions (award sizes, window lengths). Pure: rows in, Chart.js config and table out.
 */
import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './palette';

export const STATUS_ORDER = ['idea', 'drafting', 'submitted', 'won', 'lost', 'withdrawn'] as const;
export const STATUS_LABELS: Record<(typeof STATUS_ORDER)[number], string> = {
	idea: 'Idea',
	drafting: 'Drafting',
	submitted: 'Submitted',
	won: 'Won',
	lost: 'Lost',
	withdrawn: 'Withdrawn'
};
const STATUS_COLOURS = ['#6b6b6b', '#56B4E9', '#0072B2', '#009E73', '#D55E00', '#CC79A7'];

export function bidsByStatusTable(
	byStatus: Partial<Record<(typeof STATUS_ORDER)[number], number>>
) {
	return {
		columns: ['Status', 'Bids'],
		rows: STATUS_ORDER.map((s) => [STATUS_LABELS[s], byStatus[s] ?? 0] as [string, number])
	};
}

export function bidsByStatusConfig(
	byStatus: Partial<Record<(typeof STATUS_ORDER)[number], number>>
): ChartConfiguration<'bar'> {
	const table = bidsByStatusTable(byStatus);
	return {
		type: 'bar',
		data: {
			labels: table.rows.map((r) => r[0]),
			datasets: [
				{ label: 'Bids', data: table.rows.map((r) => r[1]), backgroundColor: STATUS_COLOURS }
			]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Bids' } },
				y: { grid: { display: false } }
			}
		}
	};
}

export interface AwardPoint {
	year: number | null;
	funder: string | null;
	amountGbp: number;
}

/** £ by year (rows) and funder (columns); awards without a date are left out and counted. */
export function awardsByYearFunderTable(awards: readonly AwardPoint[]) {
	const dated = awards.filter((a) => a.year !== null);
	const years = [...new Set(dated.map((a) => a.year!))].sort((a, b) => a - b);
	const funders = [...new Set(dated.map((a) => a.funder ?? 'Funder not recorded'))].sort();
	const sum = (y: number, f: string) =>
		dated
			.filter((a) => a.year === y && (a.funder ?? 'Funder not recorded') === f)
			.reduce((n, a) => n + a.amountGbp, 0);
	return {
		columns: ['Year', ...funders],
		rows: years.map((y) => [String(y), ...funders.map((f) => sum(y, f))]),
		undated: awards.length - dated.length
	};
}

export function awardsByYearFunderConfig(awards: readonly AwardPoint[]): ChartConfiguration<'bar'> {
	const t = awardsByYearFunderTable(awards);
	return {
		type: 'bar',
		data: {
			labels: t.rows.map((r) => r[0] as string),
			datasets: t.columns.slice(1).map((funder, i) => ({
				label: funder,
				data: t.rows.map((r) => (r[i + 1] as number) / 1e6),
				backgroundColor: PALETTE[i % PALETTE.length],
				stack: 'funders'
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { stacked: true, grid: { display: false } },
				y: { stacked: true, beginAtZero: true, title: { display: true, text: '£ million' } }
			}
		}
	};
}

export const AWARD_SIZE_BANDS = [
	{ label: 'under £1m', max: 1e6 },
	{ label: '£1m–£5m', max: 5e6 },
	{ label: '£5m–£10m', max: 10e6 },
	{ label: '£10m–£20m', max: 20e6 },
	{ label: '£20m–£50m', max: 50e6 },
	{ label: '£50m and over', max: Infinity }
] as const;

export function awardSizeTable(amounts: readonly number[]) {
	const counts = AWARD_SIZE_BANDS.map(() => 0);
	for (const a of amounts) counts[AWARD_SIZE_BANDS.findIndex((b) => a < b.max)]!++;
	return {
		columns: ['Award size', 'Awards'],
		rows: AWARD_SIZE_BANDS.map((b, i) => [b.label, counts[i]!] as [string, number])
	};
}

export function awardSizeConfig(t: ReturnType<typeof awardSizeTable>): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: t.rows.map((r) => r[0]),
			datasets: [{ label: 'Awards', data: t.rows.map((r) => r[1]), backgroundColor: '#0072B2' }]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { grid: { display: false } },
				y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Awards' } }
			}
		}
	};
}

/** Orange for a short window (under the line), blue otherwise: the same in both window charts. */
const windowColour = (short: boolean) => (short ? '#D55E00' : '#0072B2');

export interface WindowPoint {
	label: string;
	days: number;
}

export function windowLengthConfig(
	windows: readonly WindowPoint[],
	shortDays: number
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: windows.map((w) => w.label),
			datasets: [
				{
					label: 'Days open',
					data: windows.map((w) => w.days),
					backgroundColor: windows.map((w) => windowColour(w.days < shortDays))
				}
			]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: {
					beginAtZero: true,
					title: {
						display: true,
						text: `Days from opening to closing (orange: under ${shortDays} days)`
					}
				},
				y: { grid: { display: false } }
			}
		}
	};
}

/** Rounds drawn one bar each up to this many; past it, counted in bands of weeks open. */
export const ROUNDS_DRAWN_ONE_BY_ONE = 40;

/** Bands of window length, in days from opening to closing; each counts `min <= days < max`. */
const WINDOW_BANDS = [
	{ label: 'under 2 weeks', max: 14 },
	{ label: '2 to under 4 weeks', max: 28 },
	{ label: '4 to under 6 weeks', max: 42 },
	{ label: '6 to under 8 weeks', max: 56 },
	{ label: '8 to under 12 weeks', max: 84 },
	{ label: '12 to under 26 weeks', max: 182 },
	{ label: '26 weeks and over', max: Infinity }
] as const;

/** How many rounds' windows fall in each band, and whether the band is short. */
export function windowBands(windows: readonly WindowPoint[], shortDays: number) {
	let min = 0;
	return WINDOW_BANDS.map((b) => {
		const band = {
			label: b.label,
			rounds: windows.filter((w) => w.days >= min && w.days < b.max).length,
			short: b.max <= shortDays
		};
		min = b.max;
		return band;
	});
}

export function windowBandConfig(
	bands: ReturnType<typeof windowBands>,
	shortDays: number
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: bands.map((b) => b.label),
			datasets: [
				{
					label: 'Rounds',
					data: bands.map((b) => b.rounds),
					backgroundColor: bands.map((b) => windowColour(b.short))
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: {
					grid: { display: false },
					title: { display: true, text: `Weeks open (orange: under ${shortDays} days)` }
				},
				y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Rounds' } }
			}
		}
	};
}

export function lorenzConfig(
	points: readonly { x: number; y: number }[]
): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			datasets: [
				{
					label: 'Equal shares',
					data: [
						{ x: 0, y: 0 },
						{ x: 100, y: 100 }
					],
					borderColor: '#6b6b6b',
					borderDash: [4, 4],
					pointRadius: 0
				},
				{
					label: 'Councils, poorest to best funded per head',
					data: points.map((p) => ({ x: p.x * 100, y: p.y * 100 })),
					borderColor: '#0072B2',
					backgroundColor: 'rgba(0,114,178,0.15)',
					fill: true,
					pointRadius: 0
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: {
					type: 'linear',
					min: 0,
					max: 100,
					title: {
						display: true,
						text: '% of councils with a published award (ordered by £ per head)'
					}
				},
				y: { min: 0, max: 100, title: { display: true, text: '% of £ awarded' } }
			}
		}
	};
}
