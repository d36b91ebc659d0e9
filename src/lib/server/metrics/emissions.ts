/**
 * Pure emissions arithmetic for one authority's series: totals by year, change since the first
 * year, and per-head figures. No database; unit-tested.
 */

export interface SectorValue {
	year: number;
	sector: string;
	valueKt: number;
}

export interface YearTotal {
	year: number;
	totalKt: number;
	sectors: Record<string, number>;
}

/** Sum sector rows into one total per year, keeping the sector breakdown; years ascending. */
export function totalsByYear(rows: readonly SectorValue[]): YearTotal[] {
	const byYear = new Map<number, YearTotal>();
	for (const r of rows) {
		let y = byYear.get(r.year);
		if (!y) byYear.set(r.year, (y = { year: r.year, totalKt: 0, sectors: {} }));
		y.totalKt += r.valueKt;
		y.sectors[r.sector] = (y.sectors[r.sector] ?? 0) + r.valueKt;
	}
	return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface EmissionsSummary {
	firstYear: number;
	latestYear: number;
	firstKt: number;
	latestKt: number;
	/** Percentage change from the first to the latest year; negative is a fall. */
	changePct: number | null;
	/** Tonnes per person in the latest year, when the population is known. */
	latestPerHeadT: number | null;
	largestSector: { sector: string; sharePct: number } | null;
}

export function summariseEmissions(
	totals: readonly YearTotal[],
	populationByYear: Readonly<Record<number, number>> = {}
): EmissionsSummary | null {
	const first = totals[0];
	const latest = totals[totals.length - 1];
	if (!first || !latest) return null;
	const population = populationByYear[latest.year];
	// "Largest" among one sector (a totals-only release) would only repeat the total.
	const sectors = Object.entries(latest.sectors);
	const largest = sectors.length > 1 ? sectors.sort((a, b) => b[1] - a[1])[0] : undefined;
	return {
		firstYear: first.year,
		latestYear: latest.year,
		firstKt: first.totalKt,
		latestKt: latest.totalKt,
		changePct: first.totalKt > 0 ? ((latest.totalKt - first.totalKt) / first.totalKt) * 100 : null,
		// kt → t is ×1000; per person.
		latestPerHeadT: population ? (latest.totalKt * 1000) / population : null,
		largestSector:
			largest && latest.totalKt > 0
				? { sector: largest[0], sharePct: (largest[1] / latest.totalKt) * 100 }
				: null
	};
}
