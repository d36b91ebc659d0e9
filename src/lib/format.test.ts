import { describe, expect, it } from 'vitest';
import {
	formatChangePct,
	formatDate,
	formatGbp,
	formatNumber,
	formatPounds,
	roundTo
} from './format';

describe('format', () => {
	it('writes money as UK readers expect', () => {
		expect(formatGbp(41_400_000)).toBe('£41.4m');
		expect(formatGbp(2_000_000_000)).toBe('£2bn');
		expect(formatGbp(373_000)).toBe('£373,000');
		expect(formatGbp(null)).toBe('—');
	});

	it('writes a bid or award in whole pounds, never shortened', () => {
		expect(formatPounds(1_850_000)).toBe('£1,850,000');
		expect(formatPounds(41_400_000)).toBe('£41,400,000');
		expect(formatPounds(12_499.6)).toBe('£12,500');
		expect(formatPounds(null)).toBe('—');
	});

	it('writes dates in words, month-only dates without a day', () => {
		expect(formatDate('2022-11-18')).toBe('18 November 2022');
		expect(formatDate('2019-05-01', 'month')).toBe('May 2019');
		expect(formatDate(null)).toBe('—');
	});

	it('writes changes with a real minus sign', () => {
		expect(formatChangePct(-47.2)).toBe('\u221247%');
		expect(formatChangePct(3)).toBe('+3%');
		expect(formatChangePct(-0.2)).toBe('0%');
		expect(formatChangePct(null)).toBe('—');
	});

	it('rounds a figure as formatNumber prints it, kept a number (half away from zero)', () => {
		for (const [n, digits] of [
			[302.7872323512621, 0],
			[1.0241510666721114, 1],
			[-41.5, 0],
			[2.675, 2],
			[0.125, 2]
		] as const) {
			expect(roundTo(n, digits)).toBe(Number(formatNumber(n, digits).replace(/,/g, '')));
		}
		expect(roundTo(302.78)).toBe(303);
		expect(roundTo(null)).toBeNull();
		expect(roundTo(Number.NaN)).toBeNull();
	});
});
