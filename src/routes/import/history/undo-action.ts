/**
 * The undo form action, shared by the history list and a batch's own page. It runs on the
 * importer's connection path via the main handle: undo is one short synchronous transaction.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { undoImport } from '$lib/server/import/undo-import';

const UndoSchema = z.object({ batchId: z.coerce.number().int().positive() });

export async function undoAction({ request }: RequestEvent) {
	const parsed = UndoSchema.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) return fail(400, { message: 'Which import? The form was incomplete.' });
	const result = undoImport(getDatabase(), parsed.data.batchId);
	if (!result.ok) return fail(409, { message: result.reason, batchId: parsed.data.batchId });
	redirect(303, `/import/history/${result.batchId}?undone=1`);
}
