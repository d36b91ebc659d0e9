import { getDatabase } from '$lib/server/db';
import { listImportBatches } from '$lib/server/queries/imports';
import { undoAction } from './undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ batches: listImportBatches(getDatabase().sqlite) });

export const actions: Actions = { undo: undoAction };
