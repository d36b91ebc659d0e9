import { error } from '@sveltejs/kit';
import { COMPARE_COLUMNS, type CompareRow } from '$lib/compare/columns';
import { keepsRow, readCompareState, viewRows } from '$lib/compare/state';
import { progressQuery } from '$lib/progress-query';
import { loadHexes } from '$lib/server/hexmap';
import { getCompareRows } from '$lib/server/queries/compare';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const state = readCompareState(url.searchParams);
	if (!state.success) error(400, state.message);
	const s = state.data;
	const data = getCompareRows(query.data);
	const rows = viewRows(data.rows, s);
	// Only the fields the page prints, charts or links: the rows are sent twice (HTML and data).
	const fields = new Set<keyof CompareRow>(['code', 'name', 'tierGroup', ...s.cols, s.x, s.y]);
	const slim = (r: CompareRow) =>
		Object.fromEntries([...fields].map((f) => [f, r[f]])) as Partial<CompareRow> &
			Pick<CompareRow, 'code' | 'name'>;
	const byGss = new Map(data.rows.filter((r) => r.gssCode).map((r) => [r.gssCode!, r]));
	const cells = loadHexes().map((h) => {
		const r = byGss.get(h.gssCode);
		return {
			...h,
			href: r ? `/authorities/${r.code}` : '/authorities',
			value: r ? (r[s.map] ?? null) : null,
			out: r ? !keepsRow(r, s) : false
		};
	});
	const years = [
		...new Set(data.rows.flatMap((r) => (r.areaTargetYear ? [r.areaTargetYear] : [])))
	];
	return {
		state: s,
		measure: query.data.measure,
		measureLabel: data.measureLabel,
		releaseLabels: data.releaseLabels,
		total: data.rows.length,
		rows: rows.map(slim),
		cells,
		options: {
			nations: [...new Set(data.rows.map((r) => r.nation))].sort(),
			regions: [...new Set(data.rows.flatMap((r) => (r.region ? [r.region] : [])))].sort(),
			types: [...new Map(data.rows.map((r) => [r.type, r.typeName]))]
				.map(([code, name]) => ({ code, name }))
				.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
			targetYears: years.sort((a, b) => a - b)
		},
		columns: COMPARE_COLUMNS
	};
};
