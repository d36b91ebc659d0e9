import { error, redirect } from '@sveltejs/kit';
import { findAuthorityCode, getAuthority } from '$lib/server/queries/authorities';
import { SIMILARITY_METHOD } from '$lib/server/metrics/similarity-explanations';
import { getSimilarCouncils } from '$lib/server/queries/similar-councils';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	if (code !== params.code) redirect(308, `/authorities/${code}/similar`);
	return {
		authority: getAuthority(code)!,
		similar: getSimilarCouncils(code),
		method: SIMILARITY_METHOD
	};
};
