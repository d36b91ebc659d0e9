/** The month the deadlines calendar opens on, and the nearest month with deadlines. */
import { describe, expect, it } from 'vitest';
import { chooseCalendarMonth, nearestDeadlineMonth } from './calendar-month';
import type { CalendarEntry } from './deadlines';

const entry = (date: string, event: 'opens' | 'closes' = 'closes'): CalendarEntry => ({
	date,
	event,
	competitionId: 1,
	label: `${event}: a round`,
	time: null,
	monthOnly: false,
	isSample: false
});
const months = [
	{ month: '2024-01', count: 1 },
	{ month: '2024-11', count: 2 },
	{ month: '2025-04', count: 1 }
];

describe('chooseCalendarMonth', () => {
	it('keeps the month named in the URL, even an empty one', () => {
		expect(chooseCalendarMonth('2023-03', '2024-02-10', [], months)).toEqual({
			month: '2023-03',
			reason: 'chosen'
		});
	});

	it('opens on the current month when something opens or closes in it', () => {
		const entries = [entry('2024-02-20', 'opens'), entry('2024-11-05')];
		expect(chooseCalendarMonth(null, '2024-02-10', entries, months)).toEqual({
			month: '2024-02',
			reason: 'current'
		});
	});

	it('opens on the next month with a deadline when the current month is empty', () => {
		const entries = [entry('2024-01-31'), entry('2024-11-05')];
		expect(chooseCalendarMonth(null, '2024-02-10', entries, months)).toEqual({
			month: '2024-11',
			reason: 'next'
		});
	});

	it('opens on the latest month with a deadline when none is ahead', () => {
		const entries = [entry('2025-04-22')];
		expect(chooseCalendarMonth(null, '2026-12-03', entries, months)).toEqual({
			month: '2025-04',
			reason: 'latest'
		});
	});

	it('stays on the current month when no deadline is held', () => {
		expect(chooseCalendarMonth(null, '2026-12-03', [], [])).toEqual({
			month: '2026-12',
			reason: 'none'
		});
	});
});

describe('nearestDeadlineMonth', () => {
	it('finds the closest other month, before or after', () => {
		expect(nearestDeadlineMonth('2024-03', months)?.month).toBe('2024-01');
		expect(nearestDeadlineMonth('2024-09', months)?.month).toBe('2024-11');
		expect(nearestDeadlineMonth('2026-12', months)?.month).toBe('2025-04');
		expect(nearestDeadlineMonth('2024-01', months)?.month).toBe('2024-11');
	});

	it('prefers the later month on a tie, and is null without deadlines', () => {
		expect(nearestDeadlineMonth('2024-06', months)?.month).toBe('2024-11');
		expect(
			nearestDeadlineMonth('2024-02', [
				{ month: '2024-01', count: 1 },
				{ month: '2024-03', count: 1 }
			])?.month
		).toBe('2024-03');
		expect(nearestDeadlineMonth('2024-02', [])).toBeNull();
	});
});
