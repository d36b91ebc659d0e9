/**
 * The fields of a form for one record of a feed, built from the feed's own column list (names,
 * meanings, examples), so a form and the file template never describe a column differently. The
 * importer's problems come back on the fields they are about.
 */
import type { FormField } from '../../form-field';
import type { IssueGroup } from '../rows/issues';
import type { FeedColumn } from '../rows/feed';

/** How each column is entered, where a plain line of text is not the best (default: text). */
export interface FieldKinds {
	types?: Partial<Record<string, FormField['type']>>;
	choices?: Partial<Record<string, { value: string; label: string }[]>>;
	readonly?: readonly string[];
	/** A label in words where the column's name is not one ("closes" → "Deadline"). */
	labels?: Partial<Record<string, string>>;
}

/** The column name as a label: "spend_by" → "Spend by". */
const words = (name: string) => name[0]!.toUpperCase() + name.slice(1).replaceAll('_', ' ');

export function formFields(
	columns: readonly FeedColumn[],
	values: Record<string, string>,
	kinds: FieldKinds,
	problems: readonly IssueGroup[] = []
): FormField[] {
	return columns
		.filter((c) => !c.ignored)
		.map((c) => {
			const found = problems.filter((p) => p.column === c.name);
			return {
				name: c.name,
				label: kinds.labels?.[c.name] ?? words(c.name),
				description: c.description,
				example: c.example ?? '',
				required: c.required,
				type: kinds.choices?.[c.name] ? 'select' : (kinds.types?.[c.name] ?? 'text'),
				choices: kinds.choices?.[c.name],
				readonly: kinds.readonly?.includes(c.name) ?? false,
				value: values[c.name] ?? '',
				problem: found.length ? found.map((p) => p.message).join('; ') : null
			};
		});
}

/** The submitted values of the feed's columns, as text (what a file's cells would hold). */
export function formValues(columns: readonly FeedColumn[], data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const c of columns) {
		const v = data.get(c.name);
		values[c.name] = typeof v === 'string' ? v.trim() : '';
	}
	return values;
}

/** Problems not about one field (a row-level refusal), to say above the form. */
export function unplacedProblems(
	columns: readonly FeedColumn[],
	problems: readonly IssueGroup[]
): string[] {
	const named = new Set(columns.map((c) => c.name));
	return problems.filter((p) => !p.column || !named.has(p.column)).map((p) => p.message);
}
