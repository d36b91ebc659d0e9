import { getDatabase } from '$lib/server/db';
import { listDatasets, listImports } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { sqlite } = getDatabase();
	return { datasets: listDatasets(sqlite), imports: listImports(sqlite) };
};
