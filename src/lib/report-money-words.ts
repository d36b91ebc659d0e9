/**
 * The committee report's words for the money won in a year, each sum once: the same in its
 * summary, under its funding table and in "since the last report". None listed is unknown, not
 * £0: award lists are partial. Browser-safe; tested through the report's tests.
 */
import { formatGbp, formatInteger } from './format';
import type { MoneyScope } from './funding-purpose';

export interface MoneyWon {
	/** Published awards to the council as lead dated in the year. */
	awardsCount: number;
	awardsGbp: number;
	/** Won bids the year's published lists do not hold, as the council recorded them. */
	councilOnlyGbp: number;
}

/** "3 bids", "1 bid". */
export const countOf = (n: number, one: string, many = `${one}s`) =>
	`${formatInteger(n)} ${n === 1 ? one : many}`;

/** The word before "bid" and "award" for the money counted: "net-zero " or nothing. */
export const moneyAdjective = (money: MoneyScope) => (money === 'net-zero' ? 'net-zero ' : '');

/** Where the money won came from: "£2.9m in 4 published awards; £0.5m recorded by the council only". */
export function moneyWonParts(f: MoneyWon, money: MoneyScope): string {
	const published = f.awardsCount
		? `${formatGbp(f.awardsGbp)} in ${countOf(f.awardsCount, 'published award')}`
		: `no published ${moneyAdjective(money)}award`;
	const council = f.councilOnlyGbp
		? `${formatGbp(f.councilOnlyGbp)} recorded by the council only`
		: 'none recorded by the council only';
	return `${published}; ${council}`;
}

interface Beside {
	general: { wonGbp: number | null };
	unclassified: { wonGbp: number | null };
}

/** What net-zero figures leave beside them: "£15.4m of general money (regeneration, growth)". */
export function besideWords(beside: Beside | null): string[] {
	if (!beside) return [];
	return [
		beside.general.wonGbp === null
			? null
			: `${formatGbp(beside.general.wonGbp)} of general money (regeneration, growth)`,
		beside.unclassified.wonGbp === null
			? null
			: `${formatGbp(beside.unclassified.wonGbp)} from schemes not yet classified`
	].filter((x) => x !== null);
}
