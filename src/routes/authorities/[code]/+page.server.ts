import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { countsIn, MONEY_SCOPES, SHARE_METHOD } from '$lib/server/metrics/funding';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getAuthorityProfile } from '$lib/server/queries/authority-profile';
import { listCouncilPartners } from '$lib/server/queries/partnerships';
import { SIMILARITY_METHOD } from '$lib/server/metrics/similarity-explanations';
import { getSimilarCouncils } from '$lib/server/queries/similar-councils';
import type { PageServerLoad } from './$types';

const CodeSchema = z.string().trim().min(2).max(12);

export const load: PageServerLoad = ({ params, url }) => {
	const parsed = CodeSchema.safeParse(params.code);
	const code = parsed.success ? findAuthorityCode(parsed.data) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	// One address per council: GSS codes and lower case redirect to the 3-letter code.
	if (code !== params.code) redirect(308, `/authorities/${code}${url.search}`);
	// Which money the funding section counts, as on the funding pages: net-zero unless money=all.
	const money = z
		.enum(MONEY_SCOPES)
		.catch('net-zero')
		.parse(url.searchParams.get('money') ?? undefined);
	const profile = getAuthorityProfile(code, undefined, money);
	if (!profile) error(404, `No council has the code "${params.code}".`);
	return {
		...profile,
		money,
		/** The awards of the money counted, and the rest, set beside them (never mixed in). */
		awards: profile.awards.filter((a) => countsIn(a.purpose, money)),
		awardsNotCounted: profile.awards.filter((a) => !countsIn(a.purpose, money)),
		shareMethod: SHARE_METHOD,
		partners: listCouncilPartners(code),
		similar: getSimilarCouncils(code),
		similarMethod: SIMILARITY_METHOD
	};
};
