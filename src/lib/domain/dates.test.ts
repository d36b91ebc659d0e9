import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	dayNumber,
	daysBetween,
	endOfMonth,
	formatDate,
	isIsoDate,
	toUkDate,
	ukOffsetMinutes,
	ukTimeToInstant,
	ukToday,
	weekdayIndex
} from './dates';

const at = (iso: string) => new Date(iso);
const instant = (date: string, time: string) => ukTimeToInstant(date, time).toISOString();

/** When UK clocks changed (01:00 UTC both ways), as published by GOV.UK. */
const CHANGES = [
	{ year: 2023, forward: '2023-03-26', back: '2023-10-29' },
	{ year: 2024, forward: '2024-03-31', back: '2024-10-27' },
	{ year: 2025, forward: '2025-03-30', back: '2025-10-26' },
	{ year: 2026, forward: '2026-03-29', back: '2026-10-25' }
];

describe('ukToday', () => {
	it('is the UTC date in winter, up to midnight', () => {
		expect(ukToday(at('2024-12-31T23:59:59Z'))).toBe('2024-12-31');
		expect(ukToday(at('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
	});

	it('turns at 23:00 UTC in summer', () => {
		expect(ukToday(at('2024-06-30T22:59:59Z'))).toBe('2024-06-30');
		expect(ukToday(at('2024-06-30T23:00:00Z'))).toBe('2024-07-01');
	});

	it('follows the clocks on the nights they change', () => {
		// The night before clocks go forward is still GMT; the night they go back is still BST.
		expect(ukToday(at('2024-03-30T23:30:00Z'))).toBe('2024-03-30');
		expect(ukToday(at('2024-03-31T23:30:00Z'))).toBe('2024-04-01');
		expect(ukToday(at('2024-10-26T23:30:00Z'))).toBe('2024-10-27');
		expect(ukToday(at('2024-10-27T23:30:00Z'))).toBe('2024-10-27');
	});
});

describe('ukOffsetMinutes', () => {
	it('switches at 01:00 UTC on the change days', () => {
		for (const { forward, back } of CHANGES) {
			expect(ukOffsetMinutes(at(`${forward}T00:59:59Z`))).toBe(0);
			expect(ukOffsetMinutes(at(`${forward}T01:00:00Z`))).toBe(60);
			expect(ukOffsetMinutes(at(`${back}T00:59:59Z`))).toBe(60);
			expect(ukOffsetMinutes(at(`${back}T01:00:00Z`))).toBe(0);
		}
	});

	it('is summer time exactly from the March change day to the day before the October one', () => {
		for (const { year, forward, back } of CHANGES) {
			for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
				const summer = day >= forward && day < back;
				expect([day, ukOffsetMinutes(at(`${day}T12:00:00Z`))]).toEqual([day, summer ? 60 : 0]);
			}
		}
	});
});

describe('ukTimeToInstant', () => {
	it('reads a winter time as UTC and a summer time an hour earlier', () => {
		expect(instant('2024-01-31', '23:59')).toBe('2024-01-31T23:59:00.000Z');
		expect(instant('2022-08-02', '12:00')).toBe('2022-08-02T11:00:00.000Z');
		expect(instant('2023-06-01', '00:30')).toBe('2023-05-31T23:30:00.000Z');
	});

	it('changes at 01:00 GMT in March: the skipped hour is read as summer time', () => {
		for (const { forward } of CHANGES) {
			expect(instant(forward, '00:59')).toBe(`${forward}T00:59:00.000Z`);
			expect(instant(forward, '01:30')).toBe(`${forward}T00:30:00.000Z`);
			expect(instant(forward, '02:00')).toBe(`${forward}T01:00:00.000Z`);
		}
	});

	it('changes at 02:00 BST in October: the repeated hour is read as its first, in summer time', () => {
		for (const { back } of CHANGES) {
			const dayBefore = addDays(back, -1);
			expect(instant(back, '00:30')).toBe(`${dayBefore}T23:30:00.000Z`);
			expect(instant(back, '01:00')).toBe(`${back}T00:00:00.000Z`);
			expect(instant(back, '01:59')).toBe(`${back}T00:59:00.000Z`);
			expect(instant(back, '02:00')).toBe(`${back}T02:00:00.000Z`);
		}
	});

	it('gives back the same UK date and time through ukToday and the offset', () => {
		const i = ukTimeToInstant('2025-10-26', '11:59');
		expect(ukToday(i)).toBe('2025-10-26');
		expect(ukOffsetMinutes(i)).toBe(0);
	});
});

describe('day arithmetic', () => {
	it('counts whole days across a clock change', () => {
		expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
		expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
		expect(daysBetween('2024-02-01', '2024-01-01')).toBe(-31);
		expect(addDays('2024-10-26', 1)).toBe('2024-10-27');
		expect(addDays('2024-03-31', -1)).toBe('2024-03-30');
	});

	it('knows leap years and month ends', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
		expect(endOfMonth('2100-02-01')).toBe('2100-02-28');
		expect(addMonths('2024-01', -1)).toBe('2023-12');
		expect(addMonths('2024-11', 3)).toBe('2025-02');
	});

	it('numbers weekdays from Monday', () => {
		expect(weekdayIndex('2024-01-01')).toBe(0); // a Monday
		expect(weekdayIndex('2024-03-31')).toBe(6); // a Sunday, the day the clocks went forward
	});

	it('refuses a date that does not exist instead of rolling it over', () => {
		expect(dayNumber('2024-02-30')).toBeNull();
		expect(dayNumber('31/01/2024')).toBeNull();
		expect(dayNumber('2024-02-29T10:00')).toBe(dayNumber('2024-02-29'));
		expect(dayNumber('1970-01-02')).toBe(1);
	});
});

describe('formats', () => {
	it('writes dates as UK readers and spreadsheets do', () => {
		expect(formatDate('2022-11-18')).toBe('18 November 2022');
		expect(formatDate('2019-05-01', 'month')).toBe('May 2019');
		expect(formatDate(null)).toBe('—');
		expect(toUkDate('2024-01-31')).toBe('31/01/2024');
		expect(isIsoDate('2024-01-31')).toBe(true);
		expect(isIsoDate('31/01/2024')).toBe(false);
	});
});
