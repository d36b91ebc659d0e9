/**
 * The UK councils hex map (Open Innovations HexJSON, shipped in data/hexmaps): one equal hexagon
 * per current district or single-tier council, read once and validated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readConfig } from './config';

const HexJsonSchema = z.object({
	layout: z.literal('odd-r'),
	hexes: z.record(
		z.string(),
		z.object({
			n: z.string(),
			q: z.number().int(),
			r: z.number().int(),
			region: z.string().optional()
		})
	)
});

export interface Hex {
	gssCode: string;
	name: string;
	q: number;
	r: number;
}

let cached: Hex[] | null = null;

export function loadHexes(dataDir = readConfig().DATA_DIR): Hex[] {
	if (cached) return cached;
	const parsed = HexJsonSchema.safeParse(
		JSON.parse(
			readFileSync(join(dataDir, 'hexmaps/uk-local-authority-districts-2023.hexjson'), 'utf8')
		)
	);
	if (!parsed.success) throw new Error(`The hex map file is invalid: ${parsed.error.message}`);
	cached = Object.entries(parsed.data.hexes).map(([gssCode, h]) => ({
		gssCode,
		name: h.n,
		q: h.q,
		r: h.r
	}));
	return cached;
}
