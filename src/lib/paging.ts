/**
 * Long tables a page at a time: the page in the address (`page=3`, or `page=all` for every row),
 * read with zod, and the slice it shows. A national table of every council sent whole is 500 KB of
 * HTML and the same again as the page's data; a page of 50 rows is a tenth of it, and the whole
 * table stays one link away (and whole in the CSV). Browser-safe; unit-tested.
 */
import { z } from 'zod';

/** Rows on a page unless the address asks for all. */
export const PAGE_ROWS = 50;

export type PageChoice = number | 'all';

/** `page`: a page number from 1, or "all"; absent is the first page. */
export const pageParam = z
	.string()
	.optional()
	.transform((v, ctx): PageChoice => {
		if (!v) return 1;
		if (v === 'all') return 'all';
		const n = Number(v);
		if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
			ctx.addIssue({ code: 'custom', message: 'page: expected a page number from 1, or "all"' });
			return z.NEVER;
		}
		return n;
	});

export function readPage(params: URLSearchParams) {
	const parsed = pageParam.safeParse(params.get('page') ?? undefined);
	if (parsed.success) return { success: true as const, data: parsed.data };
	return { success: false as const, message: parsed.error.issues.map((i) => i.message).join('; ') };
}

export interface Paged<T> {
	rows: T[];
	/** The page shown (a page past the end shows the last), or "all". */
	page: PageChoice;
	pages: number;
	/** 1-based positions of the first and last rows shown; 0 and 0 when there are none. */
	first: number;
	last: number;
	total: number;
}

/** The rows of one page (or all of them). */
export function pageOf<T>(rows: readonly T[], choice: PageChoice, size = PAGE_ROWS): Paged<T> {
	const total = rows.length;
	const pages = Math.max(1, Math.ceil(total / size));
	if (choice === 'all' || pages === 1) {
		return {
			rows: [...rows],
			page: choice === 'all' ? 'all' : 1,
			pages,
			first: total ? 1 : 0,
			last: total,
			total
		};
	}
	const page = Math.min(choice, pages);
	const start = (page - 1) * size;
	const shown = rows.slice(start, start + size);
	return { rows: shown, page, pages, first: start + 1, last: start + shown.length, total };
}

/** The page choice as an address parameter value, or null for the first page (the default). */
export const pageValue = (choice: PageChoice): string | null =>
	choice === 1 ? null : String(choice);
