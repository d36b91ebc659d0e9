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
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
	Filler,
	type ChartConfiguration
} from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
	Filler
);
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
