import { describe, expect, it } from 'vitest';
import { sideBySideHref, sideBySideQuery } from './side-by-side-query';

const parse = (q: string) => sideBySideQuery(new URLSearchParams(q));

describe('the side-by-side address', () => {
	it('reads codes in any case and spacing, with the defaults', () => {
		expect(parse('codes=trf, MAN ,E08000006')).toEqual({
			success: true,
			data: {
				codes: ['TRF', 'MAN', 'E08000006'],
				view: 'absolute',
				measure: 'territorial',
				money: 'net-zero'
			}
		});
		expect(parse('codes=TRF,MAN&view=indexed&measure=scope_of_influence')).toMatchObject({
			data: { view: 'indexed', measure: 'scope_of_influence' }
		});
	});
	it('names a code that is not one and refuses more than 6 with the reason', () => {
		expect(parse('codes=TRF,<b>')).toEqual({
			success: false,
			message: 'codes: "<B>" is not a council code (expected a code such as TRF or E08000009)'
		});
		const seven = parse('codes=A1,B1,C1,D1,E1,F1,G1');
		expect(seven.success).toBe(false);
		if (!seven.success) expect(seven.message).toMatch(/^codes: at most 6 councils side by side/);
		expect(parse('codes=TRF,MAN&view=pie')).toEqual({
			success: false,
			message: 'view: expected one of absolute, per_head, indexed'
		});
		expect(parse('codes=TRF,MAN&money=general')).toEqual({
			success: false,
			message: 'money: expected "net-zero" (net-zero money, the default) or "all" (all money)'
		});
	});
	it('writes the address back with readable commas and without defaults', () => {
		expect(
			sideBySideHref({ codes: ['TRF', 'MAN'], view: 'absolute', measure: 'territorial' })
		).toBe('/compare/side-by-side?codes=TRF,MAN');
		expect(sideBySideHref({ codes: ['TRF'], view: 'indexed' })).toBe(
			'/compare/side-by-side?codes=TRF&view=indexed'
		);
		// The money counted is kept: all money only when asked.
		expect(parse('codes=TRF,MAN&money=all')).toMatchObject({ data: { money: 'all' } });
		expect(sideBySideHref({ codes: ['TRF', 'MAN'], money: 'all' })).toBe(
			'/compare/side-by-side?codes=TRF,MAN&money=all'
		);
		expect(sideBySideHref({ codes: ['TRF', 'MAN'], money: 'net-zero' })).toBe(
			'/compare/side-by-side?codes=TRF,MAN'
		);
	});
});
