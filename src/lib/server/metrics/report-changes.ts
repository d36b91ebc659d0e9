/**
 * What changed since the last committee report. A report, when presented, is kept as a digest of
 * the figures it printed; the next report compares its own digest with that one and says, in
 * sentences a committee reads, which statuses, emissions, projections, actions and funding moved.
 * Pure; unit-tested.
 */
import { formatGbp, formatInteger, formatNumber } from '../../format';
import { financialYearLabel } from '../../domain/financial-year';
import { SCOPE_WORDS, STATUS_WORDS, type StatusColour } from '../../progress-text';
import { moneyWords } from '../../funding-purpose';
import { countOf, moneyAdjective, moneyWonParts } from '../../report-money-words';
import type { MoneyScope } from './funding';

export type Colour = StatusColour;

export interface TargetDigest {
	targetId: number;
	scope: string;
	targetYear: number | null;
	/** The status the report printed: an officer's override where one was in force. */
	status: Colour | null;
	calculated: Colour | null;
	overrideReason: string | null;
	latestYear: number | null;
	latestKt: number | null;
	unit: string | null;
	/** Projected net-zero year; null with `onTrend` false when the trend does not reach zero. */
	projectedYear: number | null;
	onTrend: boolean | null;
	neededPct: number | null;
	achievedPct: number | null;
}

export interface ReportDigest {
	financialYear: string;
	/** The options the figures were computed with: a change of either is not a change of data. */
	measure: string;
	windowYears: number;
	targets: TargetDigest[];
	actions: {
		total: number;
		complete: number;
		onTrack: number;
		late: number;
		delayed: number;
		cancelled: number;
	};
	funding: FundingDigest;
}

/**
 * A report's funding figures. Reports recorded before each sum was counted once have no `money`
 * (they counted all money) and no `totalGbp`: their bids and published awards were counted
 * apart, a won bid in a published list in both. They stay readable, and compare on the fields
 * both kinds have.
 */
export interface FundingDigest {
	/** Which money the figures count; absent: all money. */
	money?: MoneyScope;
	/** Bids decided in the year: won, with their £ as the council recorded it, and lost. */
	wonCount: number;
	wonGbp: number;
	lostCount: number;
	/** Published awards to the council as lead dated in the year. */
	awardsCount: number;
	awardsGbp: number;
	/** Money won in the year, each sum once; null when none is listed or recorded. */
	totalGbp?: number | null;
	/** Of it, what the council's records hold and the year's published lists do not. */
	councilOnlyGbp?: number;
}

export interface ReportChange {
	topic: 'options' | 'target' | 'actions' | 'funding';
	text: string;
}

// The words every page uses for a status, inside a sentence.
const status = (c: Colour | null) => (c ? STATUS_WORDS[c].toLowerCase() : 'no status');
// Named as the report's summary names them.
const targetName = (t: TargetDigest) =>
	`${SCOPE_WORDS[t.scope] ?? t.scope} target (net zero by ${t.targetYear ?? 'no year named'})`;
const projected = (t: TargetDigest) =>
	t.onTrend === null
		? 'not worked out'
		: t.onTrend
			? String(t.projectedYear)
			: 'not on the current trend';
const kt = (n: number) => formatNumber(n, Math.abs(n) < 10 ? 2 : 0);

/** A target is the same one when its id is, or (after a re-import) its scope and year are. */
function matchTarget(t: TargetDigest, earlier: readonly TargetDigest[]) {
	return (
		earlier.find((e) => e.targetId === t.targetId) ??
		earlier.find((e) => e.scope === t.scope && e.targetYear === t.targetYear) ??
		null
	);
}

function targetChanges(before: TargetDigest, now: TargetDigest): string[] {
	const out: string[] = [];
	const name = targetName(now);
	if (before.status !== now.status) {
		const why = now.overrideReason
			? ` (set by the council's officers, the rule gives ${status(now.calculated)}: “${now.overrideReason}”)`
			: before.overrideReason
				? ' (the officers’ override was withdrawn; this is the rule’s status)'
				: '';
		out.push(`${name}: status ${status(before.status)} → ${status(now.status)}${why}.`);
	} else if (before.calculated !== now.calculated) {
		out.push(
			`${name}: the rule now gives ${status(now.calculated)} (was ${status(before.calculated)}); the status printed is still the officers’ ${status(now.status)}.`
		);
	}
	if (now.latestYear !== null && now.latestKt !== null) {
		if (before.latestYear === null || before.latestKt === null) {
			out.push(
				`${name}: figures now held, latest ${now.latestYear}: ${kt(now.latestKt)} ${now.unit}.`
			);
		} else if (now.latestYear !== before.latestYear) {
			const pct = ((now.latestKt - before.latestKt) / before.latestKt) * 100;
			out.push(
				`${name}: ${now.latestYear} figures published since: ${kt(now.latestKt)} ${now.unit}, ${formatNumber(Math.abs(pct), 1)}% ${pct <= 0 ? 'below' : 'above'} the ${before.latestYear} figure the last report gave (${kt(before.latestKt)}).`
			);
		} else if (Math.abs(now.latestKt - before.latestKt) >= 0.005 * Math.abs(before.latestKt)) {
			out.push(
				`${name}: the ${now.latestYear} figure was revised from ${kt(before.latestKt)} to ${kt(now.latestKt)} ${now.unit}.`
			);
		}
	}
	if (projected(before) !== projected(now))
		out.push(`${name}: net zero on the current trend ${projected(before)} → ${projected(now)}.`);
	const pct = (n: number | null) => (n === null ? 'not worked out' : `${formatNumber(n, 1)}%`);
	if (
		pct(before.neededPct) !== pct(now.neededPct) ||
		pct(before.achievedPct) !== pct(now.achievedPct)
	)
		out.push(
			`${name}: cut needed a year ${pct(before.neededPct)} → ${pct(now.neededPct)}; cut achieved a year ${pct(before.achievedPct)} → ${pct(now.achievedPct)}.`
		);
	return out;
}

function fundingLine(f: FundingDigest) {
	if (f.totalGbp === undefined)
		// Recorded before each sum was counted once: both sums as that report printed them.
		return `${countOf(f.wonCount, 'bid')} won, ${formatInteger(f.lostCount)} lost (${formatGbp(f.wonGbp)} won); ${countOf(f.awardsCount, 'published award')} (${formatGbp(f.awardsGbp)}), counted apart from the bids`;
	const money = f.money ?? 'all';
	const bids = `bids decided: ${formatInteger(f.wonCount)} won, ${formatInteger(f.lostCount)} lost`;
	if (f.totalGbp === null)
		return `no ${moneyAdjective(money)}money won listed or recorded; ${bids}`;
	const parts = moneyWonParts({ ...f, councilOnlyGbp: f.councilOnlyGbp ?? 0 }, money);
	return `${formatGbp(f.totalGbp)} won, each sum once (${parts}); ${bids}`;
}

/** Whether two reports' funding figures differ, on the fields both have. */
function fundingMoved(a: FundingDigest, b: FundingDigest): boolean {
	const keys = ['wonCount', 'wonGbp', 'lostCount', 'awardsCount', 'awardsGbp'] as const;
	if (keys.some((k) => a[k] !== b[k])) return true;
	if (a.totalGbp === undefined || b.totalGbp === undefined) return false;
	return a.totalGbp !== b.totalGbp || (a.councilOnlyGbp ?? 0) !== (b.councilOnlyGbp ?? 0);
}

/** Every change from the earlier report's digest to this one's, in the report's order. */
export function reportChanges(before: ReportDigest, now: ReportDigest): ReportChange[] {
	const changes: ReportChange[] = [];
	const sameBasis = before.measure === now.measure && before.windowYears === now.windowYears;
	if (!sameBasis)
		changes.push({
			topic: 'options',
			text: `The last report judged whole-area targets on the ${before.measure.replaceAll('_', ' ')} measure with a ${before.windowYears}-year trend; this one on the ${now.measure.replaceAll('_', ' ')} measure with a ${now.windowYears}-year trend, so targets' figures are not compared.`
		});
	else {
		for (const t of now.targets) {
			const earlier = matchTarget(t, before.targets);
			if (!earlier)
				changes.push({ topic: 'target', text: `${targetName(t)}: new since the last report.` });
			else for (const text of targetChanges(earlier, t)) changes.push({ topic: 'target', text });
		}
		for (const e of before.targets)
			if (!matchTarget(e, now.targets))
				changes.push({
					topic: 'target',
					text: `${targetName(e)}: in the last report, no longer in the data held.`
				});
	}

	const a = before.actions;
	const b = now.actions;
	if (a.total !== b.total || a.complete !== b.complete || a.late !== b.late)
		changes.push({
			topic: 'actions',
			text: `Actions: ${formatInteger(b.complete)} complete of ${formatInteger(b.total)} (was ${formatInteger(a.complete)} of ${formatInteger(a.total)}); ${formatInteger(b.late)} late (was ${formatInteger(a.late)}).`
		});

	const fundingBefore = fundingLine(before.funding);
	const fundingNow = fundingLine(now.funding);
	const moneyBefore = before.funding.money ?? 'all';
	const moneyNow = now.funding.money ?? 'all';
	if (before.financialYear !== now.financialYear)
		changes.push({
			topic: 'funding',
			text: `Funding: the last report covered ${financialYearLabel(before.financialYear)}, ${moneyWords(moneyBefore)}: ${fundingBefore}. This one covers ${financialYearLabel(now.financialYear)}, ${moneyWords(moneyNow)}: ${fundingNow}.`
		});
	else if (moneyBefore !== moneyNow)
		changes.push({
			topic: 'funding',
			text: `Funding in ${financialYearLabel(now.financialYear)}: the last report counted ${moneyWords(moneyBefore)} (${fundingBefore}); this one counts ${moneyWords(moneyNow)} (${fundingNow}), so the two are not compared.`
		});
	else if (fundingMoved(before.funding, now.funding))
		changes.push({
			topic: 'funding',
			text: `Funding in ${financialYearLabel(now.financialYear)}, ${moneyWords(moneyNow)}: ${fundingNow} (the last report: ${fundingBefore}).`
		});
	return changes;
}
