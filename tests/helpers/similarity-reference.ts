/**
 * A small, separate computation of similar councils straight from the shipped CSV files, to check
 * what the import stored: the register's own x and y (not lat/long), the mySociety emissions'
 * sector "Total" columns (not the sub-sectors the feed stores), z-scores and Euclidean distances
 * written out plainly with no shared code.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './db';

type Row = Record<string, string>;
const read = (path: string) =>
	Papa.parse<Row>(readFileSync(join(DATA_DIR, path), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

const SECTOR_COLUMNS = [
	'Industry Total:kt CO2',
	'Commercial Total:kt CO2',
	'Public Sector Total:kt CO2',
	'Domestic Total:kt CO2',
	'Transport Total:kt CO2',
	'Agriculture Total:kt CO2'
];
const WASTE = 'Waste Management Total:kt CO2';

/** Councils with the same powers: districts; single tier; counties; combined; Northern Ireland. */
export const groupOfType = (type: string) =>
	type === 'NMD'
		? 'district'
		: type === 'CTY'
			? 'county'
			: type === 'COMB' || type === 'SRA'
				? 'combined'
				: type === 'NID'
					? 'northern-ireland'
					: 'single-tier';

export interface ReferencePeer {
	code: string;
	match: number;
}

export function referenceSimilarity(year = 2020) {
	const register = read('uk-la-names-codes/uk_local_authorities_current.csv').filter(
		(r) => r['current-authority'] === 'True'
	);
	const group = new Map(
		register.map((r) => [r['local-authority-code']!, groupOfType(r['local-authority-type']!)])
	);
	const area = new Map(register.map((r) => [r['local-authority-code']!, Number(r.area)]));

	const nearby = new Map<string, number[]>();
	for (const r of register) if (r.x && r.y) nearby.set(r['local-authority-code']!, [+r.x, +r.y]);

	const profiles = new Map<string, number[]>();
	for (const r of read('la-emissions-mysociety-2005-2020/local_authority_emissions.csv')) {
		const code = r['local-authority-code']!;
		if (Number(r.Year) !== year || !group.has(code) || !area.get(code)) continue;
		const sectors = SECTOR_COLUMNS.map((c) => Number(r[c]));
		const total = sectors.reduce((a, b) => a + b, 0) + Number(r[WASTE]);
		const population = Math.round(Number(r['Population:000s']) * 1000);
		profiles.set(code, [...sectors.map((s) => s / total), population / area.get(code)!]);
	}
	// Density: the lowest and highest 5 % set to the next value in, then a quarter of the weight.
	const densities = [...profiles.values()].map((v) => v[6]!).sort((a, b) => a - b);
	const cut = Math.floor(0.05 * densities.length);
	const [low, high] = [densities[cut]!, densities[densities.length - cut - 1]!];
	for (const v of profiles.values()) v[6] = Math.min(high, Math.max(low, v[6]!));

	const emissionsWeights = [1, 1, 1, 1, 1, 1, 0.25];
	const points = {
		emissions: zScore(profiles, emissionsWeights),
		nearby: zScore(nearby, [1, 1])
	};
	// Overall: each type over its root-mean-square distance between two councils, √(2 × Σ w²) for
	// z-scores, and nearness counted twice (its distance over half of its typical one).
	const typicalEmissions = Math.sqrt(2 * emissionsWeights.reduce((s, w) => s + w * w, 0));
	const typicalNearby = Math.sqrt(2 * 2);
	const distance = {
		emissions: (a: string, b: string) => euclid(points.emissions, a, b),
		nearby: (a: string, b: string) => euclid(points.nearby, a, b),
		overall: (a: string, b: string) =>
			Math.hypot(
				euclid(points.emissions, a, b) / typicalEmissions,
				euclid(points.nearby, a, b) / (typicalNearby / 2)
			)
	};
	const pool = {
		emissions: [...points.emissions.keys()],
		nearby: [...points.nearby.keys()],
		overall: [...points.emissions.keys()].filter((c) => points.nearby.has(c))
	};

	/** The council's peers of its own group, nearest first, with mySociety's match score. */
	return (type: keyof typeof pool, code: string, n: number): ReferencePeer[] => {
		const others = pool[type].filter((c) => c !== code);
		const d = new Map(others.map((c) => [c, distance[type](code, c)]));
		const byDistance = [...others].sort((a, b) => d.get(b)! - d.get(a)!);
		const scale = byDistance[Math.min(9, byDistance.length - 1)]!;
		return others
			.filter((c) => group.get(c) === group.get(code))
			.sort((a, b) => d.get(a)! - d.get(b)! || (a < b ? -1 : 1))
			.slice(0, n)
			.map((c) => ({
				code: c,
				match: Math.round(Math.max(0, 1 - d.get(c)! / d.get(scale)!) * 1000) / 10
			}));
	};
}

function zScore(rows: Map<string, number[]>, weights: number[]): Map<string, number[]> {
	const values = [...rows.values()];
	const n = values.length;
	const stats = weights.map((_, k) => {
		const mean = values.reduce((s, v) => s + v[k]!, 0) / n;
		const sd = Math.sqrt(values.reduce((s, v) => s + (v[k]! - mean) ** 2, 0) / (n - 1));
		return { mean, sd };
	});
	return new Map(
		[...rows].map(([code, v]) => [
			code,
			v.map((x, k) => ((x - stats[k]!.mean) / stats[k]!.sd) * weights[k]!)
		])
	);
}

function euclid(points: Map<string, number[]>, a: string, b: string): number {
	const p = points.get(a)!;
	const q = points.get(b)!;
	return Math.sqrt(p.reduce((s, x, k) => s + (x - q[k]!) ** 2, 0));
}
