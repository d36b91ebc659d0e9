import { describe, expect, it } from 'vitest';
import { partnershipHref, partnershipQuery } from './partnerships-query';

const parse = (q: string) => partnershipQuery(new URLSearchParams(q));

describe('the partnership map address', () => {
	it('reads the filters, empty fields meaning none', () => {
		expect(parse('scheme=Home+Upgrade+Grant&year=2023&council=&sort=count')).toEqual({
			success: true,
			data: { scheme: 'Home Upgrade Grant', year: 2023, sort: 'count', money: 'net-zero' }
		});
		expect(parse('year=')).toEqual({ success: true, data: { sort: 'gbp', money: 'net-zero' } });
	});
	it('names what is wrong', () => {
		expect(parse('year=soon')).toEqual({
			success: false,
			message: 'year: expected a year such as 2023'
		});
		expect(parse('sort=size')).toEqual({
			success: false,
			message: 'sort: expected one of gbp, count, name'
		});
	});
	it('writes the address back without defaults', () => {
		expect(partnershipHref({ scheme: 'HUG', year: null, council: 'LDS', sort: 'gbp' })).toBe(
			'/compare/partnerships?scheme=HUG&council=LDS'
		);
		expect(partnershipHref({})).toBe('/compare/partnerships');
	});
});
