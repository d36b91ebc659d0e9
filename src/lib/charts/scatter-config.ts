/**
 * The compare page's scatter: any two figures of the table against each other, one point per
 * council, coloured by tier group (counties and combined authorities overlap districts, so they
 * are told apart, never mixed unseen). Pure: points in, Chart.js config and table out.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { PALETTE } from './palette';

export interface ScatterPoint {
	code: string;
	name: string;
	group: string | null;
	x: number | null;
	y: number | null;
}

export interface ScatterAxis {
	/** "£ won per head (£ per person)": label and unit. */
	title: string;
	format: (v: number) => string;
}

export const GROUP_LABELS: Record<string, string> = {
	'lower-or-unitary': 'District or single-tier council',
	county: 'County council',
	combined: 'Combined authority or GLA'
};
const OTHER = 'Other';
const GROUP_ORDER = [...Object.keys(GROUP_LABELS), OTHER];
// Blue, orange, green of the shared palette: apart for colour-blind readers and in print.
const GROUP_COLOURS = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[6]];

/** Councils with both figures, which the chart can place; the rest are counted, not drawn. */
export function plottable(points: readonly ScatterPoint[]) {
	return points.filter(
		(p): p is ScatterPoint & { x: number; y: number } =>
			p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y)
	);
}

type Raw = { x: number; y: number; code: string; name: string };

export function scatterConfig(
	points: readonly ScatterPoint[],
	x: ScatterAxis,
	y: ScatterAxis,
	onPoint?: (code: string) => void
): ChartConfiguration<'scatter', Raw[]> {
	const drawn = plottable(points);
	const groupOf = (p: ScatterPoint) => (p.group && GROUP_LABELS[p.group] ? p.group : OTHER);
	const datasets = GROUP_ORDER.map((g, i) => ({
		label: GROUP_LABELS[g] ?? OTHER,
		data: drawn
			.filter((p) => groupOf(p) === g)
			.map((p) => ({ x: p.x, y: p.y, code: p.code, name: p.name })),
		backgroundColor: GROUP_COLOURS[i],
		borderColor: GROUP_COLOURS[i],
		pointRadius: 4,
		pointHoverRadius: 7
	})).filter((d) => d.data.length > 0);
	return {
		type: 'scatter',
		data: { datasets },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			onClick: (_event, elements, chart) => {
				const hit = elements[0];
				if (!hit || !onPoint) return;
				const raw = chart.data.datasets[hit.datasetIndex]?.data[hit.index] as Raw | undefined;
				if (raw) onPoint(raw.code);
			},
			onHover: (event, elements) => {
				const target = event.native?.target as HTMLElement | null | undefined;
				if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
			},
			plugins: {
				legend: { position: 'bottom' },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'scatter'>) => {
							const raw = item.raw as Raw;
							return `${raw.name}: ${x.format(raw.x)}, ${y.format(raw.y)}`;
						}
					}
				}
			},
			scales: {
				x: { type: 'linear', title: { display: true, text: x.title } },
				y: { type: 'linear', title: { display: true, text: y.title } }
			}
		}
	};
}

/** The same numbers as a table: every council in the view, blank where a figure is missing. */
export function scatterTable(points: readonly ScatterPoint[], xTitle: string, yTitle: string) {
	return {
		columns: ['Council', 'Tier group', xTitle, yTitle],
		rows: points.map(
			(p) =>
				[p.name, GROUP_LABELS[p.group ?? ''] ?? OTHER, p.x, p.y] as [
					string,
					string,
					number | null,
					number | null
				]
		)
	};
}
