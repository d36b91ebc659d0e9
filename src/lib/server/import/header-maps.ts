/**
 * Saved header mappings: when a user maps their column names to a feed's once, the next upload of
 * the same kind of file maps itself.
 */
import type Database from 'better-sqlite3';

export function loadHeaderMap(sqlite: Database.Database, feed: string): Record<string, string> {
	const rows = sqlite
		.prepare('SELECT their_header, our_column FROM feed_header_maps WHERE feed = ?')
		.all(feed) as {
		their_header: string;
		our_column: string;
	}[];
	return Object.fromEntries(rows.map((r) => [r.their_header, r.our_column]));
}

/** Every saved mapping, by feed: what detection tries on a file no feed names outright. */
export function loadHeaderMaps(sqlite: Database.Database): Record<string, Record<string, string>> {
	const rows = sqlite
		.prepare('SELECT feed, their_header, our_column FROM feed_header_maps ORDER BY feed')
		.all() as { feed: string; their_header: string; our_column: string }[];
	const maps: Record<string, Record<string, string>> = {};
	for (const r of rows) (maps[r.feed] ??= {})[r.their_header] = r.our_column;
	return maps;
}

/** Saves a mapping; one already saved is left as it was, so importing a file again changes nothing. */
export function saveHeaderMap(
	sqlite: Database.Database,
	feed: string,
	map: Record<string, string>
): void {
	const upsert = sqlite.prepare(
		`INSERT INTO feed_header_maps (feed, their_header, our_column) VALUES (?, ?, ?)
		 ON CONFLICT (feed, their_header) DO UPDATE SET our_column = excluded.our_column, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
		 WHERE our_column IS NOT excluded.our_column`
	);
	sqlite.transaction(() => {
		for (const [theirs, ours] of Object.entries(map)) upsert.run(feed, theirs, ours);
	})();
}

/** Parse "their column=our field" pairs as given on the command line. */
export function parseMapArgs(pairs: readonly string[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const pair of pairs) {
		const i = pair.lastIndexOf('=');
		if (i <= 0 || i === pair.length - 1)
			throw new Error(`--map expects "their column=our field", got "${pair}"`);
		map[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
	}
	return map;
}
