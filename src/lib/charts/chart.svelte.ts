/**
 * The one Chart.js attachment: creates the chart once, updates it in a child effect when the
 * config changes, destroys it on cleanup. Chart.js mutates what it is given, so it only ever sees
 * snapshots, never Svelte state proxies.
 */
import {
	Chart,
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
	Filler,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
	Filler
);
/**
 * Dashed vertical lines at the years a chart names in `options.plugins.yearMarkers.years` (labels
 * of a category axis), each with its year written at the top: 2030 and 2050 on a trajectory.
 * Chart.js's annotation plugin would do it too, but this is all that is needed of it.
 */
const yearMarkers: Plugin = {
	id: 'yearMarkers',
	afterDatasetsDraw(instance, _args, options: { years?: string[] }) {
		const x = instance.scales.x;
		const labels = instance.data.labels as string[] | undefined;
		if (!x || !labels || !options.years?.length) return;
		const { ctx, chartArea } = instance;
		ctx.save();
		ctx.strokeStyle = '#3d4650';
		ctx.fillStyle = '#3d4650';
		ctx.setLineDash([3, 3]);
		ctx.font = '12px system-ui, sans-serif';
		for (const year of options.years) {
			const index = labels.indexOf(year);
			if (index < 0) continue;
			const px = x.getPixelForValue(index);
			ctx.beginPath();
			ctx.moveTo(px, chartArea.top + 14);
			ctx.lineTo(px, chartArea.bottom);
			ctx.stroke();
			// A marker at the axis's end is labelled leftward, so the label is not cut off.
			ctx.textAlign = px > chartArea.right - 16 ? 'right' : 'center';
			ctx.fillText(year, px, chartArea.top + 10);
		}
		ctx.restore();
	}
};

Chart.register(yearMarkers);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#3d4650';

export function chart(getConfig: () => ChartConfiguration): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const instance = untrack(
			() => new Chart(canvas, $state.snapshot(getConfig()) as ChartConfiguration)
		);
		$effect(() => {
			const next = $state.snapshot(getConfig()) as ChartConfiguration;
			untrack(() => {
				instance.data = next.data;
				if (next.options) instance.options = next.options;
				instance.update('none');
			});
		});
		return () => instance.destroy();
	};
}
