import { error } from '@sveltejs/kit';
import { listFeedSummaries } from '$lib/server/feeds/catalogue';
import { csvResponse, toCsv } from '$lib/csv';
import type { RequestHandler } from './$types';

/**
 * A template: the header row and one example row, with a BOM so Excel reads it as UTF-8. The
 * example marks itself ("EXAMPLE-…", "Example Decarbonisation Fund"), so uploaded as it is it is
 * refused, never imported as real data (see $lib/server/feeds/template-example.ts).
 */
export const GET: RequestHandler = ({ params }) => {
	const feed = listFeedSummaries().find((f) => f.key === params.feed && f.isTemplate);
	if (!feed) error(404, `There is no template "${params.feed}".`);
	const csv = toCsv(
		feed.columns.map((c) => c.name),
		[feed.columns.map((c) => c.example ?? '')]
	);
	return csvResponse(`${csv}\r\n`, `net-zero-local-${feed.key}-template.csv`);
};
