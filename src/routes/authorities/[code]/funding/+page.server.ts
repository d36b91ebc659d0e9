import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { actorOf } from '$lib/server/accounts/users';
import { canRecordFor, canSeePrivate } from '$lib/server/accounts/viewer';
import { findAuthorityCode, getAuthority } from '$lib/server/queries/authorities';
import { getAuthorityFunding } from '$lib/server/queries/authority-funding';
import { listPartnerRequests } from '$lib/server/queries/partnership-answers';
import { METRIC_EXPLANATIONS, MONEY_SCOPES, SHARE_METHOD } from '$lib/server/metrics/funding';
import {
	PartnershipAnswerForm,
	recordPartnershipAnswer
} from '$lib/server/records/partnership-answers';
import type { Actions, PageServerLoad } from './$types';

function councilCode(param: string) {
	const code = param.length <= 12 ? findAuthorityCode(param) : null;
	if (!code) error(404, `No council has the code "${param}".`);
	return code;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	const code = councilCode(params.code);
	if (code !== params.code) redirect(308, `/authorities/${code}/funding${url.search}`);
	const money = z
		.enum(MONEY_SCOPES)
		.catch('net-zero')
		.parse(url.searchParams.get('money') ?? undefined);
	const canAnswer = canRecordFor(locals.viewer, code);
	return {
		authority: getAuthority(code)!,
		money,
		funding: getAuthorityFunding(code, { viewer: locals.viewer, money }),
		canSeeCosts: canSeePrivate(locals.viewer, code),
		canAnswer,
		partnerRequests: canAnswer ? listPartnerRequests(code, locals.viewer) : [],
		explanations: METRIC_EXPLANATIONS,
		shareMethod: SHARE_METHOD
	};
};

export const actions: Actions = {
	/** The council's officer accepts or declines being named a partner in another's bid. */
	partnership: async ({ params, request, locals }) => {
		const code = councilCode(params.code);
		if (!canRecordFor(locals.viewer, code))
			return fail(403, { message: `Only ${code}'s officers and admins can answer for it.` });
		const form = PartnershipAnswerForm.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: form.error.issues[0]!.message });
		const { lead, reference, answer } = form.data;
		const bid = listPartnerRequests(code, locals.viewer).find(
			(r) => r.lead === lead && r.reference === reference
		);
		if (!bid)
			return fail(404, { message: `No bid ${reference} of ${lead} names ${code} as a partner.` });
		await whenFree(() =>
			recordPartnershipAnswer(
				accountsDb().db,
				{
					leadAuthorityCode: lead,
					bidReference: reference,
					partnerAuthorityCode: code,
					answer,
					bidLabel: `${lead} bid ${reference}, ${bid.title}`,
					previous: bid.answer === 'waiting' ? null : bid.answer
				},
				actorOf(locals.viewer)
			)
		);
		return {
			message: `${answer === 'accepted' ? 'Accepted' : 'Declined'}: ${bid.leadName}’s bid “${bid.title}”.`
		};
	}
};
