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
/** A hex's width in the drawing's units (viewBox), for sizing the map to a minimum hex size. */
export const HEX_WIDTH = W;

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
	const centres = cells.map((c) => ({ ...c, ...hexCentre(c.q, c.r, maxR) }));
	// Columns can be negative (the UK file puts Northern Ireland at q = −6): start the drawing at
	// the westmost hex, or the viewBox cuts it off.
	const shift = W / 2 - Math.min(...centres.map((p) => p.x));
	const placed = centres.map((p) => ({ ...p, x: p.x + shift }));
	const width = Math.max(...placed.map((p) => p.x)) + W / 2;
	const height = Math.max(...placed.map((p) => p.y)) + SIZE * 1.5;
	// Each hex is drawn as hexPoints(0, 0) moved to its centre (HexMap.svelte places one shape).
	return { placed, width, height };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The hex an arrow key moves to from hex `from` (its index), for keyboard use of the map: the
 * nearest in the same row to the left or right; up or down, the nearest row with a hex within a
 * hex and a half sideways, then the nearest in it (ties: up goes right, down goes left, so up
 * then down comes back). Stays put at an edge.
 */
export function neighbour(
	placed: readonly { x: number; y: number }[],
	from: number,
	direction: Direction
): number {
	const here = placed[from];
	if (!here) return from;
	const sameRow = (p: { y: number }) => Math.abs(p.y - here.y) < SIZE / 2;
	let best = from;
	let bestScore = Infinity;
	placed.forEach((p, i) => {
		const dx = p.x - here.x;
		const dy = p.y - here.y;
		let score: number;
		if (direction === 'left' || direction === 'right') {
			if (!sameRow(p) || (direction === 'left' ? dx >= 0 : dx <= 0)) return;
			score = Math.abs(dx);
		} else {
			if (sameRow(p) || (direction === 'up' ? dy >= 0 : dy <= 0)) return;
			if (Math.abs(dx) > 1.5 * W) return;
			const towards = direction === 'up' ? dx > 0 : dx < 0;
			// Rows first, then distance sideways, then the tie-break.
			score = Math.abs(dy) * 1000 + Math.abs(dx) * 10 + (towards ? 0 : 1);
		}
		if (score < bestScore) [best, bestScore] = [i, score];
	});
	return best;
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

/** A class of a categorical map (a status, say): its key, its words in the legend and its colour. */
export interface HexCategory {
	key: string;
	label: string;
	colour: string;
}

/** A cell's category: its colour and words, or null when the cell has none (no data). */
export function categoryOf(
	key: string | null | undefined,
	categories: readonly HexCategory[]
): HexCategory | null {
	return (key != null && categories.find((c) => c.key === key)) || null;
}
