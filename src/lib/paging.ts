/**
 * Long tables a page at a time: the page in the address (`page=3`, or `page=all` for every row),
 * read with zod, and the slice it shows. A national table of every council sent whole is 500 KB of
 * HTML and the same again as the page's data; a page of 50 rows is a tenth of it, and the whole
 * table stays one link away (and whole in the CSV). Browser-safe; unit-tested.
 */

/** Rows on a page unless the address asks for all. */
export const PAGE_ROWS = 50;

export type PageChoice = number | 'all';

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
