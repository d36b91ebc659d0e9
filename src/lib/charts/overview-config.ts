/**
 * National overview charts: councils by net-zero target year and scope, and climate emergency
 * declarations over time (cumulative).
 */
import type { ChartConfiguration } from 'chart.js';
import { SCOPE_COLOURS } from './palette';

export interface TargetYearCount {
	scope: 'council_operations' | 'whole_area';
	targetYear: number;
	councils: number;
}

export const SCOPE_LABELS = {
	council_operations: 'Council operations',
	whole_area: 'Whole area'
} as const;

export function targetYearsTable(rows: readonly TargetYearCount[]) {
	const years = [...new Set(rows.map((r) => r.targetYear))].sort((a, b) => a - b);
	const count = (scope: TargetYearCount['scope'], year: number) =>
		rows.find((r) => r.scope === scope && r.targetYear === year)?.councils ?? 0;
	return {
		columns: ['Net-zero year', SCOPE_LABELS.council_operations, SCOPE_LABELS.whole_area],
		rows: years.map((y) => [String(y), count('council_operations', y), count('whole_area', y)])
	};
}

export function targetYearsConfig(rows: readonly TargetYearCount[]): ChartConfiguration<'bar'> {
	const table = targetYearsTable(rows);
	return {
		type: 'bar',
		data: {
			labels: table.rows.map((r) => r[0] as string),
			datasets: (['council_operations', 'whole_area'] as const).map((scope, i) => ({
				label: SCOPE_LABELS[scope],
				data: table.rows.map((r) => r[i + 1] as number),
				backgroundColor: SCOPE_COLOURS[scope]
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { grid: { display: false }, title: { display: true, text: 'Net-zero target year' } },
				y: {
					beginAtZero: true,
					title: { display: true, text: 'Councils' },
					ticks: { precision: 0 }
				}
			}
		}
	};
}

export interface DeclarationMonth {
	month: string;
	declarations: number;
}

/** Running total by quarter: monthly counts are too spiky to read. */
export function declarationsByQuarter(months: readonly DeclarationMonth[]) {
	const byQuarter = new Map<string, number>();
	for (const m of months) {
		const [y, mo] = m.month.split('-').map(Number) as [number, number];
		const q = `${y} Q${Math.ceil(mo / 3)}`;
		byQuarter.set(q, (byQuarter.get(q) ?? 0) + m.declarations);
	}
	let running = 0;
	return [...byQuarter.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([quarter, n]) => ({ quarter, declared: n, cumulative: (running += n) }));
}

export function declarationsConfig(
	months: readonly DeclarationMonth[]
): ChartConfiguration<'line'> {
	const quarters = declarationsByQuarter(months);
	return {
		type: 'line',
		data: {
			labels: quarters.map((q) => q.quarter),
			datasets: [
				{
					label: 'Councils that had declared (running total)',
					data: quarters.map((q) => q.cumulative),
					borderColor: '#009E73',
					backgroundColor: 'rgba(0, 158, 115, 0.15)',
					fill: true,
					pointRadius: 2,
					stepped: true
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { grid: { display: false } },
				y: {
					beginAtZero: true,
					title: { display: true, text: 'Councils' },
					ticks: { precision: 0 }
				}
			}
		}
	};
}
