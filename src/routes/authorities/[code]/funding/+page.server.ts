import { error, redirect } from '@sveltejs/kit';
import { findAuthorityCode, getAuthority } from '$lib/server/queries/authorities';
import { getAuthorityFunding } from '$lib/server/queries/authority-funding';
import { METRIC_EXPLANATIONS, SHARE_METHOD } from '$lib/server/metrics/funding';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	if (code !== params.code) redirect(308, `/authorities/${code}/funding`);
	const authority = getAuthority(code)!;
	return {
		authority,
		funding: getAuthorityFunding(code, { viewer: locals.viewer }),
		explanations: METRIC_EXPLANATIONS,
		shareMethod: SHARE_METHOD
	};
};
