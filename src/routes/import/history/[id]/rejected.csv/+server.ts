import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { csvResponse, toCsv } from '$lib/csv';
import { getImportBatch, getRejectedRows } from '$lib/server/queries/imports';
import type { RequestHandler } from './$types';

/**
 * The rows an import set aside, as read, plus their problems: fix them in Excel and re-import.
 * They are the file's own text, so they are shown only to whom the stored rows would be
 * (accounts/import-records.ts); everyone else sees their count on the import's page.
 */
export const GET: RequestHandler = ({ params, locals }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const batch = id.success ? getImportBatch(id.data, locals.viewer) : null;
	if (!id.success || !batch) error(404, 'No such import.');
	const setAside = getRejectedRows(id.data, locals.viewer);
	if (!setAside)
		error(
			locals.viewer.role === 'public' ? 401 : 403,
			'The rows an import set aside are shown to admins, to whoever imported the file and to officers of the council each row is for: sign in as one of them.'
		);
	if (!setAside.rows.length && !setAside.all && batch.rejectedRowsKept)
		error(403, 'None of the rows this import set aside is for a council of yours.');
	if (!setAside.rows.length) error(404, 'This import set no rows aside.');
	return csvResponse(
		toCsv(setAside.headers, setAside.rows),
		`import-${id.data}-rows-set-aside.csv`
	);
};
