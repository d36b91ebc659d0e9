/**
 * Application windows and churn: how long councils get to bid (days from open to close), how
 * often published dates change (deadlines extended or brought forward, windows re-run or
 * postponed), and how many schemes ran a single round only. Pure; unit-tested.
 */
import { dayNumber } from '../../domain/dates';
import { median } from './funding-stats';

/** A competition's current (not superseded) dates, ISO yyyy-mm-dd, and how many were replaced. */
export interface WindowFact {
	competitionId: number;
	opens: string | null;
	closes: string | null;
	/** Opening dates replaced by a later one: a re-run window (PSDS 3c) or a postponed opening. */
	openingChanges: number;
	/** Closing dates replaced: each extension (or deadline brought forward) counts once. */
	closingChanges: number;
	/** How the money is given: a formula allocation has no window to know. */
	kind?: string | null;
}

/** Six weeks: windows shorter than this are counted as short. */
export const SHORT_WINDOW_DAYS = 42;

/** Days from opening to closing date; null if either date is missing or the close is before the open. */
export function windowDays(opens: string | null, closes: string | null): number | null {
	// UTC midnights on both sides: local-time parsing would lose or gain an hour across a clock
	// change and round to the wrong day.
	const o = opens ? dayNumber(opens) : null;
	const c = closes ? dayNumber(closes) : null;
	if (o === null || c === null || c < o) return null;
	return c - o;
}

export interface WindowSummary {
	/** Rounds counted, with or without known dates. */
	windows: number;
	/** Rounds whose opening and closing dates are both known (the base of medianDays and shortShare). */
	knownWindows: number;
	/** Formula allocations with no dates: money with no window to bid in, not a date missing. */
	allocations: number;
	/** Known windows under SHORT_WINDOW_DAYS. */
	shortWindows: number;
	medianDays: number | null;
	/** shortWindows / knownWindows (0..1); null when no window is known. */
	shortShare: number | null;
	/** Rounds with at least one opening or closing date replaced. */
	roundsChanged: number;
	/** Every replaced date: openingChanges + closingChanges over all rounds. */
	datesChanged: number;
	/** Closing dates replaced (extensions, deadlines brought forward). */
	deadlinesMoved: number;
	/** Opening dates replaced (re-runs, postponed openings). */
	openingsMoved: number;
}

/** Median window length, share of short windows and how many published dates changed. */
export function windowSummary(windows: readonly WindowFact[]): WindowSummary {
	const days = windows
		.map((w) => windowDays(w.opens, w.closes))
		.filter((d): d is number => d !== null);
	const shortWindows = days.filter((d) => d < SHORT_WINDOW_DAYS).length;
	const deadlinesMoved = windows.reduce((n, w) => n + w.closingChanges, 0);
	const openingsMoved = windows.reduce((n, w) => n + w.openingChanges, 0);
	return {
		windows: windows.length,
		knownWindows: days.length,
		allocations: windows.filter((w) => w.kind === 'formula' && !w.opens && !w.closes).length,
		shortWindows,
		medianDays: median(days),
		// A round with a missing date has no window length: it is neither short nor long, so it
		// is left out of the base rather than counted as "not short".
		shortShare: days.length > 0 ? shortWindows / days.length : null,
		roundsChanged: windows.filter((w) => w.openingChanges + w.closingChanges > 0).length,
		datesChanged: deadlinesMoved + openingsMoved,
		deadlinesMoved,
		openingsMoved
	};
}

/** How many schemes ran one round only, out of all schemes. */
export function churn(rounds: readonly { scheme: string; round: string }[]): {
	schemes: number;
	singleRoundSchemes: number;
	share: number | null;
} {
	// Distinct rounds per scheme: the same round appears once per award or per window, and
	// counting rows would make a one-round scheme look like a long-running one.
	const byScheme = new Map<string, Set<string>>();
	for (const r of rounds) {
		let set = byScheme.get(r.scheme);
		if (!set) byScheme.set(r.scheme, (set = new Set()));
		set.add(r.round);
	}
	const schemes = byScheme.size;
	const singleRoundSchemes = [...byScheme.values()].filter((s) => s.size === 1).length;
	return { schemes, singleRoundSchemes, share: schemes > 0 ? singleRoundSchemes / schemes : null };
}
