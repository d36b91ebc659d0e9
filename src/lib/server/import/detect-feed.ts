/**
 * Picks the feed a file belongs to from its header row: the feed whose required columns are all
 * present and which recognises the most of the file's columns; by name and alias, else through
 * the mapping saved when a file like it was matched by hand (so the same file uploaded again is
 * recognised as it was imported).
 */
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { FEEDS } from '../feeds/registry';
import { BadBytes, describeBadBytes } from './bad-bytes';
import { sniffEncoding, type Encoding } from './encoding';
import type { AnyFeed } from '../rows/feed';
import { matchHeaders } from './map-headers';
import { fromHeaderRow, headerDelimiter } from './read-csv';

/** Saved header mappings by feed key ("their column" → our field). */
export type SavedHeaderMaps = Record<string, Record<string, string>>;

export function detectFeedFromHeaders(
	headers: string[],
	saved: SavedHeaderMaps = {}
): AnyFeed | null {
	let best: { feed: AnyFeed; matched: number } | null = null;
	for (const feed of FEEDS) {
		let match = matchHeaders(feed, headers);
		// As the import applies a saved mapping: only when the file needs it (headerMapFor).
		if (match.missing.length && saved[feed.key])
			match = matchHeaders(feed, headers, saved[feed.key]);
		if (match.missing.length) continue;
		const matched = match.mapped.filter(Boolean).length;
		if (!best || matched > best.matched) best = { feed, matched };
	}
	return best?.feed ?? null;
}

/**
 * Read only the header row of a file (from its first 64 KB), decoded as the import will decode
 * it and after any blank lines, so that detection sees what the import will see.
 */
export async function readHeaderRow(path: string): Promise<string[]> {
	const file = await open(path, 'r');
	let chunk: Buffer;
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
		chunk = buffer.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
	let encoding: Encoding;
	try {
		encoding = sniffEncoding(chunk);
	} catch (e) {
		throw e instanceof BadBytes ? describeBadBytes(path, e) : e;
	}
	const text = fromHeaderRow(new TextDecoder(encoding).decode(chunk, { stream: true }));
	// Guessing from the data misreads a comma file whose cells hold ";" (partner lists).
	const { data } = Papa.parse<string[]>(text, { preview: 1, delimiter: headerDelimiter(text) });
	return (data[0] ?? []).map((h) => h.trim());
}

export async function detectFeed(
	path: string,
	saved: SavedHeaderMaps = {}
): Promise<AnyFeed | null> {
	return detectFeedFromHeaders(await readHeaderRow(path), saved);
}
