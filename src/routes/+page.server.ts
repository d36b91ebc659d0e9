import { getDatabase } from '$lib/server/db';
import { getNationalOverview } from '$lib/server/queries/national';
import { listDatasets } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { sqlite } = getDatabase();
	return { overview: getNationalOverview(sqlite), datasets: listDatasets(sqlite) };
};
