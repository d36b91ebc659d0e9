/**
 * Coercions from the text that real spreadsheets contain to typed values, as zod schemas so that
 * every feed validates the same way and every failure says what was expected.
 * Excel habits handled here: "2030.0" years, dd/mm/yyyy and month-only dates, £1,234,567 and 1.2m
 * amounts, free-text yes/no, surrounding spaces, empty cells.
 */
import { z } from 'zod';
import { webAddress } from '../../links';

/**
 * Text limits by kind of column. Free text (wording, notes, descriptions) is bounded by what a
 * spreadsheet cell holds, checked for every cell as the file is read (cells.ts); a name, title or
 * code is bounded here, far tighter: a longer one is a mistake (a paragraph in the wrong column).
 */
export const SHORT_TEXT_CHARS = 500;
export const SHORT_TEXT = `expected a name, title or code of at most ${SHORT_TEXT_CHARS} characters`;

/** Trimmed free text; empty (or whitespace-only) becomes null. */
export const optionalText = z
	.string()
	.optional()
	.transform((s) => {
		const t = s?.trim();
		return t ? t : null;
	});

/** A name, title or code, trimmed; empty becomes null. */
export const optionalShortText = optionalText.pipe(
	z.string().max(SHORT_TEXT_CHARS, SHORT_TEXT).nullable()
);

/** A name, title or code that must be given. */
export const requiredText = z
	.string({ error: 'a value is required' })
	.transform((s) => s.trim())
	.pipe(z.string().min(1, 'a value is required').max(SHORT_TEXT_CHARS, SHORT_TEXT));

/** A year, written 2030 or "2030.0" (pandas writes floats); plausible range only. */
export function parseYear(raw: string): number | null {
	const m = /^\s*(\d{4})(?:\.0+)?\s*$/.exec(raw);
	if (!m) return null;
	const year = Number(m[1]);
	return year >= 1990 && year <= 2100 ? year : null;
}

export const optionalYear = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s?.trim()) return null;
		const year = parseYear(s);
		if (year === null) {
			ctx.addIssue({ code: 'custom', message: 'expected a year such as 2030' });
			return z.NEVER;
		}
		return year;
	});

export interface ParsedDate {
	/** ISO date; for a month-only date, the first of the month. */
	date: string;
	precision: 'day' | 'month';
}

function isRealDate(y: number, m: number, d: number): boolean {
	const dt = new Date(Date.UTC(y, m - 1, d));
	return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES =
	'january february march april may june july august september october november december'.split(
		' '
	);

/** "March", "Mar", "Sept" → 3, 3, 9; any other word (even "Mayo") → null. */
function monthNumber(word: string): number | null {
	const w = word.toLowerCase();
	const i = MONTH_NAMES.findIndex(
		(name, k) => w === name || w === MONTHS[k] || (k === 8 && w === 'sept')
	);
	return i >= 0 ? i + 1 : null;
}

/**
 * Dates as UK spreadsheets write them: ISO (2024-01-31, 2024-01-31T14:00), dd/mm/yyyy, d/m/yy,
 * yyyy/mm/dd, "13 March 2020", and month-only (05/2019, 2021-11, "May 2019").
 * Never US order: 03/04/2024 is 3 April.
 */
export function parseUkDate(raw: string): ParsedDate | null {
	const s = raw.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return isRealDate(y, mo, d) ? { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' } : null;
	}
	m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
	if (m) {
		const d = Number(m[1]);
		const mo = Number(m[2]);
		const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
		return isRealDate(y, mo, d) ? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' } : null;
	}
	m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return isRealDate(y, mo, d) ? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' } : null;
	}
	m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s);
	if (m) {
		const mo = monthNumber(m[2]!);
		const [y, d] = [Number(m[3]), Number(m[1])];
		return mo && isRealDate(y, mo, d)
			? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' }
			: null;
	}
	m = /^(\d{4})\s+([a-z]+)\.?\s+(\d{1,2})$/i.exec(s);
	if (m) {
		const mo = monthNumber(m[2]!);
		const [y, d] = [Number(m[1]), Number(m[3])];
		return mo && isRealDate(y, mo, d)
			? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' }
			: null;
	}
	m = /^([a-z]+)\.?\s+(\d{4})$/i.exec(s);
	if (m) {
		const mo = monthNumber(m[1]!);
		return mo ? { date: `${m[2]}-${pad(mo)}-01`, precision: 'month' } : null;
	}
	m = /^(\d{1,2})\/(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})$/.exec(s);
	if (m) {
		const [y, mo] = m[1]!.length === 4 ? [m[1], m[2]] : [m[2], m[1]];
		const month = Number(mo);
		return month >= 1 && month <= 12 ? { date: `${y}-${pad(month)}-01`, precision: 'month' } : null;
	}
	return null;
}

export const optionalUkDate = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s?.trim()) return null;
		const parsed = parseUkDate(s);
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'expected a date as dd/mm/yyyy or yyyy-mm-dd' });
			return z.NEVER;
		}
		return parsed;
	});

/**
 * A date cell that may carry the time of day after the date, as spreadsheets write a deadline
 * ("31/01/2027 23:59", "2027-01-31 12:00:00"); the time is UK local, as the template's time
 * columns are. A time ending in Z (UTC) is not split off: the date is read as parseUkDate reads it.
 */
export function parseUkDateTime(raw: string): { date: ParsedDate; time: string | null } | null {
	const s = raw.trim();
	const m = /^(.*\d)[T ]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(s);
	if (m && Number(m[2]) <= 23 && Number(m[3]) <= 59) {
		const date = parseUkDate(m[1]!);
		return date ? { date, time: `${m[2]!.padStart(2, '0')}:${m[3]}` } : null;
	}
	const date = parseUkDate(s);
	return date ? { date, time: null } : null;
}

export const optionalUkDateTime = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s?.trim()) return null;
		const parsed = parseUkDateTime(s);
		if (!parsed) {
			ctx.addIssue({
				code: 'custom',
				message:
					'expected a date as dd/mm/yyyy or yyyy-mm-dd, with a time as HH:MM after it or none'
			});
			return z.NEVER;
		}
		return parsed;
	});

/** A time of day, HH:MM (24-hour, UK local). */
export const optionalTime = z
	.string()
	.optional()
	.transform((s, ctx) => {
		const t = s?.trim();
		if (!t) return null;
		// Excel exports times as 12:00:00; seconds are dropped.
		const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
		if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
			ctx.addIssue({ code: 'custom', message: 'expected a time as HH:MM' });
			return z.NEVER;
		}
		return `${m[1]!.padStart(2, '0')}:${m[2]}`;
	});

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9, b: 1e9 };

/**
 * Numbers are stored as doubles: past 15 digits before the point they are no longer exact, and no
 * real amount, emission or population comes near (a "35-digit number" is a pasted-in mistake).
 */
export const MAX_NUMBER = 1e15;
export const TOO_LARGE = 'expected a number of at most 15 digits before the decimal point';

/** Pounds as written by people: 1234567, £1,234,567, 1.2m, £4.5bn, 250k. Whole pounds. */
export function parseGbp(raw: string): number | null {
	const s = raw.trim().toLowerCase().replace(/^£/, '').replace(/,/g, '').replace(/\s+/g, '');
	const m = /^(\d+(?:\.\d+)?)(k|m|bn|b)?$/.exec(s);
	if (!m) return null;
	const value = Number(m[1]) * (m[2] ? MULTIPLIERS[m[2]]! : 1);
	return Math.round(value);
}

export const optionalGbp = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s?.trim()) return null;
		const value = parseGbp(s);
		if (value !== null && value >= MAX_NUMBER) {
			ctx.addIssue({ code: 'custom', message: TOO_LARGE });
			return z.NEVER;
		}
		if (value === null) {
			ctx.addIssue({
				code: 'custom',
				message: 'expected an amount in pounds such as £1,234,567 or 1.2m'
			});
			return z.NEVER;
		}
		return value;
	});

/** A decimal number; "" is null. */
export const optionalNumber = z
	.string()
	.optional()
	.transform((s, ctx) => {
		const t = s?.trim().replace(/,/g, '');
		if (!t) return null;
		const n = Number(t);
		if (!Number.isFinite(n)) {
			ctx.addIssue({ code: 'custom', message: 'expected a number' });
			return z.NEVER;
		}
		if (Math.abs(n) >= MAX_NUMBER) {
			ctx.addIssue({ code: 'custom', message: TOO_LARGE });
			return z.NEVER;
		}
		return n;
	});

export const requiredNumber = optionalNumber.pipe(z.number({ error: 'expected a number' }));

export const POPULATION = 'expected a population of 0 or more';

/** A population (of people or thousands): never negative. */
export const optionalPopulation = optionalNumber.pipe(z.number().min(0, POPULATION).nullable());

/** Free-text yes/no ("Y", "yes", "True", "N - turned it down"): the first word decides. */
export function parseYesNo(raw: string): boolean | null {
	const first = /^\s*([a-z]+)/i.exec(raw)?.[1]?.toLowerCase();
	if (!first) return null;
	if (['y', 'yes', 'true', 't', '1'].includes(first)) return true;
	if (['n', 'no', 'false', 'f', '0', 'none'].includes(first)) return false;
	return null;
}

export const optionalYesNo = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s?.trim()) return null;
		const v = parseYesNo(s) ?? parseYesNo(s.replace(/^\W+/, ''));
		if (v === null) {
			ctx.addIssue({ code: 'custom', message: 'expected yes or no' });
			return z.NEVER;
		}
		return v;
	});

/**
 * A link column (source_url, url, website_url): an http or https web address, or empty (null).
 * Anything else (`javascript:`, a CR LF inside, "Loading...") is an error: such a link would run
 * script on our pages or break the calendar feed, and it links to nothing a reader could follow.
 */
export const optionalWebAddress = optionalText.refine(
	(s) => s === null || webAddress(s) !== null,
	'expected a web address starting with http:// or https://'
);

/**
 * A parsed date as stored: its ISO date, null for a blank cell, undefined when the file has no
 * such column (so the writer leaves the stored value). Not `d?.date`, which would turn a blank
 * into "not given".
 */
export function storedDate(d: ParsedDate | null | undefined): string | null | undefined {
	return d === undefined ? undefined : d === null ? null : d.date;
}
