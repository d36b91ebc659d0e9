/**
 * The words the national progress page and a council's progress page use for year-on-year change
 * (metrics/year-on-year.ts): a council's change and place, and how many councils were left out
 * of a ranking and why. Browser-safe; unit-tested.
 */
import type { LeftOutCounts, LeftOutReason } from './server/metrics/year-on-year';
import { formatChangePct, formatInteger, formatNumber } from './format';

interface Years {
	fromYear: number | null;
	toYear: number | null;
	unit: string | null;
}

/** How each reason reads after its count. */
function reasonWords(reason: LeftOutReason, t: Years): string {
	switch (reason) {
		case 'no_figures':
			return 'with no figures in this measure';
		case 'old':
			return 'on old figures';
		case 'other_unit':
			return `with figures in another unit than ${t.unit}`;
		case 'other_year':
			return `with figures ending after ${t.toYear}`;
		case 'gap':
			return `with no figure for ${t.fromYear}`;
		case 'not_above_zero':
			return `with a ${t.fromYear} figure of zero or below`;
	}
}

/** Always said, even at none: the reasons a reader would otherwise wonder about. */
const ALWAYS: readonly LeftOutReason[] = ['old', 'gap', 'other_unit'];
const ORDER: readonly LeftOutReason[] = [
	'old',
	'gap',
	'other_unit',
	'other_year',
	'not_above_zero',
	'no_figures'
];

/** "Left out: none on old figures, 1 with no figure for 2022, …". */
export function leftOutSentence(counts: LeftOutCounts, t: Years): string {
	const parts = ORDER.filter((r) => counts[r] > 0 || ALWAYS.includes(r)).map(
		(r) => `${counts[r] ? formatInteger(counts[r]) : 'none'} ${reasonWords(r, t)}`
	);
	return `Left out: ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
}

/** "−3.4%", "+5.0%": one decimal, as year-on-year changes are small. */
export const changeText = (pct: number) => formatChangePct(pct, 1);

/** "fell 3.4% (−49 kt CO2e)" or "rose 5.0% (+50 kt CO2e)". */
export function changeWords(e: { changePct: number; changeKt: number }, unit: string): string {
	const verb = e.changePct < 0 ? 'fell' : e.changePct > 0 ? 'rose' : 'did not change';
	const kt = `${e.changeKt < 0 ? '\u2212' : '+'}${formatNumber(Math.abs(e.changeKt), Math.abs(e.changeKt) < 10 ? 1 : 0)} ${unit}`;
	return e.changePct === 0 ? verb : `${verb} ${formatNumber(Math.abs(e.changePct), 1)}% (${kt})`;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
	const tens = n % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
	return `${formatInteger(n)}${suffix}`;
}
