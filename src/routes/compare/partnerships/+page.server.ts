import { error } from '@sveltejs/kit';
import { partnershipQuery } from '$lib/partnerships-query';
import { partnersOf } from '$lib/server/metrics/partnership-network';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getPartnerships } from '$lib/server/queries/partnerships';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const q = partnershipQuery(url.searchParams);
	if (!q.success) error(400, q.message);
	const { scheme = null, year = null, sort, money } = q.data;
	const council = q.data.council ? findAuthorityCode(q.data.council) : null;
	const councilProblem =
		q.data.council && !council ? `No council has the code "${q.data.council}".` : null;
	const partnerships = getPartnerships({ scheme, year, council, money });
	return {
		money,
		filter: { scheme, year, council, councilInput: q.data.council ?? '', sort, money },
		councilProblem,
		...partnerships,
		councilPartners: council ? partnersOf(partnerships.network, council) : []
	};
};
