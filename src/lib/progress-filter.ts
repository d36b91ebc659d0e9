/**
 * The national progress table's filters (nation, authority type, status), read from the address
 * with zod, and the words for each status a row can have. Shared by the page and the API, so a
 * download holds the rows the page shows. Browser-safe; unit-tested.
 */
import { z } from 'zod';
import { ROW_STATUSES, type RowStatus } from './row-status';

export {
	filterParams,
	ROW_STATUS_CLASS,
	ROW_STATUS_WORDS,
	ROW_STATUSES,
	type RowStatus
} from './row-status';

export const ProgressFilterSchema = z.object({
	nation: z
		.string()
		.trim()
		.max(60, 'nation: expected a nation of at most 60 characters')
		.optional(),
	type: z
		.string()
		.trim()
		.regex(/^[A-Z]{2,6}$/, 'type: expected an authority type code such as NMD or UA')
		.optional(),
	status: z
		.enum(ROW_STATUSES, { error: `status: expected one of ${ROW_STATUSES.join(', ')}` })
		.optional()
});

export type ProgressFilter = z.output<typeof ProgressFilterSchema>;

export function progressFilter(params: URLSearchParams) {
	const raw = Object.fromEntries(
		['nation', 'type', 'status'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))
	);
	const parsed = ProgressFilterSchema.safeParse(raw);
	if (parsed.success) return { success: true as const, data: parsed.data };
	return {
		success: false as const,
		message: parsed.error.issues.map((i) => i.message).join('; ')
	};
}

/** The rows the filter keeps; an empty filter keeps every row. */
export function filterRows<T extends { nation: string; type: string; status: RowStatus }>(
	rows: readonly T[],
	filter: ProgressFilter
): T[] {
	return rows.filter(
		(r) =>
			(!filter.nation || r.nation === filter.nation) &&
			(!filter.type || r.type === filter.type) &&
			(!filter.status || r.status === filter.status)
	);
}
