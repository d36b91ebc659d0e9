/**
 * What the check page shows of how a file's columns match a feed: for the matching form, each
 * feed's fields with their meaning and what is proposed for each (proposeMapping); for a checked
 * file, how each of its columns was read, as the import reads them (headerMapFor).
 */
import { FEEDS } from '../feeds/registry';
import { serverDb, sqliteOf } from '../queries/connection';
import type { AnyFeed } from '../rows/feed';
import { loadHeaderMaps } from './header-maps';
import { headerMapFor, matchHeaders } from './map-headers';
import { proposeMapping, type Proposal } from './propose-mapping';
import { canonicalHeader } from './read-csv';

type Maps = Record<string, Record<string, string>>;

/** The mappings saved from earlier files, by feed, through the server's connection. */
export function savedHeaderMaps(): Maps {
	return loadHeaderMaps(sqliteOf(serverDb()));
}

export interface FormFeed {
	key: string;
	title: string;
	columns: { name: string; required: boolean; description: string; example: string | null }[];
	/** Field → the file's column proposed for it, and why. */
	proposal: Record<string, Proposal>;
}

/** Every feed as the matching form offers it for this header row. */
export function mappingFormFeeds(
	headers: readonly string[],
	given: Record<string, string>,
	givenFor: string | null,
	saved: Maps
): FormFeed[] {
	return FEEDS.map((feed) => ({
		key: feed.key,
		title: feed.title,
		columns: feed.columns
			.filter((c) => !c.ignored)
			.map((c) => ({
				name: c.name,
				required: c.required,
				description: c.description,
				example: c.example ?? null
			})),
		proposal: proposeMapping(feed, headers, {
			// The user's choices were made for one feed: another feed starts afresh.
			given: feed.key === givenFor ? given : {},
			saved: saved[feed.key] ?? {}
		})
	}));
}

export interface ColumnRead {
	header: string;
	/** The field it was read as, or null when it is not read. */
	column: string | null;
	source: 'yours' | 'name' | 'saved' | null;
}

/** How the import reads each of the file's columns (call once it has checked the file). */
export function columnsRead(
	feed: AnyFeed,
	headers: string[],
	given: Record<string, string>,
	saved: Record<string, string>
): ColumnRead[] {
	const map = headerMapFor(feed, headers, saved, given);
	const yours = new Set(Object.keys(given).map(canonicalHeader));
	// A column read by its own name is "by its name", even when a mapping names it too.
	const byName = matchHeaders(feed, headers).mapped;
	const { mapped } = matchHeaders(feed, headers, map);
	return headers.flatMap((header, i): ColumnRead[] => {
		if (!header) return [];
		const column = mapped[i] ?? null;
		const source = !column
			? null
			: byName[i] === column
				? 'name'
				: yours.has(canonicalHeader(header))
					? 'yours'
					: 'saved';
		return [{ header, column, source }];
	});
}

/**
 * The feed a file no feed recognised most likely is: one whose required fields all have a
 * proposal, the one with most proposals. Null when none has them all.
 */
export function likelyFeed(feeds: FormFeed[]): string | null {
	let best: { key: string; count: number } | null = null;
	for (const f of feeds) {
		if (!f.columns.every((c) => !c.required || f.proposal[c.name])) continue;
		const count = Object.keys(f.proposal).length;
		if (!best || count > best.count) best = { key: f.key, count };
	}
	return best?.key ?? null;
}
