/**
 * The compare view's state, all of it in the address so a view can be shared and bookmarked:
 * filters, text search, columns, sort, the map's and the scatter's columns, and which money the
 * funding columns count (net-zero money unless `money=all`). Read with zod;
 * written back leaving defaults out, so the same view always has the same address. The filter
 * and sort are pure and shared by the page and the API. Browser-safe; unit-tested.
 */
import { z } from 'zod';
import { DEFAULTS, KEYS } from './href';

export { compareHref, compareParams, DEFAULTS, KEYS } from './href';
import { moneyParam } from '../money-param';
import { ROW_STATUSES } from '../progress-filter';
import {
	COLUMN_KEYS,
	NUMERIC_KEYS,
	SORT_KEYS,
	STANDARD_COLUMNS,
	type ColumnKey,
	type CompareRow,
	type SortKey
} from './columns';

const text = (name: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `${name}: expected at most ${max} characters`)
		.optional()
		.transform((v) => v || undefined);

const numeric = (name: string) =>
	z.enum(NUMERIC_KEYS, { error: `${name}: expected one of ${NUMERIC_KEYS.join(', ')}` });

/**
 * Columns there used to be, and why they went: an old address naming one still opens (the page
 * says why it is gone); the API refuses it with the reason.
 */
export const RETIRED_COLUMNS: Record<string, string> = {
	successRate:
		"Bid success rate is no longer a column: it came from councils' own bid records, kept here by only a few councils, partial and not public, so it could not be compared across councils. Each council's funding page shows the bids it records."
};

export const CompareStateSchema = z.object({
	q: text('q', 100),
	nation: text('nation', 60),
	region: text('region', 80),
	type: z
		.string()
		.trim()
		.regex(/^[A-Z]{2,6}$/, 'type: expected an authority type code such as NMD or UA')
		.optional(),
	target: z
		.string()
		.regex(/^(\d{4}|none)$/, 'target: expected a whole-area target year such as 2030, or "none"')
		.optional(),
	status: z
		.enum(ROW_STATUSES, { error: `status: expected one of ${ROW_STATUSES.join(', ')}` })
		.optional(),
	cols: z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v) return [...STANDARD_COLUMNS] as ColumnKey[];
			const keys = v.split(',').filter(Boolean);
			const unknown = keys.filter((k) => !(COLUMN_KEYS as readonly string[]).includes(k));
			if (unknown.length) {
				ctx.addIssue({
					code: 'custom',
					message: `cols: "${unknown.join(', ')}" is not a column; expected some of ${COLUMN_KEYS.join(', ')}`
				});
				return z.NEVER;
			}
			// In the table's order, each once, whatever order the address gave.
			return COLUMN_KEYS.filter((k) => keys.includes(k));
		}),
	sort: z
		.enum(SORT_KEYS, { error: `sort: expected one of ${SORT_KEYS.join(', ')}` })
		.default(DEFAULTS.sort),
	dir: z.enum(['asc', 'desc'], { error: 'dir: expected "asc" or "desc"' }).default(DEFAULTS.dir),
	map: numeric('map').default(DEFAULTS.map),
	x: numeric('x').default(DEFAULTS.x),
	y: numeric('y').default(DEFAULTS.y),
	money: moneyParam
});

export type CompareState = z.output<typeof CompareStateSchema>;

/** The view in an address; `retired` names the columns it asked for that are no more. */
export function readCompareState(params: URLSearchParams) {
	// A form's column checkboxes send `cols` once per column; a shared address sends one list.
	const asked = params.getAll('cols').join(',').split(',').filter(Boolean);
	const retired = [...new Set(asked.filter((k) => Object.hasOwn(RETIRED_COLUMNS, k)))];
	const cols = asked.filter((k) => !Object.hasOwn(RETIRED_COLUMNS, k)).join(',');
	const value = (k: string) => (k === 'cols' ? cols : params.get(k));
	const raw = Object.fromEntries(KEYS.flatMap((k) => (value(k) ? [[k, value(k)]] : [])));
	const parsed = CompareStateSchema.safeParse(raw);
	if (parsed.success) return { success: true as const, data: parsed.data, retired };
	return {
		success: false as const,
		message: parsed.error.issues.map((i) => i.message).join('; ')
	};
}

/** Whether the row is in the view (everything but the columns and the order). */
export function keepsRow(row: CompareRow, s: CompareState): boolean {
	const q = s.q?.toLowerCase();
	return (
		(!s.nation || row.nation === s.nation) &&
		(!s.region || row.region === s.region) &&
		(!s.type || row.type === s.type) &&
		(!s.status || row.status === s.status) &&
		(!s.target ||
			(s.target === 'none'
				? row.areaTargetYear === null
				: row.areaTargetYear === Number(s.target))) &&
		(!q ||
			row.name.toLowerCase().includes(q) ||
			row.code.toLowerCase() === q ||
			row.gssCode?.toLowerCase() === q)
	);
}

// The statuses in the order a reader ranks them: on track first.
const STATUS_RANK = Object.fromEntries(ROW_STATUSES.map((s, i) => [s, i]));

/**
 * Rows by one column: blanks always last whichever the direction (a missing figure is not the
 * smallest), then by name so the order is stable.
 */
export function sortRows<T extends CompareRow>(
	rows: readonly T[],
	key: SortKey,
	dir: 'asc' | 'desc'
): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	const value = (r: T) => (key === 'status' ? (STATUS_RANK[r.status] ?? null) : r[key]);
	return [...rows].sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		if (va === null || vb === null) {
			if (va !== vb) return va === null ? 1 : -1;
		} else if (va !== vb) {
			const c =
				typeof va === 'number' && typeof vb === 'number'
					? va - vb
					: String(va).localeCompare(String(vb), 'en-GB');
			if (c) return c * sign;
		}
		return a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code);
	});
}

/** The view's rows: filtered, then sorted. */
export function viewRows<T extends CompareRow>(rows: readonly T[], s: CompareState): T[] {
	return sortRows(
		rows.filter((r) => keepsRow(r, s)),
		s.sort,
		s.dir
	);
}
