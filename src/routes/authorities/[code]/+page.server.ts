import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { SHARE_METHOD } from '$lib/server/metrics/funding';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getAuthorityProfile } from '$lib/server/queries/authority-profile';
import { listCouncilPartners } from '$lib/server/queries/partnerships';
import { SIMILARITY_METHOD } from '$lib/server/metrics/similarity-explanations';
import { getSimilarCouncils } from '$lib/server/queries/similar-councils';
import type { PageServerLoad } from './$types';

const CodeSchema = z.string().trim().min(2).max(12);

export const load: PageServerLoad = ({ params }) => {
	const parsed = CodeSchema.safeParse(params.code);
	const code = parsed.success ? findAuthorityCode(parsed.data) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	// One address per council: GSS codes and lower case redirect to the 3-letter code.
	if (code !== params.code) redirect(308, `/authorities/${code}`);
	const profile = getAuthorityProfile(code);
	if (!profile) error(404, `No council has the code "${params.code}".`);
	return {
		...profile,
		shareMethod: SHARE_METHOD,
		partners: listCouncilPartners(code),
		similar: getSimilarCouncils(code),
		similarMethod: SIMILARITY_METHOD
	};
};
