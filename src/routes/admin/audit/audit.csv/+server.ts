import { error } from '@sveltejs/kit';
import { csvResponse, toCsv } from '$lib/csv';
import { accountsDb } from '$lib/server/accounts/accounts-db';
import { listAudit } from '$lib/server/accounts/audit';
import { requireAdmin } from '$lib/server/accounts/guard';
import type { RequestHandler } from './$types';

/** GET /admin/audit/audit.csv: the whole trail, formula-safe, for admins only. */
export const GET: RequestHandler = ({ locals }) => {
	const refused = requireAdmin(locals.viewer);
	if (refused) error(locals.viewer.role === 'public' ? 401 : 403, refused);
	const rows = listAudit(accountsDb().db, 1_000_000).map((e) => [
		e.id,
		e.at,
		e.actor,
		e.action,
		e.batchId,
		e.summary,
		e.before === null ? '' : JSON.stringify(e.before),
		e.after === null ? '' : JSON.stringify(e.after)
	]);
	const columns = ['id', 'at', 'actor', 'action', 'batch_id', 'summary', 'before', 'after'];
	return csvResponse(toCsv(columns, rows), 'audit-log.csv');
};
