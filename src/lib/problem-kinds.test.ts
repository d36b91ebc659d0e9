import { describe, expect, it } from 'vitest';
import { problemCounts, problemKinds, type ProblemGroup } from './problem-kinds';

const duplicate = (row: number, name: string): ProblemGroup => ({
	severity: 'warning',
	code: 'duplicate_row',
	column: null,
	message: `row ${row} already gave ${name}; this row's values replace it`,
	count: 1,
	rows: [row + 1]
});

describe('problemKinds', () => {
	// Reported: the sources page said "492 kinds of problem" for one kind, each naming its row.
	it('reads groups that differ only in the values their messages name as one kind', () => {
		const groups: ProblemGroup[] = [
			{
				severity: 'info',
				code: 'no_gss_code',
				column: 'gss-code',
				message: 'no GSS code: nothing to store',
				count: 25,
				rows: [2, 3]
			},
			...Array.from({ length: 492 }, (_, i) => duplicate(600 - i, `council ${i}`)),
			{
				severity: 'error',
				code: 'unknown_authority',
				column: 'recipient_or_scope',
				message: 'unknown authority "York"',
				count: 1,
				rows: [30]
			}
		];
		const kinds = problemKinds(groups);
		expect(kinds.map((k) => [k.severity, k.code, k.count, k.alike])).toEqual([
			['error', 'unknown_authority', 1, 0],
			['warning', 'duplicate_row', 492, 491],
			['info', 'no_gss_code', 25, 0]
		]);
		// The first message is the example; the rows shown are the first in the file.
		expect(kinds[1]!.message).toBe("row 600 already gave council 0; this row's values replace it");
		expect(kinds[1]!.rows).toEqual([110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
		expect(problemCounts(groups)).toEqual({ error: 1, warning: 492, info: 25 });
	});

	it('keeps kinds apart by column', () => {
		const a = { ...duplicate(1, 'x'), code: 'invalid_value', column: 'year' };
		const b = { ...duplicate(2, 'y'), code: 'invalid_value', column: 'amount' };
		expect(problemKinds([a, b])).toHaveLength(2);
	});
});
