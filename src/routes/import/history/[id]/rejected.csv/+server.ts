import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { csvResponse, toCsv } from '$lib/csv';
import { getRejectedRows } from '$lib/server/queries/imports';
import type { RequestHandler } from './$types';

/** The rows an import set aside, as read, plus their problems: fix them in Excel and re-import. */
export const GET: RequestHandler = ({ params }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	if (!id.success) error(404, 'No such import.');
	const { headers, rows } = getRejectedRows(id.data);
	if (!rows.length) error(404, 'This import set no rows aside.');
	return csvResponse(toCsv(headers, rows), `import-${id.data}-rows-set-aside.csv`);
};
