/**
 * The compare view's state written back into an address, defaults left out, so the same view
 * always has the same address: what pages use in the browser, without the zod that reads it
 * (state.ts). Browser-safe; unit-tested with state.ts.
 */
import { STANDARD_COLUMNS } from './columns';
import type { CompareState } from './state';

export const DEFAULTS = {
	sort: 'name',
	dir: 'asc',
	map: 'emissionsPerHeadT',
	x: 'perHeadGbp',
	y: 'emissionsChangePct',
	money: 'net-zero'
} as const;

/**
 * The state's fields in the schema's order, written out: reading them from the schema would build
 * it in the browser (a test holds the two lists the same).
 */
export const KEYS = [
	'q',
	'nation',
	'region',
	'type',
	'target',
	'status',
	'cols',
	'sort',
	'dir',
	'map',
	'x',
	'y',
	'money'
] as const satisfies readonly (keyof CompareState)[];

const sameColumns = (cols: readonly string[]) =>
	cols.length === STANDARD_COLUMNS.length && cols.every((c, i) => c === STANDARD_COLUMNS[i]);

/** The state as address parameters, defaults left out; `change` overrides fields first. */
export function compareParams(
	state: CompareState,
	change: Partial<CompareState> = {}
): URLSearchParams {
	const s = { ...state, ...change };
	const params = new URLSearchParams();
	for (const k of KEYS) {
		const v = s[k];
		if (v === undefined) continue;
		if (k === 'cols') {
			if (!sameColumns(v as string[])) params.set(k, (v as string[]).join(','));
		} else if (v !== DEFAULTS[k as keyof typeof DEFAULTS]) params.set(k, String(v));
	}
	return params;
}

/** An address of the view: `/compare?…`, or the path alone for the default view. */
export function compareHref(base: string, state: CompareState, change: Partial<CompareState> = {}) {
	const q = compareParams(state, change).toString();
	return q ? `${base}?${q}` : base;
}
