/**
 * Runs a feed's zod schema over one record and turns every failure into an import issue that
 * names the row, the column, the value found and what was expected.
 *
 * A column the file does not have comes out `undefined`, whatever the schema would make of a
 * missing value: the writer then leaves what is stored alone (a blank cell, by contrast, is null
 * and is written). Without this an older edition of a sheet, lacking a column, would erase it.
 */
import { z } from 'zod';
import type { IssueCollector } from './issues';

export function validateRecord<S extends z.ZodType>(
	schema: S,
	record: Record<string, string>,
	rowNumber: number,
	issues: IssueCollector
): z.output<S> | null {
	const result = schema.safeParse(record);
	if (result.success) {
		if (schema instanceof z.ZodObject && result.data && typeof result.data === 'object') {
			const data = result.data as Record<string, unknown>;
			for (const key of Object.keys(schema.shape)) if (!(key in record)) data[key] = undefined;
		}
		return result.data;
	}
	for (const issue of result.error.issues) {
		const column = issue.path.length ? String(issue.path[0]) : null;
		const value = column ? (record[column] ?? '') : null;
		issues.error(rowNumber, column, value, 'invalid_value', issue.message);
	}
	return null;
}
