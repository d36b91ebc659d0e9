/**
 * What the column-matching form proposes for a file and a feed, field by field: the user's own
 * choice for this file, else the column the feed recognises by name or alias, else the mapping
 * saved from an earlier file, else a near header ("Local authority" for lead_authority, "Staff
 * days (est.)" for officer_days). A near header is only ever proposed: the user confirms it by
 * checking again, and the import itself never reads a column by a guess.
 */
import type { AnyFeed } from '../rows/feed';
import { matchHeaders } from './map-headers';
import { canonicalHeader } from './read-csv';

/** Where a proposal comes from, as the form explains it. */
export type ProposalSource = 'yours' | 'name' | 'saved' | 'near';
export type Proposal = { header: string; source: ProposalSource };

/** Words that say nothing about which field a column is. */
const FILLER = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'for', 'to', 'est', 'gbp', 'total']);
/** Different words for the same thing in council spreadsheets, folded to one. */
const SAME_AS: Record<string, string> = {
	council: 'authority',
	la: 'authority',
	staff: 'officer',
	employee: 'officer',
	value: 'amount',
	sum: 'amount',
	asked: 'requested',
	applied: 'requested',
	won: 'awarded',
	granted: 'awarded',
	grant: 'award',
	programme: 'scheme',
	fund: 'scheme',
	phase: 'round',
	outcome: 'status',
	result: 'status',
	stage: 'status',
	ref: 'reference',
	id: 'reference',
	comment: 'note',
	url: 'link',
	web: 'link',
	website: 'link'
};

/** A header's words: lower case, plurals and synonyms folded, filler dropped. */
export function headerWords(header: string): Set<string> {
	const words = header
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w && !FILLER.has(w))
		.map((w) => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w))
		// "days" is "day", but "status" is not "statu".
		.map((w) => (w.length > 3 && /[^su]s$/.test(w) ? w.slice(0, -1) : w))
		.map((w) => SAME_AS[w] ?? w);
	return new Set(words);
}

/** Shared words over all words (0 to 1). */
function likeness(a: Set<string>, b: Set<string>): number {
	const shared = [...a].filter((w) => b.has(w)).length;
	return shared / new Set([...a, ...b]).size;
}

/** A header this close to a field's name or an alias is proposed for it. */
export const NEAR = 0.5;

/**
 * Near headers for the fields not yet matched: each header to at most one field and each field
 * from at most one header, the closest pairs first.
 */
export function nearHeaders(
	feed: AnyFeed,
	headers: readonly string[],
	taken: { headers: ReadonlySet<string>; columns: ReadonlySet<string> }
): Record<string, string> {
	const pairs: { header: string; column: string; score: number; at: number }[] = [];
	headers.forEach((header, at) => {
		if (!header || taken.headers.has(header)) return;
		const words = headerWords(header);
		if (!words.size) return;
		for (const col of feed.columns) {
			if (col.ignored || taken.columns.has(col.name)) continue;
			const score = Math.max(
				...[col.name, ...(col.aliases ?? [])].map((n) => likeness(words, headerWords(n)))
			);
			if (score >= NEAR) pairs.push({ header, column: col.name, score, at });
		}
	});
	pairs.sort((a, b) => b.score - a.score || a.at - b.at);
	const byColumn: Record<string, string> = {};
	const used = new Set<string>();
	for (const p of pairs) {
		if (used.has(p.header) || p.column in byColumn) continue;
		byColumn[p.column] = p.header;
		used.add(p.header);
	}
	return byColumn;
}

/** The form's proposal for each of the feed's fields that the file seems to have. */
export function proposeMapping(
	feed: AnyFeed,
	headers: readonly string[],
	{ given = {}, saved = {} }: { given?: Record<string, string>; saved?: Record<string, string> }
): Record<string, Proposal> {
	const known = new Set(feed.columns.filter((c) => !c.ignored).map((c) => c.name));
	const out: Record<string, Proposal> = {};
	const usedHeaders = new Set<string>();
	const propose = (column: string, header: string, source: ProposalSource) => {
		if (!known.has(column) || column in out || usedHeaders.has(header)) return;
		out[column] = { header, source };
		usedHeaders.add(header);
	};
	for (const [theirs, ours] of Object.entries(given)) {
		if (headers.includes(theirs)) propose(ours, theirs, 'yours');
	}
	const { mapped } = matchHeaders(feed, [...headers]);
	mapped.forEach((column, i) => column && propose(column, headers[i]!, 'name'));
	const savedFor = new Map(Object.entries(saved).map(([t, o]) => [canonicalHeader(t), o]));
	for (const header of headers) {
		const column = savedFor.get(canonicalHeader(header));
		if (column) propose(column, header, 'saved');
	}
	const near = nearHeaders(feed, headers, {
		headers: usedHeaders,
		columns: new Set(Object.keys(out))
	});
	for (const [column, header] of Object.entries(near)) propose(column, header, 'near');
	return out;
}
