/**
 * Collects import problems. Each one names the row, column, value and what was expected; the
 * report groups repeats ("412 rows: unknown authority E07000999") so a big file stays readable.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface ImportIssue {
	rowNumber: number | null;
	column: string | null;
	value: string | null;
	severity: Severity;
	/** Stable machine code, e.g. invalid_value, unknown_authority, successor_used. */
	code: string;
	message: string;
}

export interface IssueGroup {
	severity: Severity;
	code: string;
	column: string | null;
	message: string;
	count: number;
	/** The first few row numbers, to find them in the file. */
	rows: number[];
	/** The first few distinct values found, so the report says what was wrong. */
	values: string[];
}

const ROWS_KEPT_PER_GROUP = 10;
/**
 * Longer values are shown by their start and length, so a 10 MB cell is never copied into the
 * report or the database. (Shown values are shorter than the limit: shortening twice is a no-op.)
 */
const VALUE_SHOWN_CHARS = 160;

export function shownValue(value: string): string {
	if (value.length <= VALUE_SHOWN_CHARS) return value;
	return `${value.slice(0, 100)}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** Individual issues kept for the database; groups always carry the full count. */
const ISSUES_KEPT = 5000;

export class IssueCollector {
	readonly kept: ImportIssue[] = [];
	private groups = new Map<string, IssueGroup>();
	private erroredRows = new Set<number>();
	/** Messages since the last mark, for the reasons column of a rejected row. */
	private recent: string[] = [];
	/** The first of them as "code|column": the kind of problem the row has. */
	private recentKind: string | null = null;
	fatal: string | null = null;
	total = 0;

	add(issue: ImportIssue): void {
		this.total++;
		if (issue.value && issue.value.length > VALUE_SHOWN_CHARS)
			issue = { ...issue, value: shownValue(issue.value) };
		if (issue.severity === 'error') {
			this.recent.push(issue.column ? `${issue.column}: ${issue.message}` : issue.message);
			this.recentKind ??= `${issue.code}|${issue.column ?? ''}`;
		}
		if (this.kept.length < ISSUES_KEPT) this.kept.push(issue);
		if (issue.severity === 'error' && issue.rowNumber !== null)
			this.erroredRows.add(issue.rowNumber);
		const key = `${issue.severity}|${issue.code}|${issue.column}|${issue.message}`;
		let group = this.groups.get(key);
		if (!group) {
			group = {
				severity: issue.severity,
				code: issue.code,
				column: issue.column,
				message: issue.message,
				count: 0,
				rows: [],
				values: []
			};
			this.groups.set(key, group);
		}
		group.count++;
		if (issue.rowNumber !== null && group.rows.length < ROWS_KEPT_PER_GROUP)
			group.rows.push(issue.rowNumber);
		if (
			issue.value &&
			group.values.length < ROWS_KEPT_PER_GROUP &&
			!group.values.includes(issue.value)
		) {
			group.values.push(issue.value);
		}
	}

	error(
		rowNumber: number | null,
		column: string | null,
		value: string | null,
		code: string,
		message: string
	) {
		this.add({ rowNumber, column, value, severity: 'error', code, message });
	}

	warn(
		rowNumber: number | null,
		column: string | null,
		value: string | null,
		code: string,
		message: string
	) {
		this.add({ rowNumber, column, value, severity: 'warning', code, message });
	}

	info(
		rowNumber: number | null,
		column: string | null,
		value: string | null,
		code: string,
		message: string
	) {
		this.add({ rowNumber, column, value, severity: 'info', code, message });
	}

	/**
	 * The error messages added since `total` was `mark` (one row's reasons) and the kind of its
	 * first problem ("code|column"); clears the buffer.
	 */
	rejectedSince(mark: number): { reasons: string; kind: string } {
		const out = {
			reasons: this.total > mark ? this.recent.join('; ') : '',
			kind: this.recentKind ?? ''
		};
		this.recent = [];
		this.recentKind = null;
		return out;
	}

	get rowsWithErrors(): number {
		return this.erroredRows.size;
	}

	hasRowError(rowNumber: number): boolean {
		return this.erroredRows.has(rowNumber);
	}

	grouped(): IssueGroup[] {
		const order = { error: 0, warning: 1, info: 2 };
		return [...this.groups.values()].sort(
			(a, b) => order[a.severity] - order[b.severity] || b.count - a.count
		);
	}
}
