/**
 * A council's climate actions as a committee reads them: which are late and which stale (judged
 * against a `today` the caller passes, because today moves and a stored flag would go out of
 * date), how each is funded, headline counts, groups by status and sector, and the estimated
 * savings set against the gap to the straight-line path. Pure; unit-tested.
 */
import { daysBetween, isIsoDate } from '../../deadlines';
import type { BidStatus } from './funding-bids';
import { notAvailable } from './series';
import type { pathPosition } from './target-context';

/**
 * The vocabularies of the actions template (feeds/template-actions.ts) and the schema, repeated
 * here so that pure metrics import nothing from the database layer (as funding-bids.ts does).
 */
export const ACTION_STATUSES = [
	'planned',
	'in_progress',
	'complete',
	'delayed',
	'cancelled'
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_PHASES = ['not_started', 'planning', 'implementation', 'completed'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	planned: 'Planned',
	in_progress: 'In progress',
	complete: 'Complete',
	delayed: 'Delayed',
	cancelled: 'Cancelled'
};
export const ACTION_PHASE_LABELS: Record<ActionPhase, string> = {
	not_started: 'Not started',
	planning: 'Planning',
	implementation: 'Implementation',
	completed: 'Completed'
};

export const STALE_AFTER_DAYS = 180;

export const PERCENT_COMPLETE_LABEL = '% complete, as stated by the officer';
export const LATE_EXPLANATION =
	'An action is late when it is neither complete nor cancelled and its due date, or the due date of a milestone not yet done, is before today.';
export const STALE_EXPLANATION = `An action is stale when it is neither complete nor cancelled and has not been updated for ${STALE_AFTER_DAYS} days or more.`;
export const FUNDING_EXPLANATION =
	"Funded when a linked bid was won or an award is linked; pending while a linked bid awaits a decision; unfunded when every linked bid was lost or withdrawn; not linked when no bid or award is linked (it may still be paid for from the council's own budget).";
export const COUNTS_EXPLANATION =
	'Each action is counted once: complete, cancelled, late, delayed (marked delayed but not yet past a due date) or on track (planned or in progress and not late).';
export const SAVINGS_EXPLANATION =
	"The officers' estimates of tCO2e saved a year by actions not cancelled, set against how far the latest year's emissions are above the straight-line path.";

export type FundingState = 'funded' | 'pending' | 'unfunded' | 'not_linked';
export type ProgressGroup = 'complete' | 'cancelled' | 'late' | 'delayed' | 'on_track';

export interface ActionFact {
	status: ActionStatus;
	phase?: ActionPhase | null;
	sector?: string | null;
	percentComplete?: number | null;
	/** ISO dates, YYYY-MM-DD. */
	dueDate?: string | null;
	lastUpdated?: string | null;
	estTco2ePerYear?: number | null;
	milestones?: readonly { dueDate: string | null; doneOn: string | null }[];
	linkedBids?: readonly { status: BidStatus }[];
	/** How many awards are linked to the action directly. */
	linkedAwards?: number;
}

function isoDate(value: string, what: string): string {
	if (!isIsoDate(value)) throw new Error(`${what} is "${value}", expected a date as YYYY-MM-DD`);
	return value;
}

/** How an action is paid for, from its linked bids and awards only (FUNDING_EXPLANATION). */
export function fundingState(action: ActionFact): FundingState {
	const bids = action.linkedBids ?? [];
	if ((action.linkedAwards ?? 0) > 0 || bids.some((b) => b.status === 'won')) return 'funded';
	if (bids.some((b) => ['idea', 'drafting', 'submitted'].includes(b.status))) return 'pending';
	return bids.length > 0 ? 'unfunded' : 'not_linked';
}

/** One action on `today`: late, stale, funded, and the % complete as the officer gave it. */
export function assessAction(action: ActionFact, today: string) {
	isoDate(today, 'today');
	// Complete and cancelled actions have nothing left to be late with or to report on.
	const open = action.status !== 'complete' && action.status !== 'cancelled';
	const pastDue = [
		action.dueDate,
		...(action.milestones ?? []).filter((m) => !m.doneOn).map((m) => m.dueDate)
	]
		.filter((d): d is string => !!d)
		.map((d) => isoDate(d, 'due date'))
		.filter((d) => d < today);
	const late = open && pastDue.length > 0;
	const updated = action.lastUpdated ? isoDate(action.lastUpdated, 'last updated') : null;
	const daysSinceUpdate = updated ? daysBetween(updated, today) : null;
	return {
		late,
		/** Days since the earliest due date passed, for a late action. */
		daysLate: late ? Math.max(...pastDue.map((d) => daysBetween(d, today))) : null,
		/** Null when an open action carries no last-updated date: not known, not fresh. */
		stale: !open ? false : daysSinceUpdate === null ? null : daysSinceUpdate >= STALE_AFTER_DAYS,
		daysSinceUpdate,
		funding: fundingState(action),
		percentComplete: action.percentComplete ?? null,
		group: progressGroup(action.status, late)
	};
}

function progressGroup(status: ActionStatus, late: boolean): ProgressGroup {
	if (status === 'complete' || status === 'cancelled') return status;
	if (late) return 'late';
	return status === 'delayed' ? 'delayed' : 'on_track';
}

/** The committee headline: total, on track, complete, late, and the rest so the counts add up. */
export function actionCounts(actions: readonly ActionFact[], today: string) {
	const counts = { total: 0, onTrack: 0, complete: 0, late: 0, delayed: 0, cancelled: 0 };
	const key = {
		on_track: 'onTrack',
		complete: 'complete',
		late: 'late',
		delayed: 'delayed',
		cancelled: 'cancelled'
	} as const;
	let estTco2ePerYear = 0;
	let stale = 0;
	let notDated = 0;
	const funding: Record<FundingState, number> = {
		funded: 0,
		pending: 0,
		unfunded: 0,
		not_linked: 0
	};
	for (const a of actions) {
		const assessed = assessAction(a, today);
		counts.total += 1;
		counts[key[assessed.group]] += 1;
		if (assessed.stale) stale += 1;
		if (assessed.stale === null) notDated += 1;
		funding[assessed.funding] += 1;
		if (a.status !== 'cancelled') estTco2ePerYear += a.estTco2ePerYear ?? 0;
	}
	return { ...counts, stale, notDated, funding, estTco2ePerYear };
}

/** Counts per status (every status, in order) or per sector (as written, ignoring case). */
export function groupActions(
	actions: readonly ActionFact[],
	today: string,
	by: 'status' | 'sector'
) {
	const groups = new Map<string, { label: string; actions: ActionFact[] }>();
	if (by === 'status')
		for (const s of ACTION_STATUSES) groups.set(s, { label: ACTION_STATUS_LABELS[s], actions: [] });
	for (const a of actions) {
		const sector = a.sector?.trim() || null;
		const key = by === 'status' ? a.status : (sector?.toLowerCase() ?? '');
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { label: sector ?? 'Not stated', actions: [] }));
		group.actions.push(a);
	}
	const rows = [...groups].map(([key, g]) => ({
		key,
		label: g.label,
		...actionCounts(g.actions, today)
	}));
	if (by === 'status') return rows;
	// Largest sectors first; "Not stated" last, whatever its size, so it does not read as a sector.
	return rows.sort(
		(a, b) =>
			+(a.key === '') - +(b.key === '') || b.total - a.total || a.label.localeCompare(b.label)
	);
}

/** Estimated yearly savings against the latest year's gap above the straight-line path. */
export function savingsAgainstGap(
	actions: readonly ActionFact[],
	path: ReturnType<typeof pathPosition>
) {
	if (!path.available) return notAvailable(path.reason);
	if (path.aboveKt <= 0) {
		return notAvailable(
			`${path.year} is on or below the straight-line path: there is no gap to close`
		);
	}
	const live = actions.filter((a) => a.status !== 'cancelled');
	const estimated = live.filter((a) => a.estTco2ePerYear != null);
	const sum = (list: ActionFact[]) => list.reduce((s, a) => s + a.estTco2ePerYear!, 0);
	const estimatedT = sum(estimated);
	// Path figures are kt, officers' estimates tonnes: × 1000.
	const gapT = path.aboveKt * 1000;
	return {
		available: true as const,
		year: path.year,
		gapT,
		estimatedT,
		completeT: sum(estimated.filter((a) => a.status === 'complete')),
		sharePctOfGap: (estimatedT / gapT) * 100,
		withEstimate: estimated.length,
		withoutEstimate: live.length - estimated.length
	};
}
