/**
 * The headline of progress against a net-zero target: a least-squares trend over the last years
 * of the current release, the year that line reaches zero, and the green / amber / red status
 * that compares it with the target year. Pure; unit-tested; each explanation is printed beside
 * its figure.
 */
import { notAvailable, sortedSeries, yearsFrom, type YearValue } from './series';

export const DEFAULT_WINDOW_YEARS = 5;
/** Two points are a difference, not a trend, and one Covid year between them would swing it. */
export const MIN_TREND_POINTS = 3;
/** Years distorted by lockdowns: kept in the fit (dropping them picks a trend) and flagged. */
export const COVID_YEARS: readonly number[] = [2020, 2021];
/**
 * A line changing by less than this % of its window average a year counts as flat: a fall that
 * slow would take more than 200 years to reach zero, and a year that far off is noise, not news.
 */
export const FLAT_TOLERANCE_PCT = 0.5;
/** Amber covers a projected year up to this many years after the target year. */
export const AMBER_YEARS = 5;

export const trendExplanation = (windowYears: number) =>
	`A straight line fitted by least squares to the last ${windowYears} years of the current release, with 2020 and 2021 (Covid years) kept in and flagged wherever they fall in it.`;
export const TREND_EXPLANATION = trendExplanation(DEFAULT_WINDOW_YEARS);
export const PROJECTION_EXPLANATION = `The projected net-zero year is the first whole year in which the trend line is at or below zero; when the line is flat (changing by less than ${FLAT_TOLERANCE_PCT}% of its average a year) or rising, the target is not reached on the current trend.`;
export const STATUS_EXPLANATION = `Green when the projected net-zero year is on or before the target year, amber when it is up to ${AMBER_YEARS} years after, red when it is later or the current trend does not reach zero.`;

export interface TrendOptions {
	/** How many years the line is fitted over; 5 unless the page says otherwise. */
	windowYears?: number;
	/** The last year of the current release; the series' own last year when not given. */
	windowEndYear?: number;
}

/** Least-squares line through the figures in the window ending at the release's last year. */
export function emissionsTrend(series: readonly YearValue[], options: TrendOptions = {}) {
	const windowYears = options.windowYears ?? DEFAULT_WINDOW_YEARS;
	if (!Number.isInteger(windowYears) || windowYears < MIN_TREND_POINTS) {
		throw new Error(`windowYears is ${windowYears}, expected a whole number from 3 up`);
	}
	const points = sortedSeries(series);
	const last = points.at(-1);
	if (!last) return notAvailable('there are no emissions figures');
	const toYear = options.windowEndYear ?? last.year;
	const fromYear = toYear - windowYears + 1;
	const span = `${fromYear}–${toYear}`;
	if (last.year < fromYear) {
		return notAvailable(`the figures end in ${last.year}, before the ${span} trend window`);
	}
	const inWindow = points.filter((p) => p.year >= fromYear && p.year <= toYear);
	const years = inWindow.map((p) => p.year);
	if (inWindow.length < MIN_TREND_POINTS) {
		return notAvailable(
			`a trend needs figures for at least ${MIN_TREND_POINTS} years of ${span}; there are ${inWindow.length} (${years.join(', ') || 'none'})`
		);
	}
	// Centred on the mean year: the slope is Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², and the line passes through
	// (x̄, ȳ), which keeps the arithmetic small enough to check by hand.
	const meanYear = years.reduce((s, y) => s + y, 0) / years.length;
	const meanKt = inWindow.reduce((s, p) => s + p.valueKt, 0) / inWindow.length;
	let sxy = 0;
	let sxx = 0;
	for (const p of inWindow) {
		sxy += (p.year - meanYear) * (p.valueKt - meanKt);
		sxx += (p.year - meanYear) ** 2;
	}
	const slopeKtPerYear = sxy / sxx;
	const flat = Math.abs(slopeKtPerYear) <= (FLAT_TOLERANCE_PCT / 100) * Math.abs(meanKt);
	return {
		available: true as const,
		fromYear,
		toYear,
		years,
		missingYears: yearsFrom(fromYear, toYear).filter((y) => !years.includes(y)),
		covidYears: years.filter((y) => COVID_YEARS.includes(y)),
		meanYear,
		meanKt,
		slopeKtPerYear,
		/** The line's value at year 0, as usually written (y = intercept + slope × year). */
		interceptKt: meanKt - slopeKtPerYear * meanYear,
		direction: flat
			? ('flat' as const)
			: slopeKtPerYear < 0
				? ('falling' as const)
				: ('rising' as const)
	};
}

export type EmissionsTrend = ReturnType<typeof emissionsTrend>;

/** The trend line's value in a year. */
export function trendValueAt(trend: EmissionsTrend & { available: true }, year: number): number {
	return trend.meanKt + trend.slopeKtPerYear * (year - trend.meanYear);
}

/**
 * The year net zero is reached: already, when the latest figure is at or below zero (from the
 * first year of that final run); otherwise the first whole year the falling trend line is at or
 * below zero.
 */
export function projectNetZero(series: readonly YearValue[], trend: EmissionsTrend) {
	const points = sortedSeries(series);
	const latest = points.at(-1);
	if (!latest) return notAvailable('there are no emissions figures');
	if (latest.valueKt <= 0) {
		let from = points.length - 1;
		while (from > 0 && points[from - 1]!.valueKt <= 0) from -= 1;
		return { available: true as const, year: points[from]!.year, basis: 'reached' as const };
	}
	if (!trend.available) return notAvailable(`there is no trend: ${trend.reason}`);
	if (trend.direction !== 'falling') {
		return { available: true as const, year: null, basis: 'not on the current trend' as const };
	}
	const crossing = trend.meanYear - trend.meanKt / trend.slopeKtPerYear;
	// A steep line can cross zero inside the window while the latest figure is still above it:
	// the earliest year it can then happen is the next one.
	const year = Math.max(Math.ceil(crossing), latest.year + 1);
	return { available: true as const, year, crossing, basis: 'trend' as const };
}

export type NetZeroProjection = ReturnType<typeof projectNetZero>;

/** Green / amber / red by STATUS_EXPLANATION; not available without a target year or projection. */
export function headlineStatus(
	projection: { available: true; year: number | null } | { available: false; reason: string },
	targetYear: number | null
) {
	if (targetYear === null) return notAvailable('the target names no year');
	if (!projection.available) return notAvailable(projection.reason);
	const { year } = projection;
	const yearsAfterTarget = year === null ? null : year - targetYear;
	const colour =
		yearsAfterTarget === null || yearsAfterTarget > AMBER_YEARS
			? ('red' as const)
			: yearsAfterTarget <= 0
				? ('green' as const)
				: ('amber' as const);
	return { available: true as const, colour, yearsAfterTarget, rule: STATUS_EXPLANATION };
}
