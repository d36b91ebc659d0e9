/**
 * Small statistics the funding metrics share: median, Herfindahl–Hirschman concentration, and
 * the Gini coefficient with its Lorenz curve. Pure; empty or all-zero input gives null (or no
 * points) rather than NaN, so pages can print "not known" instead of a broken number.
 */

/** The middle value (the mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How concentrated money is across pots: the sum of each pot's squared share (1 = one pot). */
export function hhi(amounts: readonly number[]): number | null {
	const total = amounts.reduce((s, a) => s + a, 0);
	// Shares of a zero or negative total mean nothing; negative amounts (clawbacks) are the
	// caller's to net off per pot before this point.
	if (!(total > 0) || amounts.some((a) => a < 0)) return null;
	return amounts.reduce((s, a) => s + (a / total) ** 2, 0);
}

/** Gini coefficient of non-negative values (0 = equal, 1 = all to one). */
export function gini(values: readonly number[]): number | null {
	// Population Gini (no n/(n−1) small-sample correction): mean absolute difference over all
	// ordered pairs divided by twice the mean, so one holder of everything among n scores (n−1)/n.
	// Computed in the equivalent sorted form G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n, i from 1.
	const n = values.length;
	const total = values.reduce((s, v) => s + v, 0);
	if (n === 0 || !(total > 0) || values.some((v) => v < 0)) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const weighted = sorted.reduce((s, v, i) => s + (i + 1) * v, 0);
	// Rounding can leave −1e-17 for perfectly equal values; a Gini is never below zero.
	return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/** Lorenz curve points from (0,0) to (1,1), values sorted ascending; x = cumulative share of units, y = cumulative share of value. */
export function lorenz(values: readonly number[]): { x: number; y: number }[] {
	// Same domain as gini(): without a positive total there is no curve to draw.
	const n = values.length;
	const total = values.reduce((s, v) => s + v, 0);
	if (n === 0 || !(total > 0) || values.some((v) => v < 0)) return [];
	const sorted = [...values].sort((a, b) => a - b);
	const points = [{ x: 0, y: 0 }];
	let cumulative = 0;
	sorted.forEach((v, i) => {
		cumulative += v;
		points.push({ x: (i + 1) / n, y: cumulative / total });
	});
	// Pin the end exactly: summed floating-point shares can land a hair off 1.
	points[n] = { x: 1, y: 1 };
	return points;
}
