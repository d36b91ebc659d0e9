/**
 * Dates and UK time, in one module for the server and the browser. Dates are ISO calendar days
 * (YYYY-MM-DD) as the UK reads them; day arithmetic counts whole days between UTC midnights, so
 * no clock change can move a day. "Today" and clock times go through Intl with the Europe/London
 * time zone, which knows when British Summer Time starts and ends, instead of a rule written
 * out by hand.
 */

export const UK_TIME_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isIsoDate = (s: string | null | undefined): s is string => !!s && ISO_DATE.test(s);
export const isIsoMonth = (s: string | null | undefined): s is string => !!s && ISO_MONTH.test(s);

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const utcMidnight = (iso: string) => {
	const [y, m, d] = parts(iso);
	return Date.UTC(y, m - 1, d);
};
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Whole days since 1970-01-01 of a real calendar date at the start of the text; null when the
 * text does not start with one (2024-02-30 is refused, not rolled over into March).
 */
export function dayNumber(text: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	if (!m) return null;
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return isoOf(ms) === `${m[1]}-${m[2]}-${m[3]}` ? ms / DAY_MS : null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
	return isoOf(utcMidnight(iso) + days * DAY_MS);
}

/** The last day of the month of an ISO date. */
export function endOfMonth(iso: string): string {
	const [y, m] = parts(iso);
	return isoOf(Date.UTC(y, m, 0));
}

/** "2024-01" → "2023-12" for -1. */
export function addMonths(month: string, n: number): string {
	const [y, m] = parts(month);
	const total = y * 12 + (m - 1) + n;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Day of the week, Monday 0 to Sunday 6 (the UK calendar's week). */
export function weekdayIndex(iso: string): number {
	return (new Date(utcMidnight(iso)).getUTCDay() + 6) % 7;
}

/** The year of an ISO date or date-time. */
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** An ISO date as a UK spreadsheet writes it: 31/01/2024. */
export const toUkDate = (iso: string): string => iso.split('-').reverse().join('/');

const ukClock = new Intl.DateTimeFormat('en-GB', {
	timeZone: UK_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** The UK calendar date and clock reading at an instant. */
function ukWallClock(instant: Date) {
	const p = Object.fromEntries(ukClock.formatToParts(instant).map((x) => [x.type, x.value]));
	return {
		date: `${p.year}-${p.month}-${p.day}`,
		ms: Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!)
	};
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function ukToday(now: Date = new Date()): string {
	return ukWallClock(now).date;
}

/** Minutes UK clocks are ahead of UTC at an instant: 0 in winter (GMT), 60 in summer (BST). */
export function ukOffsetMinutes(instant: Date): number {
	const whole = Math.floor(instant.getTime() / 1000) * 1000;
	return Math.round((ukWallClock(instant).ms - whole) / 60_000);
}

/**
 * The instant a UK date and clock time (HH:MM) name. On the two change days an hour is skipped
 * (March) or happens twice (October); a time in it is read as summer time, the first of
 * October's two.
 */
export function ukTimeToInstant(date: string, time: string): Date {
	const [y, m, d] = parts(date);
	const [h, min] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(y, m - 1, d, h, min);
	// The offsets either side differ only near a change; keep those that give back this time.
	const around = [
		ukOffsetMinutes(new Date(wall - 6 * 3_600_000)),
		ukOffsetMinutes(new Date(wall + 6 * 3_600_000))
	];
	const fitting = around.filter((o) => ukOffsetMinutes(new Date(wall - o * 60_000)) === o);
	const offset = fitting.length === 1 ? fitting[0]! : Math.max(...around);
	return new Date(wall - offset * 60_000);
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "18 November 2022", or "May 2019" for a month-only date; "—" for none. */
export function formatDate(
	iso: string | null | undefined,
	precision: 'day' | 'month' | null = 'day'
): string {
	if (!iso) return '—';
	const [y, m, d] = parts(iso);
	if (!m) return String(y);
	return precision === 'month' || !d ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
}
