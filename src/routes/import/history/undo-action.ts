/**
 * The undo form action, shared by the history list and a batch's own page. The undo is a write
 * like any other: it waits its turn on the server's writer and runs off the request thread, so a
 * large undo (a whole emissions release) never freezes the pages.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { readConfig } from '$lib/server/config';
import { queueWrite } from '$lib/server/import/write-queue';
import { requireAdmin } from '$lib/server/accounts/guard';
import { actorOf } from '$lib/server/accounts/users';

const UndoSchema = z.object({ batchId: z.coerce.number().int().positive() });

/** Admins undo any import; officers import again instead (an undo can reach other councils' rows). */
export async function undoAction({ request, locals }: RequestEvent) {
	const refused = requireAdmin(locals.viewer);
	if (refused) return fail(locals.viewer.role === 'public' ? 401 : 403, { message: refused });
	const parsed = UndoSchema.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) return fail(400, { message: 'Which import? The form was incomplete.' });
	const { batchId } = parsed.data;
	const write = queueWrite(
		{ kind: 'undo', dbPath: readConfig().DATABASE_URL, batchId, actor: actorOf(locals.viewer) },
		`the undo of import ${batchId}`
	);
	const done = await write.done;
	if (done.kind !== 'undo') return fail(500, { message: 'The writer answered another task.' });
	if (!done.result.ok) return fail(409, { message: done.result.reason, batchId });
	redirect(303, `/import/history/${batchId}?undone=1`);
}
