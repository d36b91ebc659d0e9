/**
 * The shapes the progress metrics share: one emissions figure a year, and the typed "not
 * available" every metric returns instead of a number it would have to make up. Pure.
 */

/** One year's emissions for one authority and measure; population in persons, when known. */
export interface YearValue {
	year: number;
	valueKt: number;
	population?: number | null;
}

/** What a metric returns when the data cannot support it: the page prints the reason. */
export function notAvailable(reason: string) {
	return { available: false as const, reason };
}

/**
 * The series sorted by year, checked. A repeated year or a value that is not a number is a bug
 * in the caller (sector rows not summed, a failed parse), not missing data: it throws, naming the
 * year and the value, rather than let one of two figures win silently.
 */
export function sortedSeries(series: readonly YearValue[]): YearValue[] {
	const seen = new Set<number>();
	for (const p of series) {
		if (!Number.isInteger(p.year)) throw new Error(`year ${p.year}: expected a whole year`);
		if (!Number.isFinite(p.valueKt)) {
			throw new Error(`year ${p.year}: valueKt is ${p.valueKt}, expected a number of kt`);
		}
		if (p.population != null && !(p.population > 0)) {
			throw new Error(`year ${p.year}: population is ${p.population}, expected more than 0`);
		}
		if (seen.has(p.year))
			throw new Error(`year ${p.year} appears twice; expected one total a year`);
		seen.add(p.year);
	}
	return [...series].sort((a, b) => a.year - b.year);
}

/** The whole years from `from` to `to`, both included. */
export function yearsFrom(from: number, to: number): number[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
