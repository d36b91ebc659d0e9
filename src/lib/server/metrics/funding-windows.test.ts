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
	it('summarises known windows and counts extensions (hand-worked)', () => {
		// Days: 72 (SHDF 2.2), 30, 42 (1 Mar → 31 Mar = 30, + 12), unknown.
		// Median of 30, 42, 72 = 42; under 42 days: only 30 → 1 of 3; extended: 2 competitions.
		const s = windowSummary([
			{ competitionId: 1, opens: '2023-11-20', closes: '2024-01-31', extensions: 1 },
			{ competitionId: 2, opens: '2024-01-01', closes: '2024-01-31', extensions: 0 },
			{ competitionId: 3, opens: '2024-03-01', closes: '2024-04-12', extensions: 2 },
			{ competitionId: 4, opens: null, closes: '2024-05-01', extensions: 0 }
		]);
		expect(SHORT_WINDOW_DAYS).toBe(42);
		expect(s).toEqual({ windows: 4, medianDays: 42, shortShare: 1 / 3, extended: 2 });
	});

	it('gives nulls, not NaN, when no window is known', () => {
		expect(windowSummary([])).toEqual({
			windows: 0,
			medianDays: null,
			shortShare: null,
			extended: 0
		});
		expect(
			windowSummary([{ competitionId: 1, opens: null, closes: null, extensions: 0 }]).shortShare
		).toBeNull();
	});
});

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
