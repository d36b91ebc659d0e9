import { describe, expect, it } from 'vitest';
import {
	parseUkDateTime,
	optionalGbp,
	optionalNumber,
	optionalText,
	optionalTime,
	optionalUkDate,
	optionalWebAddress,
	optionalYear,
	optionalYesNo,
	parseGbp,
	parseUkDate,
	parseYear,
	parseYesNo,
	requiredNumber,
	requiredText
} from './coerce';

const day = (date: string) => ({ date, precision: 'day' });
const month = (date: string) => ({ date, precision: 'month' });

/** The one error message a schema gives for a value. */
function errorOf(
	schema: {
		safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
	},
	value: unknown
) {
	const result = schema.safeParse(value);
	expect(result.success).toBe(false);
	return result.error!.issues.map((i) => i.message);
}

describe('parseYear', () => {
	it.each([
		['2030.0', 2030],
		['2030', 2030],
		[' 2045 ', 2045],
		['2030.00', 2030],
		['1990', 1990],
		['2100', 2100]
	])('%j → %d', (raw, year) => expect(parseYear(raw)).toBe(year));

	it.each(['abc', '1800', '1989', '2101', '2030.5', '', '20300', '30'])('%j → null', (raw) => {
		expect(parseYear(raw)).toBeNull();
	});
});

describe('parseUkDate', () => {
	it.each([
		['24/01/2023', day('2023-01-24')],
		['3/4/24', day('2024-04-03')],
		['2024-01-31', day('2024-01-31')],
		['2024-01-31T14:00', day('2024-01-31')],
		['2024-01-31T14:00:00.000Z', day('2024-01-31')],
		['2024-01-31 14:00:00', day('2024-01-31')],
		['24.01.2023', day('2023-01-24')],
		['2023/01/24', day('2023-01-24')],
		['13 March 2020', day('2020-03-13')],
		['1st March 2021', day('2021-03-01')],
		['2020 March 13', day('2020-03-13')],
		['29/02/2024', day('2024-02-29')],
		['05/2019', month('2019-05-01')],
		['2021-11', month('2021-11-01')],
		['May 2019', month('2019-05-01')],
		['Sept 2020', month('2020-09-01')],
		['Dec. 2020', month('2020-12-01')],
		['  26/06/2019  ', day('2019-06-26')]
	])('%j → %j', (raw, expected) => expect(parseUkDate(raw)).toEqual(expected));

	it('reads dd/mm, never US mm/dd: 03/04/2024 is 3 April', () => {
		expect(parseUkDate('03/04/2024')).toEqual(day('2024-04-03'));
		expect(parseUkDate('04/03/2024')).toEqual(day('2024-03-04'));
	});

	it.each([
		'31/02/2024',
		'29/02/2023',
		'2024-02-30',
		'13/2019',
		'2021-13',
		'00/2019',
		'13 Marchy 2020',
		'not a date',
		'',
		'2024/13/01',
		'12/25/2024'
	])('%j → null', (raw) => expect(parseUkDate(raw)).toBeNull());

	// BUG (reported): any 4-letter word that starts with a month abbreviation is taken as that
	// month ("Junk" → June, "Mayo" → May), so free text becomes a date instead of an error.
	it('a 4-letter word that merely starts like a month is not a month', () => {
		expect(['Junk 2020', 'Mayo 2019', 'Marc 2020'].map(parseUkDate)).toEqual([null, null, null]);
		expect(parseUkDate('June 2020')).toEqual(month('2020-06-01'));
		expect(parseUkDate('July 2020')).toEqual(month('2020-07-01'));
	});
});

describe('parseUkDateTime', () => {
	const day = (date: string) => ({ date, precision: 'day' });
	it('splits a time of day off a deadline written in one cell', () => {
		expect(parseUkDateTime('31/01/2027 23:59')).toEqual({ date: day('2027-01-31'), time: '23:59' });
		expect(parseUkDateTime(' 5/3/2025 9:00 ')).toEqual({ date: day('2025-03-05'), time: '09:00' });
		expect(parseUkDateTime('2027-01-31 12:00:00')).toEqual({
			date: day('2027-01-31'),
			time: '12:00'
		});
		expect(parseUkDateTime('2027-01-31T12:00')).toEqual({ date: day('2027-01-31'), time: '12:00' });
	});
	it('reads a date alone as parseUkDate does, with no time', () => {
		expect(parseUkDateTime('31/01/2027')).toEqual({ date: day('2027-01-31'), time: null });
		expect(parseUkDateTime('13 March 2020')).toEqual({ date: day('2020-03-13'), time: null });
		// UTC is not UK time in summer: the time is not taken, the date is read as before.
		expect(parseUkDateTime('2027-07-31T11:00Z')).toEqual({ date: day('2027-07-31'), time: null });
	});
	it('refuses an impossible date or time', () => {
		expect(parseUkDateTime('31/02/2027 12:00')).toBeNull();
		expect(parseUkDateTime('31/01/2027 24:30')).toBeNull();
		expect(parseUkDateTime('soon 12:00')).toBeNull();
	});
});

describe('parseGbp', () => {
	it.each([
		['£1,234,567', 1234567],
		['1234567', 1234567],
		['1.2m', 1200000],
		['1.2M', 1200000],
		['£4.5bn', 4500000000],
		['250k', 250000],
		['£ 1.2 m', 1200000],
		['41400000', 41400000]
	])('%j → %d', (raw, value) => expect(parseGbp(raw)).toBe(value));

	it.each(['abc', '', '-5', '£', '1.2x', '1,2,3m£'])('%j → null', (raw) =>
		expect(parseGbp(raw)).toBeNull()
	);
});

describe('parseYesNo', () => {
	it.each([
		['Y', true],
		['yes', true],
		['True', true],
		["Y (used the word 'emergency')", true],
		['N - turned it down', false],
		['N - turned it down on Sept 2020', false],
		['no', false],
		['False', false]
	])('%j → %s', (raw, value) => expect(parseYesNo(raw)).toBe(value));

	it.each(['maybe', '', 'Yesterday', 'Nope'])('%j → null', (raw) =>
		expect(parseYesNo(raw)).toBeNull()
	);
});

describe('zod schemas', () => {
	it('optionalText trims and turns blank into null', () => {
		expect(optionalText.parse('  hi  ')).toBe('hi');
		expect(optionalText.parse('   ')).toBeNull();
		expect(optionalText.parse(undefined)).toBeNull();
	});

	it('requiredText trims and refuses blank or missing', () => {
		expect(requiredText.parse(' TRF ')).toBe('TRF');
		expect(errorOf(requiredText, '   ')).toEqual(['a value is required']);
		expect(errorOf(requiredText, undefined)).toEqual(['a value is required']);
	});

	it('optionalYear', () => {
		expect(optionalYear.parse('2030.0')).toBe(2030);
		expect(optionalYear.parse('')).toBeNull();
		expect(errorOf(optionalYear, '1800')).toEqual(['expected a year such as 2030']);
	});

	it('optionalUkDate', () => {
		expect(optionalUkDate.parse('05/2019')).toEqual(month('2019-05-01'));
		expect(optionalUkDate.parse(' ')).toBeNull();
		expect(errorOf(optionalUkDate, '31/02/2024')).toEqual([
			'expected a date as dd/mm/yyyy or yyyy-mm-dd'
		]);
	});

	it('optionalGbp', () => {
		expect(optionalGbp.parse('£1,234,567')).toBe(1234567);
		expect(optionalGbp.parse('')).toBeNull();
		expect(errorOf(optionalGbp, 'lots')).toEqual([
			'expected an amount in pounds such as £1,234,567 or 1.2m'
		]);
	});

	it('optionalNumber and requiredNumber', () => {
		expect(optionalNumber.parse('1,234.5')).toBe(1234.5);
		expect(optionalNumber.parse('-0.25')).toBe(-0.25);
		expect(optionalNumber.parse('')).toBeNull();
		expect(errorOf(optionalNumber, 'n/a')).toEqual(['expected a number']);
		expect(requiredNumber.parse('7')).toBe(7);
		expect(errorOf(requiredNumber, '')).toEqual(['expected a number']);
	});

	it('optionalTime', () => {
		expect(optionalTime.parse('9:05')).toBe('09:05');
		expect(optionalTime.parse('12:00:00')).toBe('12:00');
		expect(optionalTime.parse('23:59')).toBe('23:59');
		expect(optionalTime.parse('')).toBeNull();
		expect(errorOf(optionalTime, '24:00')).toEqual(['expected a time as HH:MM']);
		expect(errorOf(optionalTime, 'noon')).toEqual(['expected a time as HH:MM']);
	});

	it('optionalYesNo', () => {
		expect(optionalYesNo.parse('True')).toBe(true);
		expect(optionalYesNo.parse('N - turned it down')).toBe(false);
		expect(optionalYesNo.parse('"Y"')).toBe(true);
		expect(optionalYesNo.parse('')).toBeNull();
		expect(errorOf(optionalYesNo, 'maybe')).toEqual(['expected yes or no']);
	});

	it('optionalWebAddress', () => {
		const expected = ['expected a web address starting with http:// or https://'];
		expect(optionalWebAddress.parse(' https://www.gov.uk/fund ')).toBe('https://www.gov.uk/fund');
		expect(optionalWebAddress.parse('http://leeds.gov.uk')).toBe('http://leeds.gov.uk');
		expect(optionalWebAddress.parse('')).toBeNull();
		expect(optionalWebAddress.parse(undefined)).toBeNull();
		expect(errorOf(optionalWebAddress, 'javascript:alert(1)')).toEqual(expected);
		expect(errorOf(optionalWebAddress, 'JAVASCRIPT:alert(1)')).toEqual(expected);
		expect(errorOf(optionalWebAddress, 'www.gov.uk/fund')).toEqual(expected);
		expect(errorOf(optionalWebAddress, 'https://x.example/\r\nEND:VEVENT')).toEqual(expected);
	});
});
