/**
 * The pure deadline helpers: date arithmetic, status on a given day, wording, month grids and the
 * query-string filter.
 */
import { describe, expect, it } from 'vitest';
import {
	addMonths,
	calendarEntries,
	competitionStatus,
	daysBetween,
	deadlineMonths,
	describeDateChange,
	describeEligibility,
	endOfMonth,
	filterQuery,
	formatDateTime,
	formatLongDate,
	formatUkTime,
	monthWeeks,
	readCompetitionFilter,
	relativeDays,
	ukToday
} from './deadlines';

const day = (date: string) => ({ date, precision: 'day' as const });

describe('dates', () => {
	it('counts whole days across months, years and the clock change', () => {
		expect(daysBetween('2023-11-20', '2024-01-31')).toBe(72);
		expect(daysBetween('2022-07-15', '2022-08-02')).toBe(18);
		expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
		expect(daysBetween('2024-02-01', '2024-01-31')).toBe(-1);
	});

	it('finds month ends, including leap years', () => {
		expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
		expect(endOfMonth('2023-02-01')).toBe('2023-02-28');
		expect(endOfMonth('2023-12-05')).toBe('2023-12-31');
	});

	it('moves between months across years', () => {
		expect(addMonths('2024-01', -1)).toBe('2023-12');
		expect(addMonths('2023-12', 1)).toBe('2024-01');
		expect(addMonths('2024-05', 14)).toBe('2025-07');
	});

	it("gives today's date in the UK, not in UTC", () => {
		// 23:30 UTC on 30 June is 00:30 BST on 1 July.
		expect(ukToday(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
		expect(ukToday(new Date('2024-01-31T23:30:00Z'))).toBe('2024-01-31');
	});
});

describe('competitionStatus', () => {
	it('is upcoming, open, then closed around the window', () => {
		const opens = day('2023-11-20');
		const closes = day('2024-01-31');
		expect(competitionStatus(opens, closes, '2023-11-19')).toBe('upcoming');
		expect(competitionStatus(opens, closes, '2023-11-20')).toBe('open');
		expect(competitionStatus(opens, closes, '2024-01-31')).toBe('open');
		expect(competitionStatus(opens, closes, '2024-02-01')).toBe('closed');
	});

	it('is open with no opening date until the deadline, unknown with no deadline', () => {
		expect(competitionStatus(null, day('2024-01-31'), '2023-01-01')).toBe('open');
		expect(competitionStatus(day('2023-01-01'), null, '2024-01-01')).toBe('unknown');
		expect(competitionStatus(day('2025-01-01'), null, '2024-01-01')).toBe('upcoming');
		expect(competitionStatus(null, null, '2024-01-01')).toBe('unknown');
		// A formula allocation has no window to miss.
		expect(competitionStatus(null, null, '2024-01-01', 'formula')).toBe('allocation');
		expect(competitionStatus(null, null, '2024-01-01', 'competitive')).toBe('unknown');
		expect(competitionStatus(null, day('2024-01-31'), '2024-01-01', 'formula')).toBe('open');
	});

	it('reads a month-only deadline as the end of that month', () => {
		const closes = { date: '2024-03-01', precision: 'month' as const };
		expect(competitionStatus(null, closes, '2024-03-31')).toBe('open');
		expect(competitionStatus(null, closes, '2024-04-01')).toBe('closed');
	});
});

describe('wording', () => {
	it('writes times as GOV.UK does', () => {
		expect(formatUkTime('23:59')).toBe('11:59pm');
		expect(formatUkTime('12:00')).toBe('midday');
		expect(formatUkTime('10:00')).toBe('10am');
		expect(formatUkTime('14:00')).toBe('2pm');
		expect(formatUkTime(null)).toBe('');
		expect(formatDateTime('2024-01-31', '23:59')).toBe('31 January 2024, 11:59pm UK time');
		expect(formatDateTime('2022-11-18', null)).toBe('18 November 2022');
	});

	it('describes extensions and moved openings', () => {
		expect(
			describeDateChange({ event: 'closes', date: '2024-01-19', replacedBy: '2024-01-31' })
		).toBe('extended from 19 January to 31 January 2024');
		expect(
			describeDateChange({ event: 'closes', date: '2023-12-15', replacedBy: '2024-01-12' })
		).toBe('extended from 15 December 2023 to 12 January 2024');
		expect(
			describeDateChange({ event: 'closes', date: '2024-02-01', replacedBy: '2024-01-20' })
		).toBe('deadline brought forward from 1 February to 20 January 2024');
		expect(
			describeDateChange({ event: 'opens', date: '2023-10-10', replacedBy: '2023-11-07' })
		).toBe('opening moved from 10 October to 7 November 2023');
	});

	it('says days relative to today', () => {
		expect(relativeDays(0)).toBe('today');
		expect(relativeDays(1)).toBe('tomorrow');
		expect(relativeDays(6)).toBe('in 6 days');
		expect(relativeDays(-3)).toBe('3 days ago');
	});

	it('names eligible authority types, else the note', () => {
		expect(describeEligibility(['NMD', 'UA'], null, { NMD: 'District', UA: 'Unitary' })).toBe(
			'District, Unitary'
		);
		expect(describeEligibility(null, 'Any public body')).toBe('Any public body');
		expect(describeEligibility(null, null)).toBe('Not stated');
	});
});

describe('calendar', () => {
	it('lays out January 2024 from Monday 1st to Wednesday 31st', () => {
		const weeks = monthWeeks('2024-01');
		expect(weeks).toHaveLength(5);
		expect(weeks[0]![0]).toBe('2024-01-01');
		expect(weeks[4]!.slice(0, 4)).toEqual(['2024-01-29', '2024-01-30', '2024-01-31', null]);
		expect(formatLongDate('2024-01-31')).toBe('Wednesday 31 January 2024');
	});

	it('pads a month starting on a Sunday', () => {
		const weeks = monthWeeks('2023-10');
		expect(weeks[0]).toEqual([null, null, null, null, null, null, '2023-10-01']);
		expect(weeks.flat().filter(Boolean)).toHaveLength(31);
	});

	it('puts openings and every deadline on the calendar, and counts months with deadlines', () => {
		const entries = calendarEntries([
			{
				id: 1,
				scheme: 'Home Upgrade Grant',
				round: 'Phase 2 (HUG2)',
				isSample: false,
				opens: null,
				deadlines: [
					{ ...day('2022-11-18'), time: null },
					{ ...day('2023-01-27'), time: null }
				]
			},
			{
				id: 10,
				scheme: 'Social Housing Decarbonisation Fund',
				round: 'Wave 2.2',
				isSample: false,
				opens: { ...day('2023-11-20'), time: '10:00' },
				deadlines: [{ ...day('2024-01-31'), time: '23:59' }]
			}
		]);
		expect(entries.map((e) => `${e.date} ${e.label}`)).toEqual([
			'2022-11-18 Closes: Home Upgrade Grant Phase 2 (HUG2)',
			'2023-01-27 Closes: Home Upgrade Grant Phase 2 (HUG2)',
			'2023-11-20 Opens: Social Housing Decarbonisation Fund Wave 2.2',
			'2024-01-31 Closes: Social Housing Decarbonisation Fund Wave 2.2'
		]);
		expect(deadlineMonths(entries)).toEqual([
			{ month: '2022-11', count: 1 },
			{ month: '2023-01', count: 1 },
			{ month: '2024-01', count: 1 }
		]);
	});
});

describe('readCompetitionFilter', () => {
	it('keeps valid values, drops empty and invalid ones', () => {
		const params = new URLSearchParams(
			'q=+wave+&theme=&kind=formula&status=nonsense&type=nmd&month=2024-01&funder=DESNZ'
		);
		expect(readCompetitionFilter(params)).toEqual({
			q: 'wave',
			kind: 'formula',
			type: 'NMD',
			funder: 'DESNZ'
		});
		expect(readCompetitionFilter(new URLSearchParams('kind=lottery&type=<b>'))).toEqual({});
	});

	it('writes the filter back as a query string', () => {
		expect(filterQuery({ kind: 'formula', q: 'a b' }, { month: '2024-01' })).toBe(
			'kind=formula&q=a+b&month=2024-01'
		);
		expect(filterQuery({})).toBe('');
	});
});
