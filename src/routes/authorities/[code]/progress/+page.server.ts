import { error, redirect } from '@sveltejs/kit';
import { serverToday } from '$lib/server/queries/competitions';
import { progressQuery } from '$lib/progress-query';
import { findAuthorityCode, getAuthority } from '$lib/server/queries/authorities';
import { getCouncilProgress } from '$lib/server/queries/council-progress';
import { progressExplanations } from '$lib/server/metrics/progress-explanations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	if (code !== params.code) redirect(308, `/authorities/${code}/progress${url.search}`);
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const today = serverToday();
	return {
		authority: getAuthority(code)!,
		query: query.data,
		today,
		progress: getCouncilProgress(code, { ...query.data, today, viewer: locals.viewer }),
		explanations: progressExplanations(query.data.windowYears)
	};
};
