/**
 * A small iCalendar (RFC 5545) writer for deadline feeds: one VCALENDAR of VEVENTs, lines folded
 * at 75 octets, CRLF line endings, TEXT values escaped. Times published in UK local time are
 * written in UTC (converted through the Europe/London time zone), so no VTIMEZONE is needed and
 * every client shows them right in any zone; a date without a time is an all-day event.
 *
 * Values come from imported data, so none may break a line: a CR LF in a title or a link would
 * let one row write whole events into every subscriber's calendar. TEXT values are escaped, a URL
 * is written only when it is a web address, and any control character left is dropped.
 */
import { addDays, ukTimeToInstant } from '../domain/dates';
import { webAddress } from '../links';

export interface IcsEvent {
	/** Globally unique and stable across feeds, e.g. `competition-10-closes-2024-01-31@net-zero-local`. */
	uid: string;
	summary: string;
	/** YYYY-MM-DD, UK local. */
	date: string;
	/** HH:MM, UK local; null for an all-day event. */
	time: string | null;
	description?: string | null;
	url?: string | null;
	categories?: string[];
	/** Adds a display alarm this many days before the event. */
	alarmDaysBefore?: number | null;
}

export interface IcsCalendar {
	name: string;
	description?: string;
	events: IcsEvent[];
	/** When the feed was generated (DTSTAMP). */
	stamp: Date;
	prodId?: string;
}

const CRLF = '\r\n';
const PROD_ID = '-//Net Zero Local//Funding deadlines//EN';

/** Control characters RFC 5545 forbids in a value (§3.1: all but HTAB), and Unicode line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g;

/**
 * Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11); drops any
 * other control character.
 */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
		.replace(CONTROL, '');
}

/** A URI value (URL): a web address, percent-encoded as a URI must be; anything else is null. */
export function uriValue(value: string | null | undefined): string | null {
	const address = webAddress(value);
	return address === null ? null : new URL(address).href;
}

/**
 * Folds a content line so no line is longer than 75 octets of UTF-8 (RFC 5545 §3.1): continuation
 * lines start with one space; a multi-byte character is never split.
 */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch, 'utf8');
		const limit = out.length === 0 ? 75 : 74; // a continuation's leading space is one octet
		if (octets + size > limit) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += size;
	}
	out.push(current);
	return out.join(`${CRLF} `);
}

/** UK local date and time → iCalendar UTC DATE-TIME, e.g. 2022-08-02 12:00 → 20220802T110000Z. */
export function londonToUtc(date: string, time: string): string {
	return formatUtc(ukTimeToInstant(date, time));
}

/** A Date as an iCalendar UTC DATE-TIME (seconds kept, milliseconds dropped). */
export function formatUtc(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function eventLines(event: IcsEvent, stamp: string): string[] {
	const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
	if (event.time) {
		lines.push(`DTSTART:${londonToUtc(event.date, event.time)}`);
	} else {
		lines.push(`DTSTART;VALUE=DATE:${compactDate(event.date)}`);
		lines.push(`DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`);
	}
	lines.push(`SUMMARY:${escapeText(event.summary)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	const url = uriValue(event.url);
	if (url) lines.push(`URL:${url}`);
	if (event.categories?.length)
		lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
	lines.push('TRANSP:TRANSPARENT');
	if (event.alarmDaysBefore) {
		lines.push(
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			`DESCRIPTION:${escapeText(`In ${event.alarmDaysBefore} days: ${event.summary}`)}`,
			`TRIGGER:-P${event.alarmDaysBefore}D`,
			'END:VALARM'
		);
	}
	lines.push('END:VEVENT');
	return lines;
}

/** The whole calendar as iCalendar text, CRLF line endings, ending with a CRLF. */
export function buildCalendar(calendar: IcsCalendar): string {
	const stamp = formatUtc(calendar.stamp);
	const lines = [
		'BEGIN:VCALENDAR',
		`PRODID:${calendar.prodId ?? PROD_ID}`,
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
		'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
		'X-PUBLISHED-TTL:PT12H',
		...calendar.events.flatMap((e) => eventLines(e, stamp)),
		'END:VCALENDAR'
	];
	// Every value above is escaped; dropping what control characters remain makes sure of it.
	return lines.map((line) => foldLine(line.replace(CONTROL, ''))).join(CRLF) + CRLF;
}
