/**
 * The words the progress page and the committee report use for a target's carbon-budget view
 * (metrics/carbon-budget.ts): each path's total, and whether the trend overshoots the council's
 * budget, by how much and when it runs out. Every figure carries the series' own unit.
 * Browser-safe; unit-tested.
 */
import type { CarbonBudgetView } from './server/metrics/carbon-budget';
import { formatNumber } from './format';

export type AvailableBudgetView = Extract<CarbonBudgetView, { available: true }>;
type BudgetFigures = Extract<AvailableBudgetView['budget'], { available: true }>;
type Against = BudgetFigures['paths']['straightLine'];

/** "14,929 kt CO2e"; one decimal under 10, so a small figure does not read as 0. */
export const amount = (n: number, unit: string) =>
	`${formatNumber(n, Math.abs(n) < 10 ? 1 : 0)} ${unit}`;

export const CARBON_LAW_LABEL = (ratePct: number) => `Cutting ${formatNumber(ratePct, 2)}% a year`;

/** One sentence with each path's total, for the chart's summary and the report. */
export function pathsSentence(v: AvailableBudgetView, place: string): string {
	const { trend, straightLine, carbonLaw } = v.paths;
	const parts = [
		...(trend.available ? [`${amount(trend.totalKt, v.unit)} on the current trend`] : []),
		`${amount(straightLine.totalKt, v.unit)} on a straight line to zero`,
		`${amount(carbonLaw.totalKt, v.unit)} cutting ${formatNumber(carbonLaw.ratePct, 2)}% a year`
	];
	const list = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
	return `From ${v.fromYear} to ${v.toYear}, ${place} would emit ${list}; the last still leaves ${residualText(v)} in ${v.toYear}.`;
}

/** "215 kt CO2e (15.4% of 2023's)". */
export function residualText(v: AvailableBudgetView): string {
	const law = v.paths.carbonLaw;
	return `${amount(law.residualKt, v.unit)} (${formatNumber(law.residualPctOfLatest, 1)}% of ${v.latest.year}'s)`;
}

/** A path against what is left of the budget, in a table cell. */
export function againstText(
	a: Against | { available: false; reason: string },
	unit: string
): string {
	if (!a.available) return 'No trend';
	const by = amount(Math.abs(a.overKt), unit);
	return a.over
		? `Over by ${by}`
		: a.overKt === 0
			? 'Uses it exactly'
			: `Within it, ${by} to spare`;
}

/** What is left of the budget, and where it comes from, in words. */
export function budgetLeftText(b: BudgetFigures, unit: string): string {
	const budget = `${amount(b.budgetKt, unit)} from ${b.startYear}`;
	if (!b.used) return `${budget}, none of it used yet: the published figures end before it starts`;
	const used = `less ${amount(b.used.kt, unit)} emitted ${b.used.fromYear}–${b.used.toYear}`;
	return b.leftKt > 0
		? `${budget}, ${used}: ${amount(b.leftKt, unit)} left for ${b.fromYear}–${b.toYear}`
		: `${budget}, ${used}: none left, ${amount(-b.leftKt, unit)} over already`;
}

/**
 * Whether the trend overshoots the council's budget, by how much and in which year it runs out;
 * or why there is no comparison.
 */
export function budgetSentence(v: AvailableBudgetView): string {
	const b = v.budget;
	if (!b.available) return `No comparison with a carbon budget: ${b.reason}.`;
	const unit = v.unit;
	const span = `${b.fromYear}–${b.toYear}`;
	if (b.usedUpIn !== null) {
		const trend = b.paths.trend;
		const more = trend.available
			? ` On the current trend the overshoot would reach ${amount(trend.overKt, unit)} by ${b.toYear}.`
			: '';
		return `The published figures used up the council's budget of ${amount(b.budgetKt, unit)} in ${b.usedUpIn}: by ${b.used!.toYear} it was exceeded by ${amount(-b.leftKt, unit)}, so every path overshoots it.${more}`;
	}
	const trend = b.paths.trend;
	if (!trend.available) {
		return `There is no trend to compare with the ${amount(b.leftKt, unit)} left of the budget (${trend.reason}); the straight line is ${againstText(b.paths.straightLine, unit).toLowerCase()}.`;
	}
	const share = `${formatNumber((trend.overKt / b.leftKt) * 100, 0)}% of what is left`;
	return trend.over
		? `On the current trend the area would emit ${amount(trend.kt, unit)} in ${span}, overshooting the ${amount(b.leftKt, unit)} left of the council's budget by ${amount(trend.overKt, unit)} (${share}); the budget runs out in ${b.trendUsesUpIn}.`
		: `On the current trend the area would emit ${amount(trend.kt, unit)} in ${span}, within the ${amount(b.leftKt, unit)} left of the council's budget, with ${amount(-trend.overKt, unit)} to spare.`;
}
