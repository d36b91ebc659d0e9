/**
 * The iCalendar writer: escaping, folding at 75 octets, CRLF, UK local time to UTC across British
 * Summer Time, and the exact lines of a known deadline.
 */
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtc, londonToUtc, uriValue } from './ics';

const STAMP = new Date('2025-03-01T09:30:15.123Z');
const INJECTION = '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned';

describe('escapeText', () => {
	it('escapes backslashes, semicolons, commas and newlines, not colons', () => {
		expect(escapeText('a,b;c\\d\ne\r\nf: g')).toBe('a\\,b\\;c\\\\d\\ne\\nf: g');
	});

	it('leaves no line break or control character: a lone CR, U+2028, NUL', () => {
		expect(escapeText('a\rb\u2028c\u0000d\u001be\tf')).toBe('a\\nb\\ncde\tf');
	});
});

describe('uriValue', () => {
	it('writes web addresses, percent-encoded', () => {
		expect(uriValue('https://www.gov.uk/a fund')).toBe('https://www.gov.uk/a%20fund');
	});

	it('writes nothing for other schemes or an address hiding a line break', () => {
		expect(uriValue('javascript:alert(1)')).toBeNull();
		expect(uriValue(`https://www.gov.uk/${INJECTION}`)).toBeNull();
		expect(uriValue(null)).toBeNull();
	});
});

describe('foldLine', () => {
	it('leaves a line of 75 octets alone', () => {
		const line = 'X'.repeat(75);
		expect(foldLine(line)).toBe(line);
	});

	it('folds longer lines with CRLF and a space, no line over 75 octets', () => {
		const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBe(3);
		expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
		expect(parts[0]!.length).toBe(75);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});

	it('counts octets, not characters, and never splits a multi-byte character', () => {
		const line = `SUMMARY:${'£'.repeat(60)}`; // £ is two octets in UTF-8
		const parts = foldLine(line).split('\r\n');
		expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
		expect(parts.every((p) => !p.includes('\uFFFD'))).toBe(true);
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
		expect(Buffer.byteLength(parts[0]!)).toBe(74); // 8 + 33 × 2; a 34th £ would make 76
	});
});

describe('UK local time to UTC', () => {
	it('keeps GMT in winter: 2024-01-31 23:59 is 23:59Z', () => {
		expect(londonToUtc('2024-01-31', '23:59')).toBe('20240131T235900Z');
	});

	it('takes an hour off in summer: 2022-08-02 12:00 BST is 11:00Z', () => {
		expect(londonToUtc('2022-08-02', '12:00')).toBe('20220802T110000Z');
	});

	it('moves to the previous UTC day just after midnight in summer', () => {
		expect(londonToUtc('2023-06-01', '00:30')).toBe('20230531T233000Z');
	});

	it('changes on the last Sundays of March and October', () => {
		// 2024: clocks went forward 31 March at 01:00 GMT and back 27 October at 02:00 BST.
		expect(londonToUtc('2024-03-31', '00:59')).toBe('20240331T005900Z');
		expect(londonToUtc('2024-03-31', '02:00')).toBe('20240331T010000Z');
		// 01:30 happened twice on 27 October: the first time, in summer time.
		expect(londonToUtc('2024-10-27', '01:30')).toBe('20241027T003000Z');
		expect(londonToUtc('2024-10-27', '02:00')).toBe('20241027T020000Z');
		expect(londonToUtc('2024-10-27', '12:00')).toBe('20241027T120000Z');
		expect(londonToUtc('2023-10-10', '14:00')).toBe('20231010T130000Z');
	});

	it('formats a DTSTAMP without milliseconds', () => {
		expect(formatUtc(STAMP)).toBe('20250301T093015Z');
	});
});

describe('buildCalendar', () => {
	const ics = buildCalendar({
		name: 'Funding deadlines, Net Zero Local',
		stamp: STAMP,
		events: [
			{
				uid: 'competition-10-closes-2024-01-31@net-zero-local',
				summary: 'Closes: Social Housing Decarbonisation Fund Wave 2.2',
				date: '2024-01-31',
				time: '23:59',
				description: 'Funder: DESNZ (formerly BEIS)\nExtended from 19 January to 31 January 2024',
				url: 'https://salixfinance.co.uk/news/social-housing-decarbonisation-fund-wave-22-extended-deadline',
				alarmDaysBefore: 7
			},
			{
				uid: 'competition-1-closes-2022-11-18@net-zero-local',
				summary: 'Closes: Home Upgrade Grant Phase 2 (HUG2)',
				date: '2022-11-18',
				time: null
			}
		]
	});
	const lines = ics.replace(/\r\n /g, '').split('\r\n');

	it('uses CRLF line endings throughout and ends with one', () => {
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
	});

	it('has the calendar header', () => {
		expect(lines.slice(0, 6)).toEqual([
			'BEGIN:VCALENDAR',
			'PRODID:-//Net Zero Local//Funding deadlines//EN',
			'VERSION:2.0',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'X-WR-CALNAME:Funding deadlines\\, Net Zero Local'
		]);
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});

	it('writes the SHDF Wave 2.2 deadline with its time in UTC and an alarm a week before', () => {
		const start = lines.indexOf('UID:competition-10-closes-2024-01-31@net-zero-local');
		const end = lines.indexOf('END:VEVENT', start);
		expect(lines.slice(start - 1, end + 1)).toEqual([
			'BEGIN:VEVENT',
			'UID:competition-10-closes-2024-01-31@net-zero-local',
			'DTSTAMP:20250301T093015Z',
			'DTSTART:20240131T235900Z',
			'SUMMARY:Closes: Social Housing Decarbonisation Fund Wave 2.2',
			'DESCRIPTION:Funder: DESNZ (formerly BEIS)\\nExtended from 19 January to 31 January 2024',
			'URL:https://salixfinance.co.uk/news/social-housing-decarbonisation-fund-wave-22-extended-deadline',
			'TRANSP:TRANSPARENT',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			'DESCRIPTION:In 7 days: Closes: Social Housing Decarbonisation Fund Wave 2.2',
			'TRIGGER:-P7D',
			'END:VALARM',
			'END:VEVENT'
		]);
	});

	it('writes a deadline without a time as an all-day event', () => {
		const start = lines.indexOf('UID:competition-1-closes-2022-11-18@net-zero-local');
		expect(lines.slice(start + 2, start + 4)).toEqual([
			'DTSTART;VALUE=DATE:20221118',
			'DTEND;VALUE=DATE:20221119'
		]);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
	});
});

describe('buildCalendar with hostile values', () => {
	const ics = buildCalendar({
		name: `Deadlines${INJECTION}`,
		description: INJECTION,
		stamp: STAMP,
		events: [
			{
				uid: `competition-1${INJECTION}@net-zero-local`,
				summary: `Closes: Fund${INJECTION}`,
				date: '2025-02-01',
				time: '12:00',
				description: `Funder: DESNZ${INJECTION}`,
				url: `https://www.gov.uk/fund${INJECTION}`,
				categories: [`Funding deadline${INJECTION}`],
				alarmDaysBefore: 7
			}
		]
	});
	const lines = ics.replace(/\r\n /g, '').split('\r\n');

	it('keeps each value on its own line: one event, no injected properties', () => {
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
			'SUMMARY:Closes: Fund\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned'
		]);
		expect(lines).not.toContain('SUMMARY:pwned');
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('escapes the UID and leaves out a URL that is not a plain web address', () => {
		expect(lines).toContain(
			'UID:competition-1\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned@net-zero-local'
		);
		expect(lines.some((l) => l.startsWith('URL:'))).toBe(false);
	});
});
