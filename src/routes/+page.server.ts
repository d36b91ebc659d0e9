import { getNationalOverview } from '$lib/server/queries/national';
import { listDatasets } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return { overview: getNationalOverview(), datasets: listDatasets() };
};
