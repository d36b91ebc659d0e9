import { json } from '@sveltejs/kit';
import { RETIRED_COLUMNS, readCompareState, viewRows } from '$lib/compare/state';
import { csvColumns, downloadFields, pickFields } from '$lib/compare/download';
import { csvFrom, csvResponse } from '$lib/csv';
import { progressQuery } from '$lib/progress-query';
import { getCompareRows } from '$lib/server/queries/compare';
import { CompareResponse } from '$lib/server/api/compare-import-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const badRequest = (message: string) =>
	json({ error: 'invalid query', issues: message.split('; ') }, { status: 400 });

const COMPARE_LICENCE =
	'Emissions: DESNZ (Open Government Licence v3.0); targets and declarations: mySociety and Climate Emergency UK (CC BY 4.0); awards: the publishers named on /sources. See /sources.';

/**
 * GET /api/compare?nation=&region=&type=&target=&status=&q=&cols=&sort=&dir=&money=&measure=&format=json|csv
 * The rows of /compare, filtered, sorted and with the columns chosen there; funding columns count
 * net-zero money unless money=all.
 */
export const GET: RequestHandler = ({ url }) => {
	const query = progressQuery(url.searchParams);
	if (!query.success) return badRequest(query.message);
	const state = readCompareState(url.searchParams);
	if (!state.success) return badRequest(state.message);
	// A program asking for a column that is gone is told why, not quietly given less.
	if (state.retired.length) {
		return badRequest(state.retired.map((k) => `cols: "${k}": ${RETIRED_COLUMNS[k]}`).join('; '));
	}
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv') {
		return badRequest(`format: expected "json" or "csv", got "${format}"`);
	}
	const data = getCompareRows({ ...query.data, money: state.data.money });
	const rows = viewRows(data.rows, state.data);
	const fields = downloadFields(state.data.cols);
	if (format === 'csv') {
		return csvResponse(
			csvFrom(csvColumns(fields, data.money), rows),
			`compare-councils-${data.measure}-${data.money}-money.csv`
		);
	}
	return json({
		version: 1,
		measure: data.measure,
		measureLabel: data.measureLabel,
		releaseLabels: data.releaseLabels,
		otherGases: data.otherGases,
		money: data.money,
		notCounted: data.notCounted,
		filter: state.data,
		fields,
		count: rows.length,
		total: data.rows.length,
		rows: pickFields(rows, fields),
		licence: COMPARE_LICENCE
	} satisfies Body<typeof CompareResponse>);
};
