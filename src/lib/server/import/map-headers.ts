/**
 * Matching a file's header row to a feed's columns: case, spacing and underscores ignored, known
 * aliases (older releases, Excel spellings) and the user's own mapping applied. Two columns read
 * as one (a name twice, or a name and its alias) would leave one silently unread: refused.
 */
import { canonicalHeader } from './read-csv';
import type { AnyFeed } from '../rows/feed';
import { UnreadableFileError } from './unreadable';

/**
 * The field a mapping names to leave a column of the file out ("measure=ignore"): a data lab's
 * long file has a `measure` column of its own that would otherwise be read as ours.
 */
export const IGNORE_COLUMN = 'ignore';

/** How a header row matches a feed (never throws: detection tries every feed). */
export function matchHeaders(
	feed: AnyFeed,
	headers: string[],
	userMap: Record<string, string> = {}
) {
	const lookup = new Map<string, string>();
	for (const col of feed.columns) {
		lookup.set(canonicalHeader(col.name), col.name);
		for (const a of col.aliases ?? []) lookup.set(canonicalHeader(a), col.name);
	}
	const known = new Set(feed.columns.map((c) => c.name));
	const leftOut = new Set<string>();
	for (const [theirs, ours] of Object.entries(userMap)) {
		if (known.has(ours)) lookup.set(canonicalHeader(theirs), ours);
		else if (ours === IGNORE_COLUMN) leftOut.add(canonicalHeader(theirs));
	}
	const recognised = headers.map((h) =>
		leftOut.has(canonicalHeader(h)) ? null : (lookup.get(canonicalHeader(h)) ?? null)
	);
	const present = new Set(recognised.filter((m): m is string => m !== null));
	const ignored = new Set(feed.columns.filter((c) => c.ignored).map((c) => c.name));
	// Recognised columns the feed does not read are left out of each row's record.
	const mapped = recognised.map((m) => (m && ignored.has(m) ? null : m));
	const missing = feed.columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
	const unmapped = headers.filter(
		(h, i) => recognised[i] === null && h !== '' && !leftOut.has(canonicalHeader(h))
	);
	const first = mapped.findIndex((m, i) => m !== null && mapped.indexOf(m) !== i);
	const duplicate =
		first === -1 ? null : { column: mapped[first]!, at: [mapped.indexOf(mapped[first]!), first] };
	return { mapped, missing, unmapped, duplicate };
}

/** Map the file's headers to the feed's canonical column names (case, spacing, aliases, user map). */
export function mapHeaders(feed: AnyFeed, headers: string[], userMap: Record<string, string> = {}) {
	// A mapping to a field the feed does not have was silently dropped ("--map measure=ignor").
	const fields = feed.columns.map((c) => c.name);
	const wrong = Object.entries(userMap).find(
		([, ours]) => ours !== IGNORE_COLUMN && !fields.includes(ours)
	);
	if (wrong)
		throw new UnreadableFileError(
			`The mapping sends "${wrong[0]}" to "${wrong[1]}", which the feed "${feed.title}" does not have: its fields are ${fields.join(', ')}, or "${IGNORE_COLUMN}" to leave the column out.`
		);
	const match = matchHeaders(feed, headers, userMap);
	if (match.duplicate) {
		const { column, at } = match.duplicate;
		const [a, b] = at.map((i) => `column ${i + 1} ("${headers[i]}")`);
		throw new UnreadableFileError(
			`The header row has two columns read as "${column}": ${a} and ${b}. Remove or rename one, so that it is clear which to import.`
		);
	}
	return match;
}

/**
 * Which mapping to use for a file: the one given for it, plus a mapping saved from an earlier
 * file only when this file needs it (without it, a required column would be missing). So an
 * officer's own layout maps itself the second time, while our template, whose "scheme" column an
 * earlier mapping sent to the title, still reads as our template.
 */
export function headerMapFor(
	feed: AnyFeed,
	headers: string[],
	saved: Record<string, string>,
	given: Record<string, string> = {}
): Record<string, string> {
	if (!mapHeaders(feed, headers, given).missing.length) return given;
	return { ...saved, ...given };
}

/**
 * The mapping the column-matching form describes: for each of the feed's fields, the file's
 * column chosen for it, or '' for "not in this file" (fields the form did not send are left to
 * the usual matching). A column the form did not choose but that would be read as a field anyway
 * (its header is the field's name or alias) is left out when the form gave that field another
 * column, or said the file does not have it: otherwise the two would clash, or the column be
 * read against the user's word.
 */
export function formHeaderMap(
	feed: AnyFeed,
	headers: string[],
	chosen: ReadonlyMap<string, string>
): Record<string, string> {
	const map: Record<string, string> = {};
	for (const [field, theirs] of chosen) if (theirs && headers.includes(theirs)) map[theirs] = field;
	const { mapped } = matchHeaders(feed, headers);
	headers.forEach((header, i) => {
		const field = mapped[i];
		if (!field || map[header] || !chosen.has(field)) return;
		if (chosen.get(field) !== header) map[header] = IGNORE_COLUMN;
	});
	return map;
}
