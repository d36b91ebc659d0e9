import { getNationalOverview } from '$lib/server/queries/national';
import { getProgressHeadline } from '$lib/server/queries/national-progress';
import { listDatasets } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return {
		overview: getNationalOverview(),
		progress: getProgressHeadline(),
		datasets: listDatasets()
	};
};
