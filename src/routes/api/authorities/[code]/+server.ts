import { json } from '@sveltejs/kit';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getAuthorityProfile } from '$lib/server/queries/authority-profile';
import { AuthorityProfileResponse } from '$lib/server/api/authority-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

/** GET /api/authorities/[code]: one authority (3-letter or GSS code) with targets, emissions and awards. */
export const GET: RequestHandler = ({ params }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	const profile = code ? getAuthorityProfile(code) : null;
	if (!profile)
		return json({ error: `No council has the code "${params.code}".` }, { status: 404 });
	const { authority, targets, declaration, plans, emissions, awards, participations } = profile;
	return json({
		authority,
		// The row id is the database's own, not part of the published record.
		targets: targets.map(({ id: _id, ...t }) => t),
		declaration,
		plans,
		emissions: emissions.map((e) => ({
			measure: e.measure,
			measureLabel: e.measureLabel,
			unit: e.unit,
			release: {
				label: e.release.label,
				releaseDate: e.release.releaseDate,
				yearFrom: e.release.yearFrom,
				yearTo: e.release.yearTo
			},
			isAggregate: e.isAggregate,
			byYear: e.byYear.map((y) => ({
				year: y.year,
				totalKt: round(y.totalKt),
				sectors: Object.fromEntries(Object.entries(y.sectors).map(([k, v]) => [k, round(v)]))
			}))
		})),
		awards,
		participations
	} satisfies Body<typeof AuthorityProfileResponse>);
};

const round = (n: number) => Math.round(n * 1000) / 1000;
