/**
 * The raw features of each type of similarity, before z-scoring (similarity.ts). Pure.
 *
 * Emissions profile: the issue asks for each sector's share of the council's emissions plus
 * population density weighted 0.25. mySociety (mysociety/la-emissions-data,
 * src/la_emissions_data/compare_emissions.py) uses intensities instead (public sector and
 * transport per person, domestic per person, industry, commercial and agriculture per £ of GDP);
 * we follow the issue, which also needs no GDP data. Where the issue is silent we follow them:
 * - Waste is left out of the features (it still counts in the total the shares are of): in the
 *   shipped 2020 data it is 0 for 353 of 394 authorities, so its z-score mostly says "has any
 *   waste at all" and reaches 12 for New Forest, enough to decide its peers alone.
 * - Density is population ÷ area, winsorised at 5 % each end before the z-scoring, as they do
 *   with scipy's `mstats.winsorize` (the lowest and highest ⌊0.05 n⌋ values are set to the next
 *   value in), so the few densest and sparsest places do not stretch the scale for the rest.
 *
 * Nearby: mySociety's physical distance (mysociety/local-authority-similarity,
 * notebooks/physical.ipynb) z-scores the British National Grid x and y (metres) of each
 * authority's centroid, the shipped `x` and `y` columns; not latitude and longitude, not a
 * great-circle distance. We do the same.
 */
import type { Exclusion, FeatureRow } from './similarity';

export const EMISSIONS_PROFILE_SECTORS = [
	'Industry',
	'Commercial',
	'Public sector',
	'Domestic',
	'Transport',
	'Agriculture'
] as const;
export const DENSITY_FEATURE = 'population density';
export const DENSITY_WEIGHT = 0.25;
export const DENSITY_WINSOR_SHARE = 0.05;

export interface FeatureSet {
	rows: FeatureRow[];
	features: string[];
	weights: Record<string, number>;
	excluded: Exclusion[];
}

/**
 * Clamp the lowest and highest ⌊p n⌋ values to the nearest value inside them (scipy's
 * `mstats.winsorize` with limits (p, p)). Returns a new array in the same order.
 */
export function winsorise(values: readonly number[], p: number = DENSITY_WINSOR_SHARE): number[] {
	if (!(p >= 0 && p < 0.5)) throw new Error(`winsorise: share ${p}; expected 0 ≤ share < 0.5`);
	const n = values.length;
	const cut = Math.floor(p * n);
	if (cut === 0) return [...values];
	const sorted = [...values].sort((a, b) => a - b);
	const low = sorted[cut]!;
	const high = sorted[n - cut - 1]!;
	return values.map((v) => Math.min(high, Math.max(low, v)));
}

export interface EmissionsProfileInput {
	code: string;
	/** kt CO2 by sector for one year: every sector the data has, as the total is their sum. */
	sectorsKt: Readonly<Record<string, number | null | undefined>>;
	population: number | null;
	areaKm2: number | null;
}

export function shareFeature(sector: string): string {
	return `share of ${sector}`;
}

/** Sector shares and winsorised density; authorities lacking any of them are excluded. */
export function emissionsProfileFeatures(
	inputs: readonly EmissionsProfileInput[],
	sectors: readonly string[] = EMISSIONS_PROFILE_SECTORS
): FeatureSet {
	const features = [...sectors.map(shareFeature), DENSITY_FEATURE];
	const excluded: Exclusion[] = [];
	const complete: { code: string; values: Record<string, number> }[] = [];
	for (const input of inputs) {
		const reasons: string[] = [];
		const present = Object.keys(input.sectorsKt);
		const unknown = [...new Set([...sectors, ...present])].filter(
			(s) => !Number.isFinite(input.sectorsKt[s])
		);
		if (unknown.length > 0) reasons.push(`no emissions for ${unknown.join(', ')}`);
		let total = 0;
		for (const s of present) total += input.sectorsKt[s] ?? 0;
		if (unknown.length === 0 && !(total > 0)) reasons.push(`total emissions are ${total} kt`);
		const { population, areaKm2 } = input;
		if (!(population !== null && population > 0 && areaKm2 !== null && areaKm2 > 0)) {
			reasons.push(`no density: population ${population}, area ${areaKm2} km²`);
		}
		if (reasons.length > 0) {
			excluded.push({ code: input.code, reason: reasons.join('; ') });
			continue;
		}
		const values: Record<string, number> = {};
		for (const s of sectors) values[shareFeature(s)] = input.sectorsKt[s]! / total;
		values[DENSITY_FEATURE] = population! / areaKm2!;
		complete.push({ code: input.code, values });
	}
	// Winsorised among the authorities that stay, the same pool the z-scores are taken over.
	const densities = winsorise(complete.map((r) => r.values[DENSITY_FEATURE]!));
	complete.forEach((r, i) => (r.values[DENSITY_FEATURE] = densities[i]!));
	return { rows: complete, features, weights: { [DENSITY_FEATURE]: DENSITY_WEIGHT }, excluded };
}

export interface LocatedAuthority {
	code: string;
	/** British National Grid easting and northing of the centroid, metres. */
	x: number | null;
	y: number | null;
}

/** Easting and northing as two features; authorities without both are excluded. */
export function nearbyFeatures(authorities: readonly LocatedAuthority[]): FeatureSet {
	const rows: FeatureRow[] = [];
	const excluded: Exclusion[] = [];
	for (const { code, x, y } of authorities) {
		if (Number.isFinite(x) && Number.isFinite(y)) rows.push({ code, values: { x, y } });
		else excluded.push({ code, reason: `no coordinates: x ${x}, y ${y}` });
	}
	return { rows, features: ['x', 'y'], weights: {}, excluded };
}
