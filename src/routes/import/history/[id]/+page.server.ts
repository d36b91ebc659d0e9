import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { getImportBatch } from '$lib/server/queries/imports';
import { undoAction } from '../undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const batch = id.success ? getImportBatch(getDatabase().sqlite, id.data) : null;
	if (!batch) error(404, `There is no import ${params.id}.`);
	return { batch, justUndone: url.searchParams.has('undone') };
};

export const actions: Actions = { undo: undoAction };
