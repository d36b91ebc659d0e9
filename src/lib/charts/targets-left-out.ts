/**
 * The targets the home page's target-year chart cannot place: those that name no year, and those
 * whose scope is neither council operations nor whole area ("unclear", "other" in the promises
 * data). The chart says how many it leaves out and why, instead of dropping them silently.
 */
import { SCOPE_LABELS } from './overview-config';

export interface LeftOutTarget {
	code: string;
	name: string;
	scope: string;
	targetYear: number | null;
}

const CHARTED_SCOPES: readonly string[] = Object.keys(SCOPE_LABELS);

const OTHER_SCOPE_WORDS: Record<string, string> = {
	unclear: 'scope unclear',
	other: 'other scope'
};

/** Why a target is not in the chart, for its line in the list. */
export function leftOutReason(t: LeftOutTarget): string {
	if (!CHARTED_SCOPES.includes(t.scope)) {
		const scope = OTHER_SCOPE_WORDS[t.scope] ?? `scope "${t.scope}"`;
		return t.targetYear === null ? `${scope}, no year named` : `${scope}, ${t.targetYear}`;
	}
	return `${SCOPE_LABELS[t.scope as keyof typeof SCOPE_LABELS].toLowerCase()}, no year named`;
}

/**
 * "3 targets name no year and are not in the chart; nor are 10 whose scope is neither council
 * operations nor whole area." A target of another scope with no year counts once, as the latter.
 * Null when every target is in the chart.
 */
export function leftOutSentence(rows: readonly LeftOutTarget[]): string | null {
	const otherScope = rows.filter((t) => !CHARTED_SCOPES.includes(t.scope)).length;
	const noYear = rows.length - otherScope;
	const targets = (n: number) => `${n} target${n === 1 ? '' : 's'}`;
	const scopeClause = (n: number) =>
		`${n === 1 ? 'its scope is' : 'their scope is'} neither council operations nor whole area`;
	if (noYear && otherScope) {
		return `${targets(noYear)} ${noYear === 1 ? 'names' : 'name'} no year and ${noYear === 1 ? 'is' : 'are'} not in the chart; nor ${otherScope === 1 ? 'is' : 'are'} ${targets(otherScope)} whose scope is neither council operations nor whole area.`;
	}
	if (noYear) {
		return `${targets(noYear)} ${noYear === 1 ? 'names' : 'name'} no year and ${noYear === 1 ? 'is' : 'are'} not in the chart.`;
	}
	if (otherScope) {
		return `${targets(otherScope)} ${otherScope === 1 ? 'is' : 'are'} not in the chart: ${scopeClause(otherScope)}.`;
	}
	return null;
}
