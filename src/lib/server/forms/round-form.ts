/**
 * The admin's form for a funding round: the competitions template's columns, entered in the
 * browser and saved as a one-row import of that feed (import/form-row.ts), so rounds announced
 * between imports can be added the day they appear, with the same checks, audit and undo.
 */
import { KIND_LABELS } from '../../deadlines';
import { PURPOSE_LABELS } from '../../funding-purpose';
import { SCHEME_PURPOSES } from '../db/schema';
import { templateCompetitionsFeed } from '../feeds/template-competitions';
import type { CompetitionRow } from '../queries/competitions';
import type { IssueGroup } from '../rows/issues';
import { formFields, type FieldKinds } from './feed-form';

export const ROUND_COLUMNS = templateCompetitionsFeed.columns;

const KINDS: FieldKinds = {
	types: {
		opens: 'date',
		closes: 'date',
		decision_date: 'date',
		spend_by: 'date',
		opens_time: 'time',
		closes_time: 'time',
		source_url: 'url',
		eligible: 'textarea',
		notes: 'textarea'
	},
	choices: {
		kind: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
		purpose: SCHEME_PURPOSES.map((value) => ({ value, label: PURPOSE_LABELS[value] }))
	},
	labels: {
		opens: 'Opens',
		closes: 'Deadline',
		closes_time: 'Deadline time',
		min_award: 'Smallest award',
		max_award: 'Largest award',
		source_url: 'Source page'
	}
};

/** The form's fields, blank or with the values entered (and the importer's problems). */
export function roundFields(
	values: Record<string, string>,
	problems: readonly IssueGroup[] = [],
	editing = false
) {
	return formFields(
		ROUND_COLUMNS,
		values,
		{ ...KINDS, readonly: editing ? ['scheme', 'round'] : [] },
		problems
	);
}

/** A stored round as the form's values (its current dates; blank where nothing is stored). */
export function roundValues(c: CompetitionRow): Record<string, string> {
	const text = (v: string | number | null | undefined) => (v == null ? '' : String(v));
	return {
		scheme: c.scheme,
		round: c.round,
		funder: text(c.funder),
		kind: text(c.kind),
		purpose: text(c.purpose),
		theme: text(c.theme),
		budget: text(c.budgetGbp),
		min_award: text(c.minAwardGbp),
		max_award: text(c.maxAwardGbp),
		match_funding: '',
		eligible: c.eligibleTypes?.length ? '' : text(c.eligibilityNote),
		opens: c.opens?.precision === 'day' ? c.opens.date : '',
		opens_time: text(c.opens?.time),
		closes: c.closes?.precision === 'day' ? c.closes.date : '',
		closes_time: text(c.closes?.time),
		decision_date: text(c.decisionDate),
		spend_by: text(c.spendByDate),
		source_url: text(c.sourceUrl),
		notes: text(c.notes)
	};
}
