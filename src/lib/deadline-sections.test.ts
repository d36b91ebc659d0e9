import { describe, expect, it } from 'vitest';
import { deadlineSections, FIRST_ROWS } from './deadline-sections';
import type { CompetitionStatus } from './deadlines';

const round = (
	id: number,
	status: CompetitionStatus,
	opens: string | null,
	closes: string | null
) => ({
	id,
	status,
	isSample: id % 10 === 0,
	opens: opens ? { date: opens } : null,
	closes: closes ? { date: closes } : null
});

// 120 past rounds closing on successive days, 3 open, 1 upcoming, 2 undated.
const rows = [
	...Array.from({ length: 120 }, (_, i) =>
		round(
			i,
			'closed',
			null,
			`2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
		)
	),
	round(200, 'open', '2026-11-01', '2026-12-20'),
	round(201, 'open', '2026-11-01', '2026-12-10'),
	round(202, 'open', null, '2027-01-05'),
	round(300, 'upcoming', '2027-02-01', null),
	round(400, 'unknown', null, null),
	round(401, 'unknown', null, null)
];

describe('the deadlines sections', () => {
	it('shows the first rows of each section in reading order, with every count', () => {
		const { sections, paging } = deadlineSections(rows, undefined, 1);
		expect(paging).toBeNull();
		expect(sections.open.rows.map((r) => r.id)).toEqual([201, 200, 202]);
		expect(sections.closed.total).toBe(120);
		expect(sections.closed.rows).toHaveLength(FIRST_ROWS.closed);
		// Latest deadline first.
		expect(sections.closed.rows[0]!.id).toBe(119);
		expect(sections.closed.samples).toBe(12);
		expect(sections.open.samples).toBe(1);
		expect(sections.unknown.total).toBe(2);
		expect(sections.allocation).toEqual({ rows: [], total: 0, samples: 0 });
	});

	it('with a status chosen, shows that section a page at a time and no other', () => {
		const { sections, paging } = deadlineSections(rows, 'closed', 3);
		expect(paging).toMatchObject({ page: 3, pages: 3, first: 101, last: 120, total: 120 });
		expect(sections.closed.rows.map((r) => r.id)).toEqual(
			Array.from({ length: 20 }, (_, i) => 19 - i)
		);
		expect(sections.open).toMatchObject({ rows: [], total: 3 });
		const all = deadlineSections(rows, 'closed', 'all');
		expect(all.sections.closed.rows).toHaveLength(120);
	});
});
