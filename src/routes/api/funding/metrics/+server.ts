import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { csvFrom, csvResponse } from '$lib/csv';
import { COUNCIL_FUNDING_CSV, NATIONAL_FUNDING_CSV } from '$lib/server/api/csv-columns';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import {
	getAuthorityFundingMetrics,
	getNationalFundingMetrics
} from '$lib/server/queries/funding-metrics';
import { CouncilFundingResponse, NationalFundingResponse } from '$lib/server/api/funding-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import { MONEY_SCOPES } from '$lib/server/metrics/funding';
import type { RequestHandler } from './$types';

const QuerySchema = z.object({
	authority: z.string().trim().max(12).optional(),
	year: z.coerce.number().int().min(1990).max(2100).optional(),
	money: z.enum(MONEY_SCOPES).default('net-zero'),
	format: z.enum(['json', 'csv']).default('json')
});

/**
 * GET /api/funding/metrics?authority=&year=&money=net-zero|all&format=json|csv
 * With an authority: its fragmentation figures (published awards only) and bid outcomes (flagged
 * when sample); without: every current council's figures and the national ones. Net-zero money
 * by default, with what the lists hold besides in `notCounted`; `money=all` counts all of it.
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
	const { authority, year = null, money, format } = q.data;
	if (authority) {
		const code = findAuthorityCode(authority);
		if (!code) return json({ error: `No council has the code "${authority}".` }, { status: 404 });
		const body = getAuthorityFundingMetrics(code, year, undefined, locals.viewer, money);
		if (format === 'csv') {
			const csv = csvFrom(COUNCIL_FUNDING_CSV, [{ code, ...body.metrics }]);
			return csvResponse(csv, `funding-metrics-${code}.csv`);
		}
		return json(body satisfies Body<typeof CouncilFundingResponse>);
	}
	const body = getNationalFundingMetrics(year, undefined, money);
	if (format === 'csv') {
		return csvResponse(csvFrom(NATIONAL_FUNDING_CSV, body.authorities), 'funding-metrics.csv');
	}
	return json(body satisfies Body<typeof NationalFundingResponse>);
};
