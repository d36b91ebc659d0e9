import { json } from '@sveltejs/kit';
import { csvFrom, csvResponse } from '$lib/csv';
import { progressCsvColumns } from '$lib/server/api/csv-columns';
import { filterRows, progressFilter } from '$lib/progress-filter';
import { progressQuery } from '$lib/progress-query';
import { getNationalProgress } from '$lib/server/queries/national-progress';
import { mostImproved } from '$lib/server/queries/year-on-year';
import { NationalProgressResponse } from '$lib/server/api/progress-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const badRequest = (message: string) =>
	json({ error: 'invalid query', issues: message.split('; ') }, { status: 400 });

/**
 * GET /api/progress?measure=&window=&nation=&type=&status=&format=json|csv
 * Every current council's whole-area targets judged on its current series (the rows of /progress,
 * filtered the same way), the national counts over all of them, and the most improved councils.
 */
export const GET: RequestHandler = ({ url }) => {
	const query = progressQuery(url.searchParams);
	if (!query.success) return badRequest(query.message);
	const filter = progressFilter(url.searchParams);
	if (!filter.success) return badRequest(filter.message);
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv') {
		return badRequest(`format: expected "json" or "csv", got "${format}"`);
	}
	const { rows, ...national } = getNationalProgress(query.data);
	const kept = filterRows(rows, filter.data);
	if (format === 'csv') {
		const measure = query.data.measure;
		return csvResponse(
			csvFrom(progressCsvColumns(national.measureLabel), kept),
			`net-zero-progress-${measure}-${query.data.windowYears}y.csv`
		);
	}
	return json({
		...national,
		mostImproved: mostImproved(query.data.measure),
		filter: filter.data,
		count: kept.length,
		rows: kept,
		licence:
			'Emissions: DESNZ (Open Government Licence v3.0); targets: mySociety and Climate Emergency UK (CC BY 4.0). See /sources.'
	} satisfies Body<typeof NationalProgressResponse>);
};
