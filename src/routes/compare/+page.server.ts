import { error } from '@sveltejs/kit';
import { COMPARE_COLUMNS, type CompareRow } from '$lib/compare/columns';
import { leftOut } from '$lib/compare/money';
import { keepsRow, readCompareState, RETIRED_COLUMNS, viewRows } from '$lib/compare/state';
import { packRows } from '$lib/packed-rows';
import { readPage } from '$lib/page-param';
import { pageOf } from '$lib/paging';
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
	const page = readPage(url.searchParams);
	if (!page.success) error(400, page.message);
	const data = getCompareRows({ ...query.data, money: s.money });
	const rows = viewRows(data.rows, s);
	const { rows: pageRows, ...paging } = pageOf(rows, page.data);
	// Only the fields the page prints, charts or links: the rows are sent twice (HTML and data),
	// so the table's a page at a time and the chart's points with their two figures only.
	const slim = (fields: (keyof CompareRow)[]) => (r: CompareRow) =>
		Object.fromEntries(fields.map((f) => [f, r[f]])) as Partial<CompareRow> &
			Pick<CompareRow, 'code' | 'name'>;
	const tableFields = [...new Set<keyof CompareRow>(['code', 'name', 'ledAward', ...s.cols])];
	const pointFields = [
		...new Set<keyof CompareRow>(['code', 'name', 'tierGroup', 'ledAward', s.x, s.y])
	];
	const byGss = new Map(data.rows.filter((r) => r.gssCode).map((r) => [r.gssCode!, r]));
	const hexes = loadHexes();
	const cells = hexes.map((h) => {
		const r = byGss.get(h.gssCode);
		return {
			...h,
			href: r ? `/authorities/${r.code}` : '/authorities',
			value: r ? (r[s.map] ?? null) : null,
			out: r ? !keepsRow(r, s) : false
		};
	});
	// The map's councils in the view: those its colour scale leaves out are counted beside it.
	const mapped = hexes.flatMap((h) => {
		const r = byGss.get(h.gssCode);
		return r && keepsRow(r, s) ? [r] : [];
	});
	const years = [
		...new Set(data.rows.flatMap((r) => (r.areaTargetYear ? [r.areaTargetYear] : [])))
	];
	return {
		state: s,
		retired: state.retired.map((k) => RETIRED_COLUMNS[k]!),
		money: data.money,
		notCounted: data.notCounted,
		mapLeftOut: leftOut(mapped, [s.map]),
		mapCouncils: mapped.length,
		measure: query.data.measure,
		measureLabel: data.measureLabel,
		releaseLabels: data.releaseLabels,
		otherGases: data.otherGases,
		total: data.rows.length,
		rows: pageRows.map(slim(tableFields)),
		paging,
		points: packRows(rows, pointFields),
		cells: packRows(cells, ['gssCode', 'name', 'q', 'r', 'href', 'value', 'out']),
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
