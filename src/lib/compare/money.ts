/**
 * The compare view's funding figures and the money they count. Award lists are partial, so a
 * council that led no published award of the money counted has unknown figures, never £0 or 0
 * pots: its cells say so in words, and a chart that cannot place it says how many it leaves out
 * and why. Browser-safe; unit-tested.
 */
import { moneyWords, type MoneyScope } from '../funding-purpose';
import { columnOf, formatCell, type ColumnKey, type CompareRow } from './columns';

type Row = Partial<CompareRow>;

/** "no published net-zero award", or with all money counted "no published award". */
export function noAwardWords(money: MoneyScope): string {
	return money === 'net-zero' ? 'no published net-zero award' : 'no published award';
}

/** What a cell says in place of the figure: its column's title says which money. */
export const NO_AWARD_CELL = 'no published award';

/** A column's definition; a funding column's says which money it counts. */
export function columnDefinition(key: string, money: MoneyScope): string {
	const c = columnOf(key);
	if (!c) return '';
	return c.money ? `${c.definition} Counts ${moneyWords(money)}.` : c.definition;
}

/** Whether the figure is unknown because the council led no published award of that money. */
export function unknownForNoAward(key: string, row: Row): boolean {
	return Boolean(columnOf(key)?.money) && row.ledAward === false;
}

/** A cell as the page prints it: the figure, or for an unknown funding figure, why. */
export function cellText(key: ColumnKey, row: Row): string {
	const value = (row[key] ?? null) as string | number | null;
	if (value === null && unknownForNoAward(key, row)) return NO_AWARD_CELL;
	return formatCell(key, value);
}

/** The rows a chart of these columns cannot place, counted by why. */
export interface LeftOut {
	/** Missing a funding figure because no published award of the money counted was led. */
	noAward: number;
	/** Missing another figure (the first one missing, in the order of `keys`). */
	noFigure: { key: ColumnKey; count: number }[];
}

export function leftOut(rows: readonly Row[], keys: readonly ColumnKey[]): LeftOut {
	let noAward = 0;
	const noFigure = new Map<ColumnKey, number>();
	for (const r of rows) {
		const missing = keys.filter((k) => typeof r[k] !== 'number' || !Number.isFinite(r[k]));
		if (!missing.length) continue;
		if (missing.some((k) => unknownForNoAward(k, r))) noAward += 1;
		else noFigure.set(missing[0]!, (noFigure.get(missing[0]!) ?? 0) + 1);
	}
	return { noAward, noFigure: [...noFigure].map(([key, count]) => ({ key, count })) };
}

const councils = (n: number) => `${n.toLocaleString('en-GB')} council${n === 1 ? '' : 's'}`;

/**
 * The rows left out in a sentence, for beside the chart, or null when none is: "362 councils
 * with no published net-zero award and 3 with no figure for emissions per head are not plotted."
 * `verb` is what happens to them ("not plotted").
 */
export function leftOutWords(l: LeftOut, money: MoneyScope, verb: string): string | null {
	const parts = [
		...(l.noAward ? [{ n: l.noAward, why: noAwardWords(money) }] : []),
		...l.noFigure.map((f) => ({
			n: f.count,
			why: `no figure for ${columnOf(f.key)!.label.toLowerCase()}`
		}))
	];
	if (!parts.length) return null;
	const total = parts.reduce((s, p) => s + p.n, 0);
	const listed = parts.map(
		(p, i) => `${i ? p.n.toLocaleString('en-GB') : councils(p.n)} with ${p.why}`
	);
	const joined =
		listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
	return `${joined} ${total === 1 ? 'is' : 'are'} ${verb}.`;
}
