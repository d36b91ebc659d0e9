import { z } from 'zod';
import { listAuthorityFilterOptions } from '$lib/server/queries/authorities';
import { searchAuthorities } from '$lib/server/queries/authority-search';
import type { PageServerLoad } from './$types';

const FilterSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	nation: z.string().trim().max(60).optional().catch(undefined),
	region: z.string().trim().max(60).optional().catch(undefined),
	type: z.string().trim().max(10).optional().catch(undefined)
});

export const load: PageServerLoad = ({ url }) => {
	const filter = FilterSchema.parse(Object.fromEntries(url.searchParams));
	const clean = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v || null]));
	return {
		filter,
		options: listAuthorityFilterOptions(),
		...searchAuthorities(clean)
	};
};
