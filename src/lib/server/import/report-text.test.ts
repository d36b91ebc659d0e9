import { describe, expect, it } from 'vitest';
import type { IssueGroup } from '../rows/issues';
import { failureReport, reportLines } from './report-text';

const group = (i: number, count = 1): IssueGroup => ({
	severity: 'error',
	code: 'invalid_value',
	column: 'target',
	message: `problem ${i}`,
	count,
	rows: Array.from({ length: Math.min(count, 10) }, (_, k) => i + k + 2),
	values: []
});

const fileReport = (groups: IssueGroup[]) => ({
	...failureReport('plans.csv', 'mysociety-plans', ''),
	fatal: null,
	rowsRead: 1,
	rowsRejected: 1,
	groups
});

describe('the command line report', () => {
	// Reported: at most 20 problem groups were printed, with no "and N more"; the plans sheet has 222.
	it('lists 20 kinds of problem, then says how many more and where they all are', () => {
		const lines = reportLines(fileReport(Array.from({ length: 222 }, (_, i) => group(i, 3))), 5);
		expect(lines.filter((l) => l.startsWith('  error: '))).toHaveLength(20);
		expect(lines.at(-1)).toBe(
			'  … and 202 more kinds of problem (606 rows): --json lists every one'
		);
		expect(reportLines(fileReport([group(1)]), 5).join('\n')).not.toContain('more kind');
	});

	// Reported: generated sentences such as "1 rows read"; each read once, singular and plural.
	it('says one row as one row', () => {
		const lines = reportLines(
			{ ...fileReport([group(0)]), valuesSetBack: 1, status: 'committed' },
			1234
		);
		expect(lines).toEqual([
			'plans.csv [mysociety-plans]: imported',
			'  1 row read: 0 valid, 1 set aside; 0 written, 0 unchanged (1,234 ms)',
			'  This file would set back 1 stored value (blanks over values, older records over newer): it is kept as stored. --allow-older writes it.',
			'  error: 1 row: problem 0 [target] (row 2)'
		]);
	});
});
