import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getImportBatch } from '$lib/server/queries/imports';
import { listChangedCouncils } from '$lib/server/queries/import-councils';
import { undoAction } from '../undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const batch = id.success ? getImportBatch(id.data, locals.viewer) : null;
	if (!batch) error(404, `There is no import ${params.id}.`);
	return {
		batch,
		// Which councils an officer's file touched is that file's detail too (import-records.ts).
		councils: batch.detailWithheld ? null : listChangedCouncils(batch.id),
		justUndone: url.searchParams.has('undone'),
		canUndo: locals.viewer.role === 'admin'
	};
};

export const actions: Actions = { undo: undoAction };
