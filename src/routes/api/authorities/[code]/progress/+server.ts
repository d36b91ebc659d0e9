import { json } from '@sveltejs/kit';
import { serverToday } from '$lib/server/queries/competitions';
import { progressQuery } from '$lib/progress-query';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getCouncilProgress } from '$lib/server/queries/council-progress';
import { getPeerYearOnYear } from '$lib/server/queries/year-on-year';
import { CouncilProgressResponse } from '$lib/server/api/progress-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { TargetScope } from '$lib/server/metrics/target-progress';
import type { RequestHandler } from './$types';

/**
 * GET /api/authorities/[code]/progress?measure=territorial|scope_of_influence&window=3..10:
 * each target's progress figures (the same the progress page prints), the council's year-on-year
 * change among its similar councils, and the action plan's counts.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) return json({ error: `No council has the code "${params.code}".` }, { status: 404 });
	const query = progressQuery(url.searchParams);
	if (!query.success) {
		return json({ error: 'invalid query', issues: query.message.split('; ') }, { status: 400 });
	}
	const today = serverToday();
	const p = getCouncilProgress(code, { ...query.data, today, viewer: locals.viewer });
	return json({
		authority: code,
		today,
		measure: p.areaMeasure,
		windowYears: query.data.windowYears,
		targets: p.targets.map((t) => ({
			// getCouncilProgress keeps the two scopes progress is measured for.
			scope: t.row.scope as TargetScope,
			targetYear: t.row.targetYear,
			wording: t.row.wording,
			series: t.series && {
				measure: t.series.measure,
				unit: t.series.unit,
				release: t.series.releaseLabel,
				points: t.series.points,
				otherGases: t.series.otherGases
			},
			progress: t.progress,
			carbonBudget: t.carbonBudget,
			// An officer's override, with its reason; `progress.status` stays the calculated one.
			// One in force always has a colour (a withdrawal is not in force).
			statusOverride: t.override?.colour
				? {
						colour: t.override.colour,
						calculatedColourWhenSet: t.override.calculatedColour,
						reason: t.override.reason,
						by: t.override.by,
						at: t.override.at
					}
				: null
		})),
		yearOnYearAmongPeers: getPeerYearOnYear(code, p.areaMeasure),
		actions: {
			counts: p.actions.counts,
			byStatus: p.actions.byStatus,
			bySector: p.actions.bySector
		}
	} satisfies Body<typeof CouncilProgressResponse>);
};
