import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { loadHexes } from '$lib/server/hexmap';
import { METRIC_EXPLANATIONS, SHARE_METHOD, SHORT_WINDOW_DAYS } from '$lib/server/metrics/funding';
import { getNationalFunding } from '$lib/server/queries/national-funding';
import { listAwardYears } from '$lib/server/queries/funding-facts';
import type { PageServerLoad } from './$types';

const MAP_METRICS = [
	'perHeadGbp',
	'estimatedPerHeadGbp',
	'effectivePots',
	'competitiveShare',
	'totalGbp'
] as const;

const QuerySchema = z.object({
	metric: z.enum(MAP_METRICS).catch('perHeadGbp'),
	year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = ({ url }) => {
	const { metric, year } = QuerySchema.parse({
		metric: url.searchParams.get('metric') ?? undefined,
		year: url.searchParams.get('year') || undefined
	});
	const { sqlite } = getDatabase();
	const years = listAwardYears(sqlite);
	const chosenYear = year !== undefined && years.includes(year) ? year : null;
	return {
		national: getNationalFunding(sqlite, chosenYear),
		year: chosenYear,
		years,
		metric,
		hexes: loadHexes(),
		explanations: METRIC_EXPLANATIONS,
		shareMethod: SHARE_METHOD,
		shortDays: SHORT_WINDOW_DAYS
	};
};
