/**
 * Pure, client-safe helpers for funding deadlines: the filter every deadline view reads from a query
 * string, a competition's status relative to a given "today", month grids for the calendar, and
 * the wording officers read ("closes in 6 days", "extended from 19 January to 31 January 2024").
 * The date arithmetic underneath is domain/dates.ts.
 */
import { z } from 'zod';
import { addDays, endOfMonth, formatDate, weekdayIndex } from './domain/dates';

// Day arithmetic lives in the dates module; these names stay importable from here.
export {
	addDays,
	addMonths,
	daysBetween,
	endOfMonth,
	isIsoDate,
	isIsoMonth,
	ukToday
} from './domain/dates';

export const COMPETITION_STATUSES = [
	'open',
	'upcoming',
	'closed',
	'allocation',
	'unknown'
] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

/** A window shorter than this many days is "short" (DOMAIN.md: share of windows under 6 weeks). */
export const SHORT_WINDOW_DAYS = 42;
/** An open competition closing within this many days is "closing soon". */
export const CLOSING_SOON_DAYS = 28;

export const KIND_LABELS: Record<string, string> = {
	competitive: 'Competitive',
	formula: 'Formula allocation',
	expression_of_interest: 'Expression of interest'
};

export const STATUS_LABELS: Record<CompetitionStatus, string> = {
	open: 'Open now',
	upcoming: 'Upcoming',
	closed: 'Closed',
	allocation: 'Allocation (no application window)',
	unknown: 'Dates not known'
};

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

/** The filters shared by /deadlines, /deadlines.ics and /api/competitions (bad values ignored). */
export const CompetitionFilterSchema = z.object({
	q: text(100),
	theme: text(80),
	funder: text(120),
	kind: z.enum(['competitive', 'formula', 'expression_of_interest']).optional().catch(undefined),
	/** An authority type code (NMD, UA…): rounds open to it, and rounds that do not say. */
	type: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2,5}$/)
		.optional()
		.catch(undefined),
	status: z.enum(COMPETITION_STATUSES).optional().catch(undefined)
});
export type CompetitionFilter = z.output<typeof CompetitionFilterSchema>;

/** The filter in a query string; empty values are dropped. */
export function readCompetitionFilter(params: URLSearchParams): CompetitionFilter {
	const entries = [...params.entries()].filter(([, v]) => v.trim() !== '');
	const parsed = CompetitionFilterSchema.parse(Object.fromEntries(entries));
	return Object.fromEntries(
		Object.entries(parsed).filter(([, v]) => v !== undefined)
	) as CompetitionFilter;
}

/** The filter as a query string (without "?"), for links that keep it: ICS, CSV, months. */
export function filterQuery(filter: CompetitionFilter, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, String(v));
	return params.toString();
}

export interface DatedEvent {
	date: string;
	precision: 'day' | 'month';
}

/**
 * Open if it has opened (or no opening date is known) and its last deadline is today or later;
 * upcoming before it opens; closed after the last deadline; unknown when there is no closing date
 * and it is not upcoming. A month-only opening counts from the 1st, a month-only deadline to the
 * last day of that month.
 */
export function competitionStatus(
	opens: DatedEvent | null,
	closes: DatedEvent | null,
	today: string,
	kind: string | null = null
): CompetitionStatus {
	if (opens && opens.date > today) return 'upcoming';
	// Money given by formula has no window to miss: an allocation, not a round missing its dates.
	if (!opens && !closes && kind === 'formula') return 'allocation';
	if (!closes) return 'unknown';
	const last = closes.precision === 'month' ? endOfMonth(closes.date) : closes.date;
	return last >= today ? 'open' : 'closed';
}

/** "today", "tomorrow", "in 6 days" (for "closes …" / "opens …"). */
export function relativeDays(days: number): string {
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return 'yesterday';
	return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** A UK time as GOV.UK writes it: "11:59pm", "midday", "10am". */
export function formatUkTime(time: string | null | undefined): string {
	if (!time) return '';
	const [h, m] = time.split(':').map(Number) as [number, number];
	if (h === 12 && m === 0) return 'midday';
	if (h === 0 && m === 0) return 'midnight';
	const suffix = h < 12 ? 'am' : 'pm';
	const hour = h % 12 === 0 ? 12 : h % 12;
	return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

/** "31 January 2024, 11:59pm UK time", or the date alone when no time is published. */
export function formatDateTime(
	date: string | null | undefined,
	time: string | null | undefined,
	precision: 'day' | 'month' = 'day'
): string {
	if (!date) return '—';
	const day = formatDate(date, precision);
	return time ? `${day}, ${formatUkTime(time)} UK time` : day;
}

/**
 * "19 January to 31 January 2024": the first year is left out when both dates share it, as
 * officers say it ("extended from 19 January to 31 January 2024").
 */
export function formatDateRange(from: string, to: string): string {
	const a = formatDate(from);
	const b = formatDate(to);
	const sameYear = from.slice(0, 4) === to.slice(0, 4);
	return `${sameYear ? a.replace(/ \d{4}$/, '') : a} to ${b}`;
}

export interface DateChange {
	event: 'opens' | 'closes';
	date: string;
	replacedBy: string;
}

/** "extended from 19 January to 31 January 2024", "opening moved from … to …". */
export function describeDateChange(change: DateChange): string {
	const range = formatDateRange(change.date, change.replacedBy);
	if (change.event === 'opens') return `opening moved from ${range}`;
	return change.replacedBy >= change.date
		? `extended from ${range}`
		: `deadline brought forward from ${range}`;
}

/* ---------------------------------------------------------------- months and the calendar */

export const WEEKDAYS = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
] as const;

/** "January 2024". */
export function formatMonth(month: string): string {
	return formatDate(`${month}-01`, 'month');
}

/** "Wednesday 31 January 2024". */
export function formatLongDate(iso: string): string {
	const weekday = WEEKDAYS[weekdayIndex(iso)];
	return `${weekday} ${formatDate(iso)}`;
}

/** The weeks of a month, Monday first: ISO dates, null for days outside the month. */
export function monthWeeks(month: string): (string | null)[][] {
	const first = `${month}-01`;
	const last = endOfMonth(first);
	const lead = weekdayIndex(first);
	const days: (string | null)[] = Array.from({ length: lead }, () => null);
	for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
	while (days.length % 7) days.push(null);
	const weeks: (string | null)[][] = [];
	for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
	return weeks;
}

export interface CalendarSource {
	id: number;
	scheme: string;
	round: string;
	isSample: boolean;
	opens: (DatedEvent & { time: string | null }) | null;
	deadlines: (DatedEvent & { time: string | null })[];
}

export interface CalendarEntry {
	date: string;
	event: 'opens' | 'closes';
	competitionId: number;
	/** "Closes: Social Housing Decarbonisation Fund Wave 2.2". */
	label: string;
	time: string | null;
	/** Only the month is published: shown on the 1st, saying so. */
	monthOnly: boolean;
	isSample: boolean;
}

/** Openings and every current deadline of the competitions, by date. */
export function calendarEntries(rows: readonly CalendarSource[]): CalendarEntry[] {
	const entries = rows.flatMap((c) => {
		const entry = (event: 'opens' | 'closes', d: DatedEvent & { time: string | null }) => ({
			date: d.date,
			event,
			competitionId: c.id,
			label: `${event === 'opens' ? 'Opens' : 'Closes'}: ${c.scheme} ${c.round}`,
			time: d.time,
			monthOnly: d.precision === 'month',
			isSample: c.isSample
		});
		return [
			...(c.opens ? [entry('opens', c.opens)] : []),
			...c.deadlines.map((d) => entry('closes', d))
		];
	});
	return entries.sort(
		(a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '')
	);
}

/** Months (YYYY-MM) that have at least one deadline, in order, with how many. */
export function deadlineMonths(
	entries: readonly CalendarEntry[]
): { month: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const e of entries) {
		if (e.event !== 'closes') continue;
		const month = e.date.slice(0, 7);
		counts.set(month, (counts.get(month) ?? 0) + 1);
	}
	return [...counts]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([month, count]) => ({ month, count }));
}

/** Who may bid, in words: the authority types by name, else the note, else "not stated". */
export function describeEligibility(
	types: readonly string[] | null,
	note: string | null,
	typeNames: Readonly<Record<string, string>> = {}
): string {
	if (types?.length) return types.map((t) => typeNames[t] ?? t).join(', ');
	return note ?? 'Not stated';
}
