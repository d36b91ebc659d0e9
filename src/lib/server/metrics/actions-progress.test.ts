import { describe, expect, it } from 'vitest';
import {
	actionCounts,
	assessAction,
	fundingState,
	groupActions,
	PERCENT_COMPLETE_LABEL,
	savingsAgainstGap,
	type ActionFact
} from './actions-progress';
import { pathPosition } from './target-context';

const TODAY = '2025-06-30';

describe('assessAction: late', () => {
	it('is late once the due date has passed, not on the day itself', () => {
		const a: ActionFact = { status: 'in_progress', dueDate: '2025-06-29' };
		expect(assessAction(a, TODAY)).toMatchObject({ late: true, daysLate: 1, group: 'late' });
		expect(assessAction({ ...a, dueDate: TODAY }, TODAY)).toMatchObject({
			late: false,
			daysLate: null
		});
	});

	it('moves with today: the same action is on track in May and late in July', () => {
		const a: ActionFact = { status: 'planned', dueDate: '2025-06-15' };
		expect(assessAction(a, '2025-05-01')).toMatchObject({ late: false, group: 'on_track' });
		expect(assessAction(a, '2025-07-01')).toMatchObject({ late: true, daysLate: 16 });
	});

	it('is late when a milestone not yet done is past due, whatever the action date', () => {
		const a: ActionFact = {
			status: 'in_progress',
			dueDate: '2026-03-31',
			milestones: [
				{ dueDate: '2025-01-31', doneOn: '2025-02-10' },
				{ dueDate: '2025-05-31', doneOn: null },
				{ dueDate: null, doneOn: null }
			]
		};
		// 31 May → 30 June is 30 days; the milestone done late (in February) no longer counts.
		expect(assessAction(a, TODAY)).toMatchObject({ late: true, daysLate: 30 });
		const done = { ...a, milestones: [{ dueDate: '2025-05-31', doneOn: '2025-06-02' }] };
		expect(assessAction(done, TODAY)).toMatchObject({ late: false });
	});

	it('never calls a complete or cancelled action late', () => {
		for (const status of ['complete', 'cancelled'] as const) {
			const a: ActionFact = {
				status,
				dueDate: '2020-01-01',
				milestones: [{ dueDate: '2020-01-01', doneOn: null }]
			};
			expect(assessAction(a, TODAY)).toMatchObject({ late: false, group: status });
		}
	});

	it('keeps a delayed action that is not yet overdue apart from a late one', () => {
		expect(assessAction({ status: 'delayed', dueDate: '2026-01-01' }, TODAY).group).toBe('delayed');
		expect(assessAction({ status: 'delayed', dueDate: '2025-01-01' }, TODAY).group).toBe('late');
	});

	it('refuses a today or a date that is not YYYY-MM-DD', () => {
		expect(() => assessAction({ status: 'planned' }, '30/06/2025')).toThrow(
			'today is "30/06/2025", expected a date as YYYY-MM-DD'
		);
		expect(() => assessAction({ status: 'planned', dueDate: '2025-6-1' }, TODAY)).toThrow(
			/due date is "2025-6-1"/
		);
	});
});

describe('assessAction: stale, funding and % complete', () => {
	it('is stale after 180 days without an update, unknown without a date, never once finished', () => {
		// 2025-01-01 → 2025-06-30 is 180 days; 2025-01-02 is 179.
		expect(assessAction({ status: 'in_progress', lastUpdated: '2025-01-01' }, TODAY)).toMatchObject(
			{
				stale: true,
				daysSinceUpdate: 180
			}
		);
		expect(assessAction({ status: 'in_progress', lastUpdated: '2025-01-02' }, TODAY).stale).toBe(
			false
		);
		expect(assessAction({ status: 'planned' }, TODAY).stale).toBeNull();
		expect(assessAction({ status: 'complete', lastUpdated: '2020-01-01' }, TODAY).stale).toBe(
			false
		);
	});

	it('reads funding from linked bids and awards only', () => {
		expect(fundingState({ status: 'planned', linkedAwards: 1 })).toBe('funded');
		expect(
			fundingState({ status: 'planned', linkedBids: [{ status: 'lost' }, { status: 'won' }] })
		).toBe('funded');
		expect(
			fundingState({ status: 'planned', linkedBids: [{ status: 'lost' }, { status: 'submitted' }] })
		).toBe('pending');
		expect(
			fundingState({ status: 'planned', linkedBids: [{ status: 'lost' }, { status: 'withdrawn' }] })
		).toBe('unfunded');
		expect(fundingState({ status: 'planned' })).toBe('not_linked');
	});

	it('passes the % complete through as the officer stated it, labelled so', () => {
		expect(assessAction({ status: 'complete', percentComplete: 90 }, TODAY).percentComplete).toBe(
			90
		);
		expect(assessAction({ status: 'planned' }, TODAY).percentComplete).toBeNull();
		expect(PERCENT_COMPLETE_LABEL).toBe('% complete, as stated by the officer');
	});
});

const PLAN: ActionFact[] = [
	{ status: 'complete', sector: 'Buildings', estTco2ePerYear: 400, linkedAwards: 1 },
	{
		status: 'in_progress',
		sector: 'buildings ',
		dueDate: '2025-01-31',
		estTco2ePerYear: 250,
		lastUpdated: '2024-11-01'
	},
	{
		status: 'in_progress',
		sector: 'Transport',
		dueDate: '2026-03-31',
		estTco2ePerYear: 100,
		lastUpdated: '2025-06-01'
	},
	{ status: 'planned', sector: 'Transport', linkedBids: [{ status: 'submitted' }] },
	{
		status: 'delayed',
		sector: 'Energy',
		dueDate: '2025-12-31',
		estTco2ePerYear: 50,
		lastUpdated: '2025-05-01'
	},
	{ status: 'cancelled', sector: null, estTco2ePerYear: 999 }
];

describe('actionCounts', () => {
	it('gives the committee headline, each action counted once so the counts add up', () => {
		const c = actionCounts(PLAN, TODAY);
		expect(c).toEqual({
			total: 6,
			onTrack: 2,
			complete: 1,
			late: 1,
			delayed: 1,
			cancelled: 1,
			// The late one was last updated 1 November 2024: 241 days. The planned one has no date.
			stale: 1,
			notDated: 1,
			funding: { funded: 1, pending: 1, unfunded: 0, not_linked: 4 },
			// 400 + 250 + 100 + 50; the cancelled action's 999 is left out.
			estTco2ePerYear: 800
		});
		expect(c.onTrack + c.complete + c.late + c.delayed + c.cancelled).toBe(c.total);
		expect(actionCounts([], TODAY)).toMatchObject({ total: 0, onTrack: 0 });
	});
});

describe('groupActions', () => {
	it('groups by every status in order, empty ones included', () => {
		const rows = groupActions(PLAN, TODAY, 'status');
		expect(rows.map((r) => [r.key, r.label, r.total])).toEqual([
			['planned', 'Planned', 1],
			['in_progress', 'In progress', 2],
			['complete', 'Complete', 1],
			['delayed', 'Delayed', 1],
			['cancelled', 'Cancelled', 1]
		]);
		expect(rows[1]).toMatchObject({ late: 1, onTrack: 1 });
		expect(groupActions([], TODAY, 'status').every((r) => r.total === 0)).toBe(true);
	});

	it('groups by sector as written, ignoring case and spaces, largest first and "Not stated" last', () => {
		const rows = groupActions(PLAN, TODAY, 'sector');
		expect(rows.map((r) => [r.label, r.total, r.late, r.estTco2ePerYear])).toEqual([
			['Buildings', 2, 1, 650],
			['Transport', 2, 0, 100],
			['Energy', 1, 0, 50],
			['Not stated', 1, 0, 0]
		]);
	});
});

describe('savingsAgainstGap', () => {
	// Baseline 1000 kt in 2005, target 2040: path 2023 = 485.714 kt.
	const baseline = { year: 2005, valueKt: 1000 };

	it('sets the estimated savings against the gap above the path', () => {
		// 2023 at 500 kt: 14.286 kt = 14,286 t above the path; 800 t estimated is 5.6% of it.
		const s = savingsAgainstGap(PLAN, pathPosition(baseline, 2040, { year: 2023, valueKt: 500 }));
		if (!s.available) throw new Error(s.reason);
		expect(s.gapT).toBeCloseTo(14285.714, 3);
		expect(s).toMatchObject({
			estimatedT: 800,
			completeT: 400,
			withEstimate: 4,
			withoutEstimate: 1
		});
		expect(s.sharePctOfGap).toBeCloseTo(5.6, 10);
	});

	it('has no gap to close on or below the path, and no path without a target year', () => {
		expect(
			savingsAgainstGap(PLAN, pathPosition(baseline, 2040, { year: 2023, valueKt: 400 }))
		).toEqual({
			available: false,
			reason: '2023 is on or below the straight-line path: there is no gap to close'
		});
		expect(
			savingsAgainstGap(PLAN, pathPosition(baseline, null, { year: 2023, valueKt: 500 }))
		).toEqual({
			available: false,
			reason: 'the target names no year'
		});
	});
});
