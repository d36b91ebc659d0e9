import { requireAdminPage } from '$lib/server/accounts/page-access';
import { roundFields } from '$lib/server/forms/round-form';
import { saveRound } from '$lib/server/forms/save-round';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdminPage(locals.viewer, url);
	return { fields: roundFields({}) };
};

export const actions: Actions = {
	default: ({ request, locals }) => saveRound(request, locals.viewer, false)
};
