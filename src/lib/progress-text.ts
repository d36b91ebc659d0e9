/**
 * The words the progress page, the committee report and the national view use for a target's
 * figures, so that one status reads the same everywhere. Browser-safe; unit-tested.
 */
import type { targetProgress } from './server/metrics/target-progress';
import { formatChangePct, formatNumber } from './format';

export type TargetProgressResult = ReturnType<typeof targetProgress>;
export type AvailableProgress = Extract<TargetProgressResult, { available: true }>;
export type StatusColour = 'green' | 'amber' | 'red';

export const STATUS_WORDS: Record<StatusColour, string> = {
	green: 'On track',
	amber: 'Behind, by up to 5 years',
	red: 'Off track'
};

export const SCOPE_WORDS: Record<string, string> = {
	council_operations: 'Council operations',
	whole_area: 'Whole area'
};

const kt = (n: number) => `${formatNumber(n, Math.abs(n) < 10 ? 2 : 0)} kt`;

/** One sentence: the status, the projected year and how it stands against the target year. */
export function statusSentence(p: AvailableProgress): string {
	const { status, projection, targetYear } = p;
	if (!status.available) return `No status: ${status.reason}.`;
	if (!projection.available) return `${STATUS_WORDS[status.colour]}: ${projection.reason}.`;
	const words = STATUS_WORDS[status.colour];
	if (projection.year === null) {
		return `${words}: emissions are not on a falling trend, so net zero by ${targetYear} is not reached on the current trend.`;
	}
	if (projection.basis === 'reached')
		return `${words}: net zero was reached in ${projection.year}.`;
	const after = status.yearsAfterTarget ?? 0;
	const against =
		after === 0
			? `the target year`
			: after < 0
				? `${-after} year${after === -1 ? '' : 's'} before the target of ${targetYear}`
				: `${after} year${after === 1 ? '' : 's'} after the target of ${targetYear}`;
	return `${words}: on the current trend net zero is reached in ${projection.year}, ${against}.`;
}

/** "−52% (−1,095 kt) since 2005" */
export function changeSentence(p: AvailableProgress): string {
	if (!p.change.available) return `Not available: ${p.change.reason}.`;
	const c = p.change;
	return `${formatChangePct(c.pct)} (${c.totalKt < 0 ? '\u2212' : '+'}${kt(Math.abs(c.totalKt))}) from ${c.fromYear} to ${c.toYear}`;
}

/** "13.95% a year (139 kt in the first year)" against "5.64% a year (65 kt a year)". */
export function neededText(p: AvailableProgress): string {
	if (!p.needed.available) return `Not available: ${p.needed.reason}`;
	if (p.needed.alreadyAtGoal) return 'None: already at 5% of the baseline or below';
	return `${formatNumber(p.needed.reductionPct, 1)}% a year (${kt(p.needed.firstYearCutKt)} in the first year)`;
}

export function achievedText(p: AvailableProgress): string {
	if (!p.achieved.available) return `Not available: ${p.achieved.reason}`;
	const a = p.achieved;
	const verb = a.reductionPct >= 0 ? '' : 'rise of ';
	return `${verb}${formatNumber(Math.abs(a.reductionPct), 1)}% a year (${kt(Math.abs(a.averageCutKtPerYear))} a year${a.reductionPct < 0 ? ' more' : ''}), ${a.fromYear}–${a.toYear}`;
}

export function pathText(p: AvailableProgress): string {
	if (!p.path.available) return `Not available: ${p.path.reason}`;
	const { aboveKt, abovePctOfBaseline, year, pathKt } = p.path;
	const side = aboveKt > 0 ? 'above' : 'below';
	return `${kt(Math.abs(aboveKt))} ${side} the path in ${year} (path ${kt(pathKt)}; ${formatNumber(Math.abs(abovePctOfBaseline), 1)}% of the baseline)`;
}

export function trendText(p: AvailableProgress): string {
	if (!p.trend.available) return `Not available: ${p.trend.reason}`;
	const t = p.trend;
	const covid = t.covidYears.length
		? `; includes Covid year${t.covidYears.length > 1 ? 's' : ''} ${t.covidYears.join(' and ')}`
		: '';
	const missing = t.missingYears.length ? `; no figures for ${t.missingYears.join(', ')}` : '';
	const slope = `${t.slopeKtPerYear < 0 ? '\u2212' : '+'}${kt(Math.abs(t.slopeKtPerYear))} a year`;
	return `${t.direction === 'flat' ? 'Flat' : t.direction === 'falling' ? 'Falling' : 'Rising'}, ${slope} over ${t.fromYear}–${t.toYear}${covid}${missing}`;
}

export function projectionText(p: AvailableProgress): string {
	if (!p.projection.available) return `Not available: ${p.projection.reason}`;
	if (p.projection.year === null) return 'Not on the current trend';
	return p.projection.basis === 'reached'
		? `Reached in ${p.projection.year}`
		: String(p.projection.year);
}

/** The rule's status, or none (no figures, no year). */
export function calculatedColour(progress: TargetProgressResult | null): StatusColour | null {
	return progress?.available && progress.status.available ? progress.status.colour : null;
}

/**
 * The status a page leads with: an officer's override where one is in force, else the rule's.
 * Both are returned, so the calculated status is always printed beside an override.
 */
export function statusInForce(t: {
	progress: TargetProgressResult | null;
	override: { colour: StatusColour | null; reason: string } | null;
}) {
	const calculated = calculatedColour(t.progress);
	const override = t.override?.colour ? t.override : null;
	return {
		colour: override ? override.colour : calculated,
		calculated,
		overridden: override !== null,
		reason: override?.reason ?? null
	};
}
