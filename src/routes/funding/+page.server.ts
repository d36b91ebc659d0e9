import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { loadHexes } from '$lib/server/hexmap';
import { METRIC_EXPLANATIONS, SHORT_WINDOW_DAYS } from '$lib/server/metrics/funding';
import { getNationalFunding } from '$lib/server/queries/national-funding';
import type { PageServerLoad } from './$types';

const MAP_METRICS = ['perHeadGbp', 'effectivePots', 'competitiveShare', 'totalGbp'] as const;

const QuerySchema = z.object({ metric: z.enum(MAP_METRICS).catch('perHeadGbp') });

export const load: PageServerLoad = ({ url }) => {
	const { metric } = QuerySchema.parse({ metric: url.searchParams.get('metric') ?? undefined });
	const national = getNationalFunding(getDatabase().sqlite);
	return {
		national,
		metric,
		hexes: loadHexes(),
		explanations: METRIC_EXPLANATIONS,
		shortDays: SHORT_WINDOW_DAYS
	};
};
