/**
 * Council name normalisation for matching feeds that name councils rather than code them
 * ("LB Waltham Forest", "Barnet Council", "Borough Council of King's Lynn & West Norfolk").
 * Both sides of a match go through the same function, so the alias table and a feed agree.
 */

// Longest first: "metropolitan borough council" must go before "borough council".
const AFFIXES = [
	'metropolitan borough council',
	'london borough council',
	'royal borough of',
	'london borough of',
	'borough council of',
	'city and county of',
	'county borough council',
	'district councils',
	'district council',
	'borough council',
	'county council',
	'borough',
	'city council',
	'council of the',
	'metropolitan district',
	'council',
	'lb',
	'rb',
	'mbc',
	'cc',
	'dc',
	'bc',
	'the'
];
const AFFIX_RE = new RegExp(`^(?:${AFFIXES.join('|')})\\s+|\\s+(?:${AFFIXES.join('|')})$`, 'g');

/** Lower case, accents and punctuation removed, "&" as "and", spaces collapsed. */
export function foldName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’`]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/**
 * foldName, then council-type words removed from either end until none remain. A parenthesis is
 * a comment ("(defunct council)", "(Tees Consortium)"), and run-together words are split.
 */
export function normaliseCouncilName(name: string): string {
	let s = foldName(
		name.replace(/\([^)]*\)/g, ' ').replace(/(district|borough|county|city)(council)/gi, '$1 $2')
	);
	for (let previous = ''; previous !== s;) {
		previous = s;
		s = s.replace(AFFIX_RE, '').trim();
	}
	return s;
}

/**
 * Text that was UTF-8, read as Latin-1 and saved again as UTF-8 ("MÃ´n", "Mï¿½n"). Returns the
 * repaired text, or `lossy: true` when the original character was already lost (a U+FFFD).
 */
export function repairDoubleEncoding(text: string): {
	text: string;
	repaired: boolean;
	lossy: boolean;
} {
	if (!/[\u00c2-\u00ef][\u0080-\u00bf]/.test(text)) return { text, repaired: false, lossy: false };
	const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
	const everyCharIsByte = [...text].every((c) => c.charCodeAt(0) <= 0xff);
	if (!everyCharIsByte) return { text, repaired: false, lossy: false };
	const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
	const lossy = decoded.includes('\ufffd');
	// Half-width fillers and odd spaces that stood for a plain space.
	return { text: decoded.replace(/[\uffa0\u00a0]/g, ' '), repaired: true, lossy };
}

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment): "Traford" is
 * 1 from "trafford", "Trafofrd" 1 too. Gives up, returning `max + 1`, as soon as the distance must
 * exceed `max`, so ranking a few thousand names stays cheap.
 */
export function nameDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, before[j - 2]! + 1);
			current.push(d);
			best = Math.min(best, d);
		}
		if (best > max) return max + 1;
		[before, previous] = [previous, current];
	}
	return Math.min(previous[b.length]!, max + 1);
}
