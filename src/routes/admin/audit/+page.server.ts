import { accountsDb } from '$lib/server/accounts/accounts-db';
import { listAudit } from '$lib/server/accounts/audit';
import { requireAdminPage } from '$lib/server/accounts/page-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdminPage(locals.viewer, url);
	return { entries: listAudit(accountsDb().db) };
};
