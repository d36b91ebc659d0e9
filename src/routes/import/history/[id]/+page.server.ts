import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { visibleImporter } from '$lib/server/accounts/private-fields';
import { getImportBatch } from '$lib/server/queries/imports';
import { listChangedCouncils } from '$lib/server/queries/import-councils';
import { undoAction } from '../undo-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const batch = id.success ? getImportBatch(id.data) : null;
	if (!batch) error(404, `There is no import ${params.id}.`);
	return {
		batch: { ...batch, importedBy: visibleImporter(batch.importedBy, locals.viewer) },
		councils: listChangedCouncils(batch.id),
		justUndone: url.searchParams.has('undone'),
		canUndo: locals.viewer.role === 'admin'
	};
};

export const actions: Actions = { undo: undoAction };
