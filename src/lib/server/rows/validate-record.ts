/**
 * Runs a feed's zod schema over one record and turns every failure into an import issue that
 * names the row, the column, the value found and what was expected.
 */
import type { z } from 'zod';
import type { IssueCollector } from './issues';

export function validateRecord<S extends z.ZodType>(
	schema: S,
	record: Record<string, string>,
	rowNumber: number,
	issues: IssueCollector
): z.output<S> | null {
	const result = schema.safeParse(record);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const column = issue.path.length ? String(issue.path[0]) : null;
		const value = column ? (record[column] ?? '') : null;
		issues.error(rowNumber, column, value, 'invalid_value', issue.message);
	}
	return null;
}
