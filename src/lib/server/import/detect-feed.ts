/**
 * Picks the feed a file belongs to from its header row: the feed whose required columns are all
 * present and which recognises the most of the file's columns.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { FEEDS } from '../feeds/registry';
import type { AnyFeed } from './types';
import { mapHeaders } from './run-import';
import { headerDelimiter } from './read-csv';

export function detectFeedFromHeaders(headers: string[]): AnyFeed | null {
	let best: { feed: AnyFeed; matched: number } | null = null;
	for (const feed of FEEDS) {
		const { mapped, missing } = mapHeaders(feed, headers);
		if (missing.length) continue;
		const matched = mapped.filter(Boolean).length;
		if (!best || matched > best.matched) best = { feed, matched };
	}
	return best?.feed ?? null;
}

/** Read only the header row of a file. */
export function readHeaderRow(path: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const stream = createReadStream(path, { end: 64 * 1024 });
		stream.on('error', reject);
		Papa.parse<string[]>(stream as unknown as File, {
			preview: 1,
			// Guessing from the data misreads a comma file whose cells hold ";" (partner lists).
			delimiter: headerDelimiter,
			complete: (r) => resolve((r.data[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())),
			error: reject
		});
	});
}

export async function detectFeed(path: string): Promise<AnyFeed | null> {
	return detectFeedFromHeaders(await readHeaderRow(path));
}
