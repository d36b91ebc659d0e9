/**
 * Number and date formatting for readers in the UK, used by every page so figures look alike.
 */
const gbp = new Intl.NumberFormat('en-GB', {
	style: 'currency',
	currency: 'GBP',
	maximumFractionDigits: 0
});
const num = new Intl.NumberFormat('en-GB');

export function formatGbp(n: number | null | undefined): string {
	if (n === null || n === undefined) return '—';
	if (Math.abs(n) >= 1e9) return `£${(n / 1e9).toFixed(n % 1e9 === 0 ? 0 : 2)}bn`;
	if (Math.abs(n) >= 1e6) return `£${(n / 1e6).toFixed(1)}m`;
	return gbp.format(n);
}

/**
 * Whole pounds, never shortened ("£1,850,000"): for a table of bids or awards, where the sum
 * itself is the point. formatGbp's "£1.9m" is for headlines, summaries and charts.
 */
export function formatPounds(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : gbp.format(n);
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined || Number.isNaN(n)) return '—';
	return n.toLocaleString('en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
}

/**
 * The figure rounded to the decimals a page prints it with, kept a number: what a CSV download
 * holds, so a spreadsheet sums what the reader saw. Half away from zero, as formatNumber rounds.
 */
export function roundTo(n: number | null | undefined, digits = 0): number | null {
	if (n === null || n === undefined || Number.isNaN(n)) return null;
	// Intl, as formatNumber: it rounds 2.675 to 2.68 where toFixed's binary value gives 2.67.
	const text = n.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: false });
	return Number(text);
}

export function formatInteger(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : num.format(n);
}

/** "1 row", "2,400 rows": a count with its noun, singular or plural (`plural`: if not noun + s). */
export function formatCount(n: number, noun: string, plural = `${noun}s`): string {
	return `${num.format(n)} ${n === 1 ? noun : plural}`;
}

// Dates are formatted by the dates module; pages import formatDate from here with the numbers.
export { formatDate } from './domain/dates';

/** "−47%" with a real minus sign, "+3%", or "—" when unknown. */
export function formatChangePct(pct: number | null | undefined, digits = 0): string {
	if (pct === null || pct === undefined || Number.isNaN(pct)) return '—';
	const rounded = Number(pct.toFixed(digits));
	const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '';
	return `${sign}${formatNumber(Math.abs(rounded), digits)}%`;
}
