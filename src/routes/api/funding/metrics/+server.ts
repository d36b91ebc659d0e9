import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { csvResponse, toCsv } from '$lib/csv';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import {
	getAuthorityFundingMetrics,
	getNationalFundingMetrics,
	NATIONAL_CSV_COLUMNS
} from '$lib/server/queries/funding-metrics';
import { CouncilFundingResponse, NationalFundingResponse } from '$lib/server/api/funding-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const QuerySchema = z.object({
	authority: z.string().trim().max(12).optional(),
	year: z.coerce.number().int().min(1990).max(2100).optional(),
	format: z.enum(['json', 'csv']).default('json')
});

/**
 * GET /api/funding/metrics?authority=&year=&format=json|csv
 * With an authority: its fragmentation figures (published awards only) and bid outcomes (flagged
 * when sample); without: every current council's figures and the national ones.
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const q = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success)
		return json(
			{
				error: 'invalid query',
				issues: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
			},
			{ status: 400 }
		);
	const { authority, year = null, format } = q.data;
	if (authority) {
		const code = findAuthorityCode(authority);
		if (!code) return json({ error: `No council has the code "${authority}".` }, { status: 404 });
		const body = getAuthorityFundingMetrics(code, year, undefined, locals.viewer);
		if (format === 'csv')
			return csv(`funding-metrics-${code}.csv`, Object.keys(body.metrics), [
				Object.values(body.metrics) as (number | null)[]
			]);
		return json(body satisfies Body<typeof CouncilFundingResponse>);
	}
	const body = getNationalFundingMetrics(year);
	if (format === 'csv') {
		return csv(
			'funding-metrics.csv',
			NATIONAL_CSV_COLUMNS,
			body.authorities.map((r) => NATIONAL_CSV_COLUMNS.map((c) => r[c] as string | number | null))
		);
	}
	return json(body satisfies Body<typeof NationalFundingResponse>);
};

function csv(name: string, columns: readonly string[], rows: (string | number | null)[][]) {
	return csvResponse(toCsv(columns, rows), name);
}
