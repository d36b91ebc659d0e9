import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { csvResponse, toCsv } from '$lib/csv';
import { SHARE_METHOD } from '$lib/server/metrics/funding';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getAuthorityMetrics } from '$lib/server/queries/authority-funding';
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
	const { authority, year, format } = q.data;
	if (authority) {
		const code = findAuthorityCode(authority);
		if (!code) return json({ error: `No council has the code "${authority}".` }, { status: 404 });
		const m = getAuthorityMetrics(code, { year: year ?? null });
		const metrics = m.fragmentation;
		const body = {
			authority: code,
			year: year ?? null,
			population: m.population,
			source: 'published awards (partial lists) and imports',
			estimatedShareMethod: SHARE_METHOD,
			metrics,
			bids: { ...m.outcomes, dayRateGbp: m.dayRateGbp, isSample: m.bidsAreSample }
		};
		if (format === 'csv')
			return csv(`funding-metrics-${code}.csv`, Object.keys(metrics), [
				Object.values(metrics) as (number | null)[]
			]);
		return json(body);
	}
	const national = getNationalFunding(year ?? null);
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
			'partnerAwards',
			'estimatedGbp',
			'estimatedPerHeadGbp'
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
		estimatedShareMethod: SHARE_METHOD,
		perHead: {
			// Over councils with a published award only: a council with none is missing data.
			gini: national.perHead.gini,
			councils: national.perHead.withAwards,
			measure: '£ per head of awards led, district and single-tier councils that led one',
			estimatedGini: national.perHead.estimatedGini,
			estimatedCouncils: national.perHead.withAnyAward
		},
		authorities: rows
	});
};

function csv(name: string, columns: readonly string[], rows: (string | number | null)[][]) {
	return csvResponse(toCsv(columns, rows), name);
}
