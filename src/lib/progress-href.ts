/**
 * Links between progress views (measure, trend window), without the zod that reads them
 * (progress-query.ts): pages import these in the browser.
 */

/** The whole-area measures a page can be switched between, as its links name them. */
export const MEASURE_OPTIONS = [
	{ key: 'territorial', label: 'Territorial (all greenhouse gases in the area)' },
	{ key: 'scope_of_influence', label: "CO2 within the council's scope of influence" }
] as const;

/** The address of a progress view with the options that differ from the defaults. */
export function progressHref(base: string, options: { measure: string; windowYears: number }) {
	const params = new URLSearchParams();
	if (options.measure !== 'territorial') params.set('measure', options.measure);
	if (options.windowYears !== 5) params.set('window', String(options.windowYears));
	const q = params.toString();
	return q ? `${base}?${q}` : base;
}
