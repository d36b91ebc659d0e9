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

// Nothing on this page needs JavaScript (the filters are a GET form): rendered on the server
// only, the list is not sent a second time as hydration data (half the page's weight).
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	const filter = FilterSchema.parse(Object.fromEntries(url.searchParams));
	const clean = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v || null]));
	return {
		filter,
		options: listAuthorityFilterOptions(),
		...searchAuthorities(clean)
	};
};
