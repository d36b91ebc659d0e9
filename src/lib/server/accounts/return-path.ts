/**
 * Where sign-in sends the user back to: only a path on this site, never an address elsewhere (an
 * open redirect would let a link to our sign-in page end on a look-alike site). Browsers read a
 * backslash as a slash and drop tabs and line breaks from a URL, so "/\evil.example" and
 * "/<tab>/evil.example" are other sites to them; percent-encoded forms of the same are decoded
 * before checking, so no encoding slips one through.
 */

const FALLBACK = '/';
/** A backslash or a control character: browsers read, strip or reinterpret them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\\]/;
const ORIGIN = 'http://return-path.invalid';
/** Enough rounds for any real link; a value still encoded after them is refused. */
const DECODE_ROUNDS = 4;

/** The same path as a browser would read it, or null where the text is not a plain path. */
function decoded(text: string): string | null {
	let current = text;
	for (let round = 0; round < DECODE_ROUNDS; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return null; // a malformed escape: not a link we wrote
		}
		if (next === current) return current;
		current = next;
	}
	return null;
}

/** A same-site path with its query and fragment, or "/" for anything else. */
export function safeReturnPath(next: string | null | undefined): string {
	if (!next || next.length > 2000) return FALLBACK;
	const plain = decoded(next);
	if (plain === null) return FALLBACK;
	for (const text of [next, plain]) {
		if (!text.startsWith('/') || text.startsWith('//') || UNSAFE_CHARS.test(text)) return FALLBACK;
	}
	const url = new URL(next, ORIGIN);
	if (url.origin !== ORIGIN) return FALLBACK;
	return `${url.pathname}${url.search}${url.hash}`;
}
