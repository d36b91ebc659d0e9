/**
 * A national progress row's status in words and colours, and the table's filter as address
 * parameters: what pages use in the browser, without the zod that reads the filter
 * (progress-filter.ts).
 */
import type { ProgressFilter } from './progress-filter';
import { STATUS_WORDS } from './progress-text';

/** A judged target's colour, `none` when it cannot be judged, `no_target` for a council without one. */
export const ROW_STATUSES = ['green', 'amber', 'red', 'none', 'no_target'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const ROW_STATUS_WORDS: Record<RowStatus, string> = {
	...STATUS_WORDS,
	none: 'No status',
	no_target: 'No whole-area target'
};

/** The class of the badge each status is printed in (app.css). */
export const ROW_STATUS_CLASS: Record<RowStatus, string> = {
	green: 'rag rag-green',
	amber: 'rag rag-amber',
	red: 'rag rag-red',
	none: 'rag rag-none',
	no_target: 'rag rag-none'
};

/** The filter as address parameters, the empty ones left out. */
export function filterParams(filter: ProgressFilter): [string, string][] {
	return (['nation', 'type', 'status'] as const).flatMap((k) =>
		filter[k] ? [[k, filter[k]!] as [string, string]] : []
	);
}
