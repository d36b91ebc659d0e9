import { listDatasets, listImports } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return { datasets: listDatasets(), imports: listImports() };
};
