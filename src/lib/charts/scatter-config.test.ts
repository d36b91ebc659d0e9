import type { ActiveElement, Chart, ChartEvent, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { scatterConfig, scatterTable, type ScatterPoint } from './scatter-config';

const points: ScatterPoint[] = [
	{ code: 'TRF', name: 'Trafford', group: 'lower-or-unitary', x: 12.5, y: -40 },
	{ code: 'LAN', name: 'Lancashire', group: 'county', x: 3, y: -30 },
	{ code: 'GMCA', name: 'Greater Manchester', group: 'combined', x: null, y: -35 },
	{ code: 'BPL', name: 'Blackpool', group: 'lower-or-unitary', x: 401, y: -52 }
];
const axis = (title: string) => ({ title, format: (v: number) => `${v}!` });

describe('scatterConfig', () => {
	it('draws councils with both figures, one dataset per tier group, axes titled', () => {
		const config = scatterConfig(points, axis('£ per head'), axis('Change (%)'));
		const sets = config.data.datasets;
		expect(sets.map((d) => d.label)).toEqual(['District or single-tier council', 'County council']);
		expect(sets[0]!.data.map((p) => p.code)).toEqual(['TRF', 'BPL']);
		expect(sets[0]!.backgroundColor).not.toBe(sets[1]!.backgroundColor);
		const scales = config.options!.scales as Record<string, { title: { text: string } }>;
		expect(scales.x!.title.text).toBe('£ per head');
		expect(scales.y!.title.text).toBe('Change (%)');
	});

	it("labels a point with the council's name and both figures", () => {
		const config = scatterConfig(points, axis('x'), axis('y'));
		const label = config.options!.plugins!.tooltip!.callbacks!.label as (
			item: TooltipItem<'scatter'>
		) => string;
		const raw = config.data.datasets[0]!.data[0];
		expect(label({ raw } as TooltipItem<'scatter'>)).toBe('Trafford: 12.5!, -40!');
	});

	it("opens the council's page when a point is clicked", () => {
		const opened: string[] = [];
		const config = scatterConfig(points, axis('x'), axis('y'), (code) => opened.push(code));
		const chart = { data: config.data } as unknown as Chart;
		const onClick = config.options!.onClick as (
			e: ChartEvent,
			el: ActiveElement[],
			c: Chart
		) => void;
		onClick({} as ChartEvent, [{ datasetIndex: 0, index: 1 } as ActiveElement], chart);
		onClick({} as ChartEvent, [], chart);
		expect(opened).toEqual(['BPL']);
	});

	it('lists every council in the table, blank where a figure is missing', () => {
		const table = scatterTable(points, 'x', 'y');
		expect(table.columns).toEqual(['Council', 'Tier group', 'x', 'y']);
		expect(table.rows[2]).toEqual(['Greater Manchester', 'Combined authority or GLA', null, -35]);
		expect(table.rows).toHaveLength(4);
	});
});
