import { listImportBatches } from '$lib/server/queries/imports';
import { undoAction } from './undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ batches: listImportBatches() });

export const actions: Actions = { undo: undoAction };
