import { describe, expect, it } from 'vitest';
import { churn, SHORT_WINDOW_DAYS, windowDays, windowSummary } from './funding-windows';

describe('windowDays', () => {
	it('counts whole days for SHDF Wave 2.2, before and after its extension', () => {
		// 20 Nov → 30 Nov = 10 days; + 31 (December) = 41 to 31 Dec; + 19 = 60 to 19 Jan.
		expect(windowDays('2023-11-20', '2024-01-19')).toBe(60);
		// Extended to 31 Jan: 41 + 31 = 72.
		expect(windowDays('2023-11-20', '2024-01-31')).toBe(72);
	});

	it('is not thrown by clock changes or leap days', () => {
		// UK clocks went forward on 31 Mar 2024 and back on 29 Oct 2023: still 2 calendar days.
		expect(windowDays('2024-03-30', '2024-04-01')).toBe(2);
		expect(windowDays('2023-10-28', '2023-10-30')).toBe(2);
		// 2024 is a leap year: 28 Feb → 29 Feb → 1 Mar.
		expect(windowDays('2024-02-28', '2024-03-01')).toBe(2);
	});

	it('reads the date part of a date-time', () => {
		expect(windowDays('2024-01-01T09:00', '2024-01-31T23:59')).toBe(30);
	});

	it('is 0 on the same day and null when missing, reversed or not a real date', () => {
		expect(windowDays('2024-01-31', '2024-01-31')).toBe(0);
		expect(windowDays(null, '2024-01-31')).toBeNull();
		expect(windowDays('2024-01-31', null)).toBeNull();
		expect(windowDays('2024-01-31', '2024-01-30')).toBeNull();
		expect(windowDays('2023-02-01', '2023-02-30')).toBeNull();
		expect(windowDays('31/01/2024', '2024-02-01')).toBeNull();
		expect(windowDays('', '2024-02-01')).toBeNull();
	});
});

describe('windowSummary', () => {
	it('summarises known windows over the rounds with both dates, not over every round (hand-worked)', () => {
		// Days: 72 (SHDF 2.2), 30, 42 (1 Mar → 31 Mar = 30, + 12), unknown (no opening date).
		// Known windows: 3 of 4 rounds. Median of 30, 42, 72 = 42; under 42 days: only 30 → 1 of
		// the 3 known (not 1 of 4). Dates changed: 1 + 2 deadlines = 3, in 2 rounds.
		const s = windowSummary([
			{ competitionId: 1, opens: '2023-11-20', closes: '2024-01-31', ...changes(0, 1) },
			{ competitionId: 2, opens: '2024-01-01', closes: '2024-01-31', ...changes(0, 0) },
			{ competitionId: 3, opens: '2024-03-01', closes: '2024-04-12', ...changes(0, 2) },
			{ competitionId: 4, opens: null, closes: '2024-05-01', ...changes(0, 0) },
			// A formula allocation: no window at all, counted as such, not as a date missing.
			{ competitionId: 5, opens: null, closes: null, kind: 'formula', ...changes(0, 0) }
		]);
		expect(SHORT_WINDOW_DAYS).toBe(42);
		expect(s).toEqual({
			windows: 5,
			knownWindows: 3,
			allocations: 1,
			shortWindows: 1,
			medianDays: 42,
			shortShare: 1 / 3,
			roundsChanged: 2,
			datesChanged: 3,
			deadlinesMoved: 3,
			openingsMoved: 0
		});
	});

	it('counts every changed date: a re-run opening and a deadline moved twice (hand-worked)', () => {
		// PSDS 3c: the 10 Oct opening was discarded and re-run on 7 Nov (1 opening moved, no
		// deadline moved). A round extended twice: 2 deadlines moved. An untouched round: 0.
		// Rounds changed: 2 of 3; dates changed: 1 + 2 = 3 (an "extended" yes/no would say 1).
		const s = windowSummary([
			{ competitionId: 6, opens: '2023-11-07', closes: '2023-11-10', ...changes(1, 0) },
			{ competitionId: 7, opens: '2024-01-01', closes: '2024-03-01', ...changes(0, 2) },
			{ competitionId: 8, opens: '2024-01-01', closes: '2024-01-15', ...changes(0, 0) }
		]);
		expect(s.roundsChanged).toBe(2);
		expect(s.datesChanged).toBe(3);
		expect(s.openingsMoved).toBe(1);
		expect(s.deadlinesMoved).toBe(2);
	});

	it('gives nulls, not NaN, when no window is known', () => {
		expect(windowSummary([])).toEqual({
			windows: 0,
			knownWindows: 0,
			allocations: 0,
			shortWindows: 0,
			medianDays: null,
			shortShare: null,
			roundsChanged: 0,
			datesChanged: 0,
			deadlinesMoved: 0,
			openingsMoved: 0
		});
		const one = windowSummary([{ competitionId: 1, opens: null, closes: null, ...changes(0, 0) }]);
		expect(one.shortShare).toBeNull();
		expect(one.knownWindows).toBe(0);
	});
});

function changes(openingChanges: number, closingChanges: number) {
	return { openingChanges, closingChanges };
}

describe('churn', () => {
	it('counts schemes with one distinct round (hand-worked)', () => {
		// PSDS ran 3a and 3b (3b listed twice, once per award); LEVI and ZEBRA one round each → 2 of 3.
		expect(
			churn([
				{ scheme: 'PSDS', round: 'Phase 3a' },
				{ scheme: 'PSDS', round: 'Phase 3b' },
				{ scheme: 'PSDS', round: 'Phase 3b' },
				{ scheme: 'LEVI', round: 'Pilot' },
				{ scheme: 'ZEBRA', round: 'Round 1' },
				{ scheme: 'ZEBRA', round: 'Round 1' }
			])
		).toEqual({ schemes: 3, singleRoundSchemes: 2, share: 2 / 3 });
	});

	it('is null for no schemes', () => {
		expect(churn([])).toEqual({ schemes: 0, singleRoundSchemes: 0, share: null });
	});
});
