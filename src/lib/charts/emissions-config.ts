/**
 * Emissions by sector over time → a stacked bar chart config and the matching table.
 */
import type { ChartConfiguration } from 'chart.js';
import type { YearTotal } from '../server/metrics/emissions';
import { SECTOR_ORDER, sectorColour } from './palette';

export function sectorsPresent(totals: readonly YearTotal[]): string[] {
	const seen = new Set(totals.flatMap((t) => Object.keys(t.sectors)));
	const known = SECTOR_ORDER.filter((s) => seen.has(s));
	return [
		...known,
		...[...seen].filter((s) => !known.includes(s as (typeof SECTOR_ORDER)[number])).sort()
	];
}

export function emissionsBySectorConfig(
	totals: readonly YearTotal[],
	unit: string
): ChartConfiguration<'bar'> {
	const sectors = sectorsPresent(totals);
	return {
		type: 'bar',
		data: {
			labels: totals.map((t) => String(t.year)),
			datasets: sectors.map((sector) => ({
				label: sector,
				data: totals.map((t) => round1(t.sectors[sector] ?? 0)),
				backgroundColor: sectorColour(sector),
				stack: 'sectors'
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { stacked: true, grid: { display: false } },
				y: { stacked: true, beginAtZero: true, title: { display: true, text: unit } }
			}
		}
	};
}

export function emissionsTable(totals: readonly YearTotal[]) {
	const sectors = sectorsPresent(totals);
	// A totals-only release has one "sector", the total itself: one column, not the same one twice.
	if (sectors.length === 1 && sectors[0] === 'Total')
		return {
			columns: ['Year', 'Total'],
			rows: totals.map((t) => [String(t.year), round1(t.totalKt)])
		};
	return {
		columns: ['Year', ...sectors, 'Total'],
		rows: totals.map((t) => [
			String(t.year),
			...sectors.map((s) => round1(t.sectors[s] ?? 0)),
			round1(t.totalKt)
		])
	};
}

const round1 = (n: number) => Math.round(n * 10) / 10;
