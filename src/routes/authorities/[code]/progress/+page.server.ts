import { error, fail, redirect } from '@sveltejs/kit';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { actorOf } from '$lib/server/accounts/users';
import { canRecordFor } from '$lib/server/accounts/viewer';
import { serverToday } from '$lib/server/queries/competitions';
import { progressQuery } from '$lib/progress-query';
import { calculatedColour, SCOPE_WORDS } from '$lib/progress-text';
import { findAuthorityCode, getAuthority } from '$lib/server/queries/authorities';
import { getCouncilProgress } from '$lib/server/queries/council-progress';
import { progressExplanations } from '$lib/server/metrics/progress-explanations';
import { YEAR_ON_YEAR_RULE } from '$lib/server/metrics/year-on-year';
import { getPeerYearOnYear } from '$lib/server/queries/year-on-year';
import { recordStatusOverride, StatusOverrideForm } from '$lib/server/records/status-overrides';
import type { Actions, PageServerLoad } from './$types';

function councilCode(param: string) {
	const code = param.length <= 12 ? findAuthorityCode(param) : null;
	if (!code) error(404, `No council has the code "${param}".`);
	return code;
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const code = councilCode(params.code);
	if (code !== params.code) redirect(308, `/authorities/${code}/progress${url.search}`);
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const today = serverToday();
	return {
		authority: getAuthority(code)!,
		query: query.data,
		today,
		progress: getCouncilProgress(code, { ...query.data, today, viewer: locals.viewer }),
		explanations: progressExplanations(query.data.windowYears),
		peers: getPeerYearOnYear(code, query.data.measure),
		yearOnYearRule: YEAR_ON_YEAR_RULE,
		canRecord: canRecordFor(locals.viewer, code)
	};
};

export const actions: Actions = {
	/** An officer sets a target's status, or withdraws an override, with a reason. */
	override: async ({ params, request, locals }) => {
		const code = councilCode(params.code);
		const fields = Object.fromEntries(await request.formData());
		// Named in every answer, so the page shows the message under the form it is about.
		const forTarget = Number(fields.targetId) || null;
		if (!canRecordFor(locals.viewer, code))
			return fail(403, {
				targetId: forTarget,
				message: `Only ${code}'s officers and admins can override its statuses.`
			});
		const form = StatusOverrideForm.safeParse(fields);
		if (!form.success)
			return fail(400, { targetId: forTarget, message: form.error.issues[0]!.message });
		const { targetId, measure, reason } = form.data;
		const progress = getCouncilProgress(code, {
			measure: measure === 'council_reported' ? undefined : measure,
			today: serverToday(),
			viewer: locals.viewer
		});
		const target = progress.targets.find((t) => t.row.id === targetId && t.measure === measure);
		if (!target)
			return fail(400, {
				targetId,
				message: `Target ${targetId} is not one of ${code}'s targets judged on the ${measure.replaceAll('_', ' ')} measure.`
			});
		const colour = form.data.colour === 'calculated' ? null : form.data.colour;
		if (!colour && !target.override)
			return fail(400, {
				targetId,
				message: 'This status is not overridden: there is nothing to withdraw.'
			});
		const label = `${SCOPE_WORDS[target.row.scope] ?? target.row.scope}, net zero by ${target.row.targetYear ?? 'no year'}`;
		await whenFree(() =>
			recordStatusOverride(
				accountsDb().db,
				{
					authorityCode: code,
					scope: target.row.scope,
					targetYear: target.row.targetYear,
					targetId,
					targetLabel: label,
					measure,
					colour,
					calculatedColour: calculatedColour(target.progress),
					reason
				},
				actorOf(locals.viewer)
			)
		);
		return {
			targetId,
			message: colour
				? `Status of the ${label} target set; the calculated status is still shown beside it.`
				: `Override withdrawn: the ${label} target shows its calculated status again.`
		};
	}
};
