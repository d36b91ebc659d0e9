/** The API's list windows: what `limit` and `offset` may be, and the next window's address. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, readListWindow, windowOf } from './list-window';

const read = (query: string) => readListWindow(new URLSearchParams(query));

describe('readListWindow', () => {
	it('defaults to the first 500 rows, and says whether a window was asked for', () => {
		expect(read('')).toEqual({
			ok: true,
			window: { limit: DEFAULT_LIMIT, offset: 0 },
			asked: false
		});
		expect(read('offset=10')).toEqual({
			ok: true,
			window: { limit: 500, offset: 10 },
			asked: true
		});
		expect(read('limit= 5 ')).toMatchObject({ window: { limit: 5, offset: 0 } });
	});

	it('names each parameter it cannot read', () => {
		expect(read('limit=2.5&offset=x')).toEqual({
			ok: false,
			issues: [
				'limit: "2.5" is not a whole number from 1 to 5000',
				'offset: "x" is not a whole number'
			]
		});
	});
});

describe('windowOf', () => {
	const url = new URL('http://local/api/list?q=heat');
	const rows = [1, 2, 3, 4, 5];

	it('slices the window and points at the next one while rows remain', () => {
		expect(windowOf(rows, { limit: 2, offset: 0 }, url)).toEqual({
			rows: [1, 2],
			next: '/api/list?q=heat&offset=2&limit=2'
		});
		expect(windowOf(rows, { limit: 2, offset: 4 }, url)).toEqual({ rows: [5], next: null });
		expect(windowOf(rows, { limit: 5, offset: 0 }, url).next).toBeNull();
	});
});
