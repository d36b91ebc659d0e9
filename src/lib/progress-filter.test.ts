import { describe, expect, it } from 'vitest';
import { filterParams, filterRows, progressFilter } from './progress-filter';

const rows = [
	{ code: 'TRF', nation: 'England', type: 'MD', status: 'red' as const },
	{ code: 'WFT', nation: 'England', type: 'LBO', status: 'green' as const },
	{ code: 'ABD', nation: 'Scotland', type: 'SCO', status: 'red' as const },
	{ code: 'BNE', nation: 'England', type: 'LBO', status: 'no_target' as const }
];

describe('progressFilter', () => {
	it('reads nation, type and status, leaving empty ones out', () => {
		const q = progressFilter(new URLSearchParams('nation=Scotland&type=&status=red&x=1'));
		expect(q).toEqual({ success: true, data: { nation: 'Scotland', status: 'red' } });
	});

	it('names the parameter and what was expected', () => {
		const q = progressFilter(new URLSearchParams('status=purple&type=<b>'));
		expect(q.success).toBe(false);
		if (q.success) return;
		expect(q.message).toContain('status: expected one of green, amber, red, none, no_target');
		expect(q.message).toContain('type: expected an authority type code');
	});
});

describe('filterRows', () => {
	it('keeps the rows matching every filter given', () => {
		expect(filterRows(rows, {}).map((r) => r.code)).toEqual(['TRF', 'WFT', 'ABD', 'BNE']);
		expect(filterRows(rows, { status: 'red' }).map((r) => r.code)).toEqual(['TRF', 'ABD']);
		expect(filterRows(rows, { nation: 'England', type: 'LBO' }).map((r) => r.code)).toEqual([
			'WFT',
			'BNE'
		]);
		expect(filterRows(rows, { nation: 'Wales' })).toEqual([]);
	});

	it('writes the filter back as parameters', () => {
		expect(filterParams({ nation: 'England', status: 'none' })).toEqual([
			['nation', 'England'],
			['status', 'none']
		]);
	});
});
