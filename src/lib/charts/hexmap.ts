/**
 * Hex map geometry and colour: odd-r HexJSON coordinates to SVG polygons (north up), and values
 * to a five-step colour-blind-safe sequential scale with quantile breaks. Pure and tested.
 */
export interface HexCell {
	gssCode: string;
	name: string;
	q: number;
	r: number;
}

const SIZE = 10;
const W = Math.sqrt(3) * SIZE;

export function hexCentre(q: number, r: number, maxR: number): { x: number; y: number } {
	// odd-r: odd rows sit half a hex to the right; HexJSON rows count up from the south.
	return { x: W * (q + (r & 1 ? 0.5 : 0)) + W / 2, y: 1.5 * SIZE * (maxR - r) + SIZE };
}

export function hexPoints(cx: number, cy: number): string {
	return Array.from({ length: 6 }, (_, i) => {
		const a = (Math.PI / 180) * (60 * i - 30);
		return `${(cx + SIZE * 0.95 * Math.cos(a)).toFixed(2)},${(cy + SIZE * 0.95 * Math.sin(a)).toFixed(2)}`;
	}).join(' ');
}

export function layout(cells: readonly HexCell[]) {
	const maxR = Math.max(...cells.map((c) => c.r));
	const placed = cells.map((c) => ({ ...c, ...hexCentre(c.q, c.r, maxR) }));
	const width = Math.max(...placed.map((p) => p.x)) + W;
	const height = Math.max(...placed.map((p) => p.y)) + SIZE * 1.5;
	return { placed: placed.map((p) => ({ ...p, points: hexPoints(p.x, p.y) })), width, height };
}

/** Light to dark blue (ColorBrewer Blues, colour-blind safe); grey with a dash = no figure. */
export const SCALE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#f0f0f0';

/** Quantile breaks over the non-null values (at most five classes; fewer when values repeat). */
export function breaks(values: readonly (number | null)[]): number[] {
	const v = values
		.filter((x): x is number => x !== null && Number.isFinite(x))
		.sort((a, b) => a - b);
	if (!v.length) return [];
	const cuts = [1, 2, 3, 4].map((k) => v[Math.floor((k * v.length) / 5)]!);
	return [...new Set(cuts)].filter((c) => c > v[0]!);
}

export function colourFor(value: number | null, cuts: readonly number[]): string {
	if (value === null || !Number.isFinite(value)) return NO_DATA;
	const i = cuts.findIndex((c) => value < c);
	const step = i === -1 ? cuts.length : i;
	// Spread fewer classes over the whole scale so the darkest always means the most.
	return SCALE[Math.round((step / Math.max(cuts.length, 1)) * (SCALE.length - 1))]!;
}
