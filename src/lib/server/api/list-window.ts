/**
 * A long API list a window at a time: `limit` rows from `offset`, with the address of the next
 * window. At national scale the funding rounds are 20,000 rows (12.6 MB of JSON); a client reads
 * them window by window, following `next`, and no single answer holds a whole large table.
 */
import { z } from 'zod';

/** Rows in a window unless `limit` says otherwise, and the most it may say. */
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 5000;

const whole = (min: number, max: number) =>
	z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const WindowParams = z.object({
	limit: whole(1, MAX_LIMIT).optional(),
	offset: whole(0, Number.MAX_SAFE_INTEGER).optional()
});

export interface ListWindow {
	limit: number;
	offset: number;
}

/**
 * The window asked for in `params`, or the names of the parameters that cannot be read, each
 * with what it may be.
 */
export function readListWindow(
	params: URLSearchParams
): { ok: true; window: ListWindow; asked: boolean } | { ok: false; issues: string[] } {
	const given = {
		limit: params.get('limit') ?? undefined,
		offset: params.get('offset') ?? undefined
	};
	const read = WindowParams.safeParse(given);
	if (!read.success) {
		const issues = read.error.issues.map((i) => {
			const key = String(i.path[0]);
			const rule = key === 'limit' ? `a whole number from 1 to ${MAX_LIMIT}` : 'a whole number';
			return `${key}: "${given[key as keyof typeof given]}" is not ${rule}`;
		});
		return { ok: false, issues };
	}
	return {
		ok: true,
		window: { limit: read.data.limit ?? DEFAULT_LIMIT, offset: read.data.offset ?? 0 },
		asked: read.data.limit !== undefined || read.data.offset !== undefined
	};
}

/** The rows in the window, and the address of the next window (null after the last). */
export function windowOf<T>(rows: readonly T[], { limit, offset }: ListWindow, url: URL) {
	const end = offset + limit;
	let next: string | null = null;
	if (end < rows.length) {
		const at = new URL(url);
		at.searchParams.set('offset', String(end));
		at.searchParams.set('limit', String(limit));
		next = at.pathname + at.search;
	}
	return { rows: rows.slice(offset, end), next };
}
