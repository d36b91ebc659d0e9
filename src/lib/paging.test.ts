import { describe, expect, it } from 'vitest';
import { pageOf } from './paging';
import { readPage } from './page-param';

const rows = Array.from({ length: 120 }, (_, i) => i + 1);

describe('paging', () => {
	it('shows 50 rows a page, the last page the rest', () => {
		expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50, total: 120 });
		const last = pageOf(rows, 3);
		expect(last).toMatchObject({ page: 3, first: 101, last: 120 });
		expect(last.rows).toEqual(rows.slice(100));
	});

	it('shows the last page for a page past the end, and every row for "all"', () => {
		expect(pageOf(rows, 9)).toMatchObject({ page: 3, first: 101 });
		expect(pageOf(rows, 'all')).toMatchObject({ page: 'all', first: 1, last: 120 });
		expect(pageOf(rows, 'all').rows).toHaveLength(120);
	});

	it('has one page, first and last 0, when there are no rows', () => {
		expect(pageOf([], 2)).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
	});

	it('reads the page from the address, refusing what is not one', () => {
		expect(readPage(new URLSearchParams(''))).toEqual({ success: true, data: 1 });
		expect(readPage(new URLSearchParams('page=4'))).toEqual({ success: true, data: 4 });
		expect(readPage(new URLSearchParams('page=all'))).toEqual({ success: true, data: 'all' });
		for (const bad of ['0', '-1', '2.5', 'x', '99999999'])
			expect(readPage(new URLSearchParams(`page=${bad}`))).toEqual({
				success: false,
				message: 'page: expected a page number from 1, or "all"'
			});
	});
});
