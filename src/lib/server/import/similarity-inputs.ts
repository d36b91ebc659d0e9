/**
 * The inputs of similar councils, read from the database for the import-time computation
 * (similar-councils-refresh.ts): the current authorities with their type and grid position, and
 * each one's emissions by sector in one year.
 *
 * Where the sector shares come from: mySociety's 2005–2020 series (dataset `mysociety-emissions`),
 * the only sector split shipped; the DESNZ 2005–2023 file is per-council totals, which have no
 * shares. Its sector names are the ones the emissions profile uses.
 *
 * Which year: the latest year of a release of that dataset that holds at least half the current
 * authorities (a partial release for a few councils that adds a year must not leave everyone else
 * without a profile); failing that, the year held by the most. For each council the figures are
 * those of the release in force for that year, the newest holding the council and year, as
 * everywhere else (db/schema.ts, emission_releases).
 */
import { and, desc, eq, inArray, isNotNull, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authorities, authorityPopulations, emissionReleases, emissions } from '../db/schema';
import { toBritishNationalGrid } from '../metrics/british-national-grid';
import type { SimilarityAuthority } from '../metrics/similar-councils';
import type { EmissionsProfileInput } from '../metrics/similarity-features';

/** The dataset whose sector split makes the emissions profile. */
export const SECTOR_DATASET = 'mysociety-emissions';

export interface SimilarityInputs {
	authorities: SimilarityAuthority[];
	emissions: EmissionsProfileInput[];
	/** The year of the sector figures, or null when none are held. */
	emissionsYear: number | null;
	/** The releases the figures came from, the one most councils came from first. */
	emissionsReleaseIds: number[];
}

export function readSimilarityInputs(db: Db): SimilarityInputs {
	const current = db
		.select({
			code: authorities.code,
			type: authorities.type,
			lat: authorities.lat,
			lng: authorities.lng,
			areaKm2: authorities.areaKm2
		})
		.from(authorities)
		.where(eq(authorities.isCurrent, true))
		.orderBy(authorities.code)
		.all();
	const located = current.map(({ code, type, lat, lng }) => {
		if (lat === null || lng === null) return { code, type, x: null, y: null };
		const g = toBritishNationalGrid(lat, lng);
		return { code, type, x: g.easting, y: g.northing };
	});
	const sectors = sectorFigures(db, current.length);
	if (!sectors) {
		return { authorities: located, emissions: [], emissionsYear: null, emissionsReleaseIds: [] };
	}
	const area = new Map(current.map((a) => [a.code, a.areaKm2]));
	const population = new Map(
		db
			.select({
				code: authorityPopulations.authorityCode,
				population: authorityPopulations.population
			})
			.from(authorityPopulations)
			.where(
				and(
					eq(authorityPopulations.year, sectors.year),
					eq(authorityPopulations.datasetKey, SECTOR_DATASET)
				)
			)
			.all()
			.map((p) => [p.code, p.population])
	);
	const profiles: EmissionsProfileInput[] = [...sectors.byCode].map(([code, sectorsKt]) => ({
		code,
		sectorsKt,
		population: population.get(code) ?? null,
		// Emissions of an authority not in the register: the computation says so.
		areaKm2: area.get(code) ?? null
	}));
	return {
		authorities: located,
		emissions: profiles,
		emissionsYear: sectors.year,
		emissionsReleaseIds: sectors.releaseIds
	};
}

interface SectorFigures {
	year: number;
	byCode: Map<string, Record<string, number | null>>;
	releaseIds: number[];
}

function sectorFigures(db: Db, currentCount: number): SectorFigures | null {
	const releases = db
		.select({ id: emissionReleases.id, yearTo: emissionReleases.yearTo })
		.from(emissionReleases)
		.where(and(eq(emissionReleases.datasetKey, SECTOR_DATASET), isNotNull(emissionReleases.yearTo)))
		.orderBy(desc(emissionReleases.id))
		.all();
	if (releases.length === 0) return null;
	const ids = releases.map((r) => r.id);
	const years = [...new Set(releases.map((r) => r.yearTo!))].sort((a, b) => b - a);
	let best: SectorFigures | null = null;
	for (const year of years) {
		const found = sectorsInYear(db, ids, year);
		if (found.byCode.size * 2 >= currentCount) return found;
		if (!best || found.byCode.size > best.byCode.size) best = found;
	}
	return best;
}

function sectorsInYear(db: Db, candidates: number[], year: number): SectorFigures {
	const rows = db
		.select({
			code: emissions.authorityCode,
			releaseId: emissions.releaseId,
			sector: emissions.sector,
			kt: sum(emissions.influenceKt).mapWith(Number)
		})
		.from(emissions)
		.where(and(inArray(emissions.releaseId, candidates), eq(emissions.year, year)))
		.groupBy(emissions.authorityCode, emissions.releaseId, emissions.sector)
		.all();
	// The newest release holding each council in this year (ids grow with each import).
	const inForce = new Map<string, number>();
	for (const r of rows) inForce.set(r.code, Math.max(inForce.get(r.code) ?? 0, r.releaseId));
	const byCode = new Map<string, Record<string, number | null>>();
	const used = new Map<number, number>();
	for (const r of rows) {
		if (inForce.get(r.code) !== r.releaseId) continue;
		let sectors = byCode.get(r.code);
		if (!sectors) {
			byCode.set(r.code, (sectors = {}));
			used.set(r.releaseId, (used.get(r.releaseId) ?? 0) + 1);
		}
		sectors[r.sector] = Number.isFinite(r.kt) ? r.kt : null;
	}
	const releaseIds = [...used].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([id]) => id);
	return { year, byCode, releaseIds };
}
