import { z } from 'zod';
import { awardSizeTable, ROUNDS_DRAWN_ONE_BY_ONE, windowBands } from '$lib/charts/funding-config';
import { loadHexes } from '$lib/server/hexmap';
import {
	METRIC_EXPLANATIONS,
	MONEY_SCOPES,
	SHARE_METHOD,
	SHORT_WINDOW_DAYS
} from '$lib/server/metrics/funding';
import {
	fundingMapCells,
	MAP_METRICS,
	rankByFragmentation,
	rankingRule
} from '$lib/server/metrics/funding-map';
import { getNationalFunding } from '$lib/server/queries/national-funding';
import { listAwardYears } from '$lib/server/queries/funding-facts';
import type { PageServerLoad } from './$types';

const QuerySchema = z.object({
	metric: z.enum(MAP_METRICS).catch('perHeadGbp'),
	year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
	money: z.enum(MONEY_SCOPES).catch('net-zero')
});

export const load: PageServerLoad = ({ url }) => {
	const { metric, year, money } = QuerySchema.parse({
		metric: url.searchParams.get('metric') ?? undefined,
		year: url.searchParams.get('year') || undefined,
		money: url.searchParams.get('money') ?? undefined
	});
	const years = listAwardYears();
	const chosenYear = year !== undefined && years.includes(year) ? year : null;
	// Every council's figures stay on the server: the page shows the map's one figure and the
	// ranking (all of them are in the CSV and the API).
	const { authorities, awardAmounts, windows, ...national } = getNationalFunding(
		chosenYear,
		undefined,
		money
	);
	const fragmented = rankByFragmentation(authorities);
	return {
		national: {
			...national,
			// Counted here, not sent as every award and round: 35,000 awards and 20,000 rounds at
			// national scale made this page 8 MB.
			awardSizes: awardSizeTable(awardAmounts),
			windowChart:
				windows.length <= ROUNDS_DRAWN_ONE_BY_ONE
					? { kind: 'rounds' as const, rounds: windows }
					: { kind: 'bands' as const, bands: windowBands(windows, SHORT_WINDOW_DAYS) }
		},
		money,
		year: chosenYear,
		years,
		metric,
		cells: fundingMapCells(loadHexes(), authorities, metric),
		fragmented,
		fragmentedRule: rankingRule(fragmented.length, chosenYear),
		explanations: METRIC_EXPLANATIONS,
		shareMethod: SHARE_METHOD,
		shortDays: SHORT_WINDOW_DAYS
	};
};
