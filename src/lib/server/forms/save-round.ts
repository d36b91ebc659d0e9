/**
 * The round form's action, for a new round and an edited one alike: only an admin changes the
 * national rounds; the values go through the competitions feed as a one-row import.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { Viewer } from '../accounts/viewer';
import { importFormRow } from '../import/form-row';
import { formValues, unplacedProblems } from './feed-form';
import { ROUND_COLUMNS, roundFields } from './round-form';

export async function saveRound(request: Request, viewer: Viewer, editing: boolean) {
	if (viewer.role !== 'admin')
		return fail(403, { message: 'Only an admin adds or changes funding rounds.', fields: null });
	const values = formValues(ROUND_COLUMNS, await request.formData());
	const named = [values.scheme, values.round].filter(Boolean).join(', ');
	const result = await importFormRow({
		feedKey: 'competitions',
		values,
		label: `Round form: ${named || 'no name'}`.slice(0, 200),
		viewer
	});
	if (!result.ok)
		return fail(400, {
			message: [result.message, ...unplacedProblems(ROUND_COLUMNS, result.problems)].join(' '),
			fields: roundFields(values, result.problems, editing)
		});
	redirect(
		303,
		`/deadlines?saved=${result.report.batchId}&q=${encodeURIComponent(values.scheme ?? '')}`
	);
}
