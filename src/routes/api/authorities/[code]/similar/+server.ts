import { json } from '@sveltejs/kit';
import { SIMILARITY_METHOD } from '$lib/server/metrics/similarity-explanations';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getSimilarCouncils, type SimilarityType } from '$lib/server/queries/similar-councils';
import { SimilarResponse } from '$lib/server/api/authority-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

/**
 * GET /api/authorities/[code]/similar: the council's similar councils of each type (emissions
 * profile, nearby, overall), all kept (up to 30), nearest first, with match scores, the method and
 * the releases they were computed from.
 */
export const GET: RequestHandler = ({ params }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) return json({ error: `No council has the code "${params.code}".` }, { status: 404 });
	const similar = getSimilarCouncils(code);
	const ofType = (type: SimilarityType) => ({
		label: SIMILARITY_METHOD.types[type].label,
		explanation: SIMILARITY_METHOD.types[type].explanation,
		excluded: similar.excluded[type] ?? null,
		peers: similar.peers[type].map((p) => ({
			rank: p.rank,
			code: p.code,
			name: p.name,
			type: p.authorityType,
			typeName: p.typeName,
			match: p.match,
			distance: Math.round(p.distance * 1e6) / 1e6,
			why: p.why
		}))
	});
	return json({
		authority: code,
		types: { emissions: ofType('emissions'), nearby: ofType('nearby'), overall: ofType('overall') },
		method: {
			summary: SIMILARITY_METHOD.summary,
			tiers: SIMILARITY_METHOD.tiers,
			kept: SIMILARITY_METHOD.kept,
			origin: SIMILARITY_METHOD.origin
		},
		basis: similar.basis,
		licence:
			'Data: mySociety (CC BY 4.0) from BEIS/DESNZ statistics (Open Government Licence v3.0). See /sources.'
	} satisfies Body<typeof SimilarResponse>);
};
