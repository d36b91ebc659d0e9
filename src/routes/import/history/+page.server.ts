import { visibleImporter } from '$lib/server/accounts/private-fields';
import { listImportBatches } from '$lib/server/queries/imports';
import { undoAction } from './undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	batches: listImportBatches().map((b) => ({
		...b,
		importedBy: visibleImporter(b.importedBy, locals.viewer)
	})),
	canUndo: locals.viewer.role === 'admin'
});

export const actions: Actions = { undo: undoAction };
