/**
 * A target's carbon-budget view → a line chart of cumulative emissions from the year after the
 * latest figures to the target year on each path, with what is left of the council's budget as a
 * level line where one is recorded, and the same numbers as a table.
 */
import type { ChartConfiguration } from 'chart.js';
import type { AvailableBudgetView } from '../carbon-budget-text';
import { CARBON_LAW_LABEL } from '../carbon-budget-text';
import { PALETTE } from './palette';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Running totals of yearly figures. */
function running(yearly: readonly number[]): number[] {
	let sum = 0;
	return yearly.map((v) => (sum += v));
}

/**
 * The running total of each path, year by year, and the budget left where it can be drawn: only
 * when it covers the same years as the paths (not when it starts later) and some is left.
 */
export function budgetColumns(v: AvailableBudgetView) {
	const trend = v.paths.trend.available ? running(v.paths.trend.yearly) : null;
	const straight = running(v.paths.straightLine.yearly);
	const law = running(v.paths.carbonLaw.yearly);
	const b = v.budget;
	const left = b.available && b.fromYear === v.fromYear && b.leftKt > 0 ? b.leftKt : null;
	return v.years.map((year, i) => ({
		year,
		trend: trend ? trend[i]! : null,
		straightLine: straight[i]!,
		carbonLaw: law[i]!,
		budgetLeft: left
	}));
}

export function budgetChartLabels(v: AvailableBudgetView) {
	return {
		trend: 'On the current trend',
		straightLine: 'Straight line to zero',
		carbonLaw: CARBON_LAW_LABEL(v.paths.carbonLaw.ratePct),
		budgetLeft: "What is left of the council's budget"
	};
}

export function budgetChartConfig(
	v: AvailableBudgetView,
	unit: string
): ChartConfiguration<'line'> {
	const columns = budgetColumns(v);
	const labels = budgetChartLabels(v);
	const line = (
		key: 'trend' | 'straightLine' | 'carbonLaw' | 'budgetLeft',
		colour: string,
		dash: number[]
	) => ({
		label: labels[key],
		data: columns.map((c) => (c[key] === null ? null : round1(c[key]))),
		borderColor: colour,
		backgroundColor: colour,
		borderDash: dash,
		borderWidth: key === 'budgetLeft' ? 2.5 : 2,
		pointRadius: 0
	});
	return {
		type: 'line',
		data: {
			labels: columns.map((c) => String(c.year)),
			datasets: [
				...(v.paths.trend.available ? [line('trend', PALETTE[1], [8, 4])] : []),
				line('straightLine', PALETTE[2], [2, 3]),
				line('carbonLaw', PALETTE[3], []),
				...(columns[0]?.budgetLeft != null ? [line('budgetLeft', PALETTE[5], [])] : [])
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
				y: { beginAtZero: true, title: { display: true, text: unit } }
			}
		}
	};
}

/** The chart's numbers, for its table and CSV: running totals to one decimal. */
export function budgetChartTable(v: AvailableBudgetView) {
	const columns = budgetColumns(v);
	const labels = budgetChartLabels(v);
	const hasTrend = v.paths.trend.available;
	const hasBudget = columns[0]?.budgetLeft != null;
	return {
		columns: [
			'Year',
			...(hasTrend ? [labels.trend] : []),
			labels.straightLine,
			labels.carbonLaw,
			...(hasBudget ? [labels.budgetLeft] : [])
		],
		rows: columns.map((c) => [
			String(c.year),
			...(hasTrend ? [round1(c.trend!)] : []),
			round1(c.straightLine),
			round1(c.carbonLaw),
			...(hasBudget ? [round1(c.budgetLeft!)] : [])
		])
	};
}
