/**
 * Links from stored data (source pages, council plans, motions) are only ever web addresses.
 * Imports validate them, but a row stored before that rule, or a feed that slips one through,
 * must still never become a `javascript:` link on a page or a broken line in a calendar feed.
 * Browser-safe: pages and the server share it.
 */

/** C0 and C1 control characters (CR and LF among them) and the Unicode line separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The address, trimmed, when it is an http or https web address with a host and no control
 * character; otherwise null (`javascript:`, `data:`, `mailto:`, "Loading...", a CR LF inside).
 */
export function webAddress(value: string | null | undefined): string | null {
	const s = value?.trim();
	if (!s || CONTROL.test(s) || !/^https?:\/\//i.test(s)) return null;
	try {
		return new URL(s).hostname ? s : null;
	} catch {
		return null;
	}
}

/** The site a source address is on, as a reader names it: "gov.uk", "swiga.co.uk"; null if none. */
export function sourceSite(value: string | null | undefined): string | null {
	const address = webAddress(value);
	return address ? new URL(address).hostname.replace(/^www\./, '') : null;
}
