/**
 * A deterministic circular layout for the partnership network: nodes around one circle, each
 * group together (a combined authority beside its councils, NHS bodies together), a gap between
 * groups, starting at the top and going clockwise. Pure, so the picture is the same every time
 * and prints as it shows; no physics to settle.
 */
export interface Placed {
	x: number;
	y: number;
	/** Which side the label goes: away from the centre. */
	anchor: 'start' | 'end';
	/** The label's rotation in degrees, along the radius and never upside down. */
	rotate: number;
}

export function circularLayout(
	nodes: readonly { id: string; group: string }[],
	options: { size: number; margin: number }
): Map<string, Placed> {
	const groups = new Set(nodes.map((n) => n.group)).size;
	// One empty slot after each group (none when there is only one).
	const slots = nodes.length + (groups > 1 ? groups : 0);
	const centre = options.size / 2;
	const radius = centre - options.margin;
	const out = new Map<string, Placed>();
	let slot = 0;
	nodes.forEach((n, i) => {
		if (i > 0 && groups > 1 && nodes[i - 1]!.group !== n.group) slot += 1;
		const angle = -Math.PI / 2 + (2 * Math.PI * slot) / Math.max(slots, 1);
		const x = centre + radius * Math.cos(angle);
		const y = centre + radius * Math.sin(angle);
		const left = x < centre - 0.5;
		const degrees = (angle * 180) / Math.PI;
		out.set(n.id, {
			x: Math.round(x * 10) / 10,
			y: Math.round(y * 10) / 10,
			anchor: left ? 'end' : 'start',
			// Radial labels do not collide where the circle runs across the page (top and bottom).
			rotate: Math.round(left ? degrees + 180 : degrees)
		});
		slot += 1;
	});
	return out;
}

/** An edge's stroke width: 1.5 px for no money won, up to 9 px for the most, by square root of £. */
export function edgeWidth(gbp: number, maxGbp: number): number {
	if (!(maxGbp > 0) || !(gbp > 0)) return 1.5;
	return Math.round((1.5 + 7.5 * Math.sqrt(gbp / maxGbp)) * 10) / 10;
}
