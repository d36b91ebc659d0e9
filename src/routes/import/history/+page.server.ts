import { listImportBatches } from '$lib/server/queries/imports';
import { undoAction } from './undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	batches: listImportBatches(locals.viewer),
	canUndo: locals.viewer.role === 'admin'
});

export const actions: Actions = { undo: undoAction };
