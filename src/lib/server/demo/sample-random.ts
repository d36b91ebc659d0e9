/**
 * The sample generator's randomness: a seeded PRNG (never Math.random, so a seed and a date give
 * the same files everywhere), one stream per council, and the few draws the generator makes.
 */
/** mulberry32: a tiny, fast, seeded PRNG; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a of the seed and a label: each council its own stream, whatever the others are. */
export function streamSeed(seed: number, label: string): number {
	let h = 0x811c9dc5;
	for (const ch of `${seed}:${label}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
	return h;
}

export class Rng {
	constructor(private next: () => number) {}
	float = () => this.next();
	int = (min: number, max: number) => min + Math.floor(this.next() * (max - min + 1));
	chance = (p: number) => this.next() < p;
	pick = <T>(list: readonly T[]): T => list[Math.floor(this.next() * list.length)]!;
	/** Log-uniform between min and max: as many £100k bids as £1m ones. */
	logUniform = (min: number, max: number) =>
		Math.exp(Math.log(min) + this.next() * Math.log(max / min));
	shuffle<T>(list: readonly T[]): T[] {
		const out = [...list];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j]!, out[i]!];
		}
		return out;
	}
}

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
