/**
 * Which month the /deadlines calendar opens on when the URL names none, and the month with
 * deadlines nearest to an empty one. Opening on the current month alone showed an empty grid
 * whenever nothing closes this month (always, on the shipped published rounds, which end in
 * 2025), so the calendar opens on the month that matters and says why.
 */
import type { CalendarEntry } from './deadlines';

/**
 * Why the calendar shows its month: named in the URL; the current month (something opens or
 * closes in it); the next month with a deadline; the latest month with one (none is ahead); or
 * the current month because no deadline is held at all.
 */
export type CalendarMonthReason = 'chosen' | 'current' | 'next' | 'latest' | 'none';

export interface DeadlineMonth {
	month: string;
	count: number;
}

/** The month to show, given the month in the URL (or null) and the months with deadlines. */
export function chooseCalendarMonth(
	requested: string | null,
	today: string,
	entries: readonly CalendarEntry[],
	months: readonly DeadlineMonth[]
): { month: string; reason: CalendarMonthReason } {
	if (requested) return { month: requested, reason: 'chosen' };
	const current = today.slice(0, 7);
	if (entries.some((e) => e.date.startsWith(current))) return { month: current, reason: 'current' };
	const next = months.find((m) => m.month > current);
	if (next) return { month: next.month, reason: 'next' };
	const latest = months.at(-1);
	if (latest) return { month: latest.month, reason: 'latest' };
	return { month: current, reason: 'none' };
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** The month with deadlines closest to `month` (other than it), the later one on a tie. */
export function nearestDeadlineMonth(
	month: string,
	months: readonly DeadlineMonth[]
): DeadlineMonth | null {
	let best: DeadlineMonth | null = null;
	let bestGap = Infinity;
	for (const m of months) {
		if (m.month === month) continue;
		const gap = Math.abs(monthIndex(m.month) - monthIndex(month));
		if (gap < bestGap || (gap === bestGap && best && m.month > best.month)) {
			best = m;
			bestGap = gap;
		}
	}
	return best;
}
