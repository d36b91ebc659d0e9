import { error } from '@sveltejs/kit';
import { readPage } from '$lib/page-param';
import { pageOf, type Paged } from '$lib/paging';
import { filterRows, progressFilter } from '$lib/progress-filter';
import { progressQuery } from '$lib/progress-query';
import { loadHexes } from '$lib/server/hexmap';
import { progressExplanations } from '$lib/server/metrics/progress-explanations';
import { progressMapCells } from '$lib/server/metrics/national-progress';
import { listAuthorityTypes } from '$lib/server/queries/authorities';
import {
	COUNCIL_OPERATIONS_NOTE,
	getNationalProgress,
	type CouncilProgressRow
} from '$lib/server/queries/national-progress';
import { listDatasets } from '$lib/server/queries/sources';
import { mostImproved } from '$lib/server/queries/year-on-year';
import type { PageServerLoad } from './$types';

const tableRow = (r: CouncilProgressRow) => ({
	code: r.code,
	name: r.name,
	typeName: r.typeName,
	nation: r.nation,
	targetYear: r.targetYear,
	status: r.status,
	reason: r.status === 'none' ? r.reason : null,
	latestYear: r.latestYear,
	latestKt: r.latestKt === null ? null : Math.round(r.latestKt * 10) / 10,
	unit: r.unit,
	projection: r.projection,
	summedFrom: r.summedFrom
});

function paged<T extends CouncilProgressRow>({ rows, ...paging }: Paged<T>) {
	return { rows: rows.map(tableRow), paging };
}

export const load: PageServerLoad = ({ url }) => {
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const filter = progressFilter(url.searchParams);
	if (!filter.success) error(400, filter.message);
	const page = readPage(url.searchParams);
	if (!page.success) error(400, page.message);
	const { rows, ...national } = getNationalProgress(query.data);
	const explanations = progressExplanations(query.data.windowYears);
	return {
		...national,
		filter: filter.data,
		// Only what the table prints, a page at a time: the rows are sent twice (as HTML and as
		// hydration data), and every council's is 500 KB.
		...paged(pageOf(filterRows(rows, filter.data), page.data)),
		totalRows: rows.length,
		cells: progressMapCells(loadHexes(), rows),
		nations: [...new Set(rows.map((r) => r.nation))].sort(),
		types: listAuthorityTypes(),
		rule: {
			status: explanations.status,
			trend: explanations.trend,
			projection: explanations.projection,
			upperTiers: explanations.upperTiers
		},
		councilOperationsNote: COUNCIL_OPERATIONS_NOTE,
		improved: mostImproved(query.data.measure),
		commitments: listDatasets().find((d) => d.key === 'la-climate-commitments') ?? null
	};
};
