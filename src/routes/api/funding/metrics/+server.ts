import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { readConfig } from '$lib/server/config';
import { getDatabase } from '$lib/server/db';
import { csvResponse, toCsv } from '$lib/csv';
import { bidOutcomes, fragmentation } from '$lib/server/metrics/funding';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import {
	listAuthorityPopulations,
	listAwardFacts,
	listBidFacts
} from '$lib/server/queries/funding-facts';
import { getNationalFunding } from '$lib/server/queries/national-funding';
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
export const GET: RequestHandler = ({ url }) => {
	const q = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success)
		return json(
			{
				error: 'invalid query',
				issues: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
			},
			{ status: 400 }
		);
	const { sqlite } = getDatabase();
	const { authority, year, format } = q.data;
	if (authority) {
		const code = findAuthorityCode(sqlite, authority);
		if (!code) return json({ error: `No council has the code "${authority}".` }, { status: 404 });
		const population =
			listAuthorityPopulations(sqlite).find((p) => p.code === code)?.population ?? null;
		const metrics = fragmentation(listAwardFacts(sqlite, { authority: code, year }), population);
		const bids = listBidFacts(sqlite, code).filter((b) => year === undefined || b.year === year);
		const body = {
			authority: code,
			year: year ?? null,
			population,
			source: 'published awards (partial lists) and imports',
			metrics,
			bids: {
				...bidOutcomes(bids, readConfig().BID_DAY_RATE_GBP),
				isSample: bids.some((b) => b.isSample)
			}
		};
		if (format === 'csv')
			return csv(`funding-metrics-${code}.csv`, Object.keys(metrics), [
				Object.values(metrics) as (number | null)[]
			]);
		return json(body);
	}
	const national = getNationalFunding(sqlite, year ?? null);
	const rows = national.authorities;
	if (format === 'csv') {
		const cols = [
			'code',
			'gssCode',
			'name',
			'typeName',
			'tier',
			'awards',
			'potsWon',
			'funders',
			'totalGbp',
			'perHeadGbp',
			'medianAwardGbp',
			'competitiveShare',
			'hhi',
			'effectivePots',
			'shareUnder1m',
			'consortiumShare',
			'partnerAwards'
		] as const;
		return csv(
			'funding-metrics.csv',
			cols,
			rows.map((r) => cols.map((c) => r[c] as string | number | null))
		);
	}
	return json({
		year: year ?? null,
		source: 'published awards (partial lists) and imports; sample data excluded',
		national: national.national,
		windows: national.windowSummary,
		churn: national.churn,
		perHead: { gini: national.perHead.gini, councils: national.perHead.councils },
		authorities: rows
	});
};

function csv(name: string, columns: readonly string[], rows: (string | number | null)[][]) {
	return csvResponse(toCsv(columns, rows), name);
}
