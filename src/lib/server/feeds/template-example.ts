/**
 * Keeps the example row of a downloaded template from being imported as real data (for every
 * template feed, where the pipeline parses a record: parseRecord).
 *
 * How the example row is recognised, and why this way: each template's example marks itself in
 * the values themselves. Some example values say "example" (the scheme "Example Decarbonisation
 * Fund", the reference "EXAMPLE-LDS-2024-07", a source URL ending "/example"), and a cell that
 * still holds such a value is refused, with a message saying it is the template's example. Other
 * ways were weighed and are weaker:
 * - a comment line ("# example…"): CSV has no comments, Excel shows it as an ordinary row, and
 *   once saved again it is indistinguishable from data;
 * - matching the whole example row: an officer who types their own council over "Leeds" but
 *   leaves the rest would import a half-fake row, and a real Leeds target row ("Leeds, Whole area,
 *   2050, 2005") would match a realistic example by chance;
 * - one marker cell: lost when the officer deletes that column (the bids `reference` is optional).
 * Marked values are in several columns, at least one of them required where the template allows,
 * so the example is caught when left as downloaded, half overwritten, or with columns deleted,
 * and no real value can be mistaken for one. template-shared.test.ts checks every template.
 */
import type { AnyFeed, FeedColumn, ImportContext } from '../rows/feed';

const MARKER = /example/i;

/** The columns whose example value is a marker, with that value folded for comparison. */
export function exampleMarkers(columns: readonly FeedColumn[]): Map<string, string> {
	return new Map(
		columns
			.filter((c) => c.example && MARKER.test(c.example))
			.map((c) => [c.name, fold(c.example!)])
	);
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * True (after recording an error on the row) when a cell still holds its column's marked example
 * value: the row is the template's example, or has some of it left in.
 */
export function refuseTemplateExample(
	ctx: ImportContext,
	rowNumber: number,
	record: Record<string, string>,
	markers: Map<string, string>
): boolean {
	const column = [...markers].find(([name, value]) => fold(record[name] ?? '') === value)?.[0];
	if (!column) return false;
	const value = record[column]!.trim();
	const message = `"${value}" is the template's example, not real data: delete the example row, or replace its values with your own`;
	ctx.issues.error(rowNumber, column, value, 'template_example', message);
	return true;
}

const MARKERS = new WeakMap<AnyFeed, Map<string, string>>();

/**
 * A record parsed by its feed; for a template, refused when it holds the template's example. The
 * row is parsed in full either way, so the example's other problems (an unknown council, a
 * negative number) are reported too, not hidden behind "this is the template's example".
 */
export function parseRecord(
	feed: AnyFeed,
	record: Record<string, string>,
	rowNumber: number,
	ctx: ImportContext
): unknown {
	if (!feed.template) return feed.parseRow(record, rowNumber, ctx);
	let markers = MARKERS.get(feed);
	if (!markers) MARKERS.set(feed, (markers = exampleMarkers(feed.columns)));
	const example = refuseTemplateExample(ctx, rowNumber, record, markers);
	const row = feed.parseRow(record, rowNumber, ctx);
	return example ? null : row;
}
