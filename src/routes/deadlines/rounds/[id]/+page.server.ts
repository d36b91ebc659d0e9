import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireAdminPage } from '$lib/server/accounts/page-access';
import { roundFields, roundValues } from '$lib/server/forms/round-form';
import { saveRound } from '$lib/server/forms/save-round';
import { getCompetition } from '$lib/server/queries/competitions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdminPage(locals.viewer, url);
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const round = id.success ? getCompetition(id.data) : null;
	if (!round) error(404, `There is no funding round ${params.id}.`);
	return { round, fields: roundFields(roundValues(round), [], true) };
};

export const actions: Actions = {
	default: ({ request, locals }) => saveRound(request, locals.viewer, true)
};
