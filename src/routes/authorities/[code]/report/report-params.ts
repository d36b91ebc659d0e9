/**
 * The report's address options that differ from the defaults, so every way off the page (the
 * year chosen, the PDF, a comparison, recording) keeps the measure, trend window and money shown.
 */
import type { MoneyScope } from '$lib/funding-purpose';

export interface ReportQuery {
	measure: string;
	windowYears: number;
	money: MoneyScope;
}

export function reportParams(query: ReportQuery, financialYear?: string): URLSearchParams {
	const params = new URLSearchParams();
	if (financialYear) params.set('fy', financialYear);
	if (query.measure !== 'territorial') params.set('measure', query.measure);
	if (query.windowYears !== 5) params.set('window', String(query.windowYears));
	if (query.money !== 'net-zero') params.set('money', query.money);
	return params;
}
