/**
 * The year-on-year words: how a left-out count reads (always saying none on old figures, with a
 * gap or in another unit), a council's change, and ranks as ordinals.
 */
import { describe, expect, it } from 'vitest';
import { emptyCounts } from './server/metrics/year-on-year';
import { changeText, changeWords, leftOutSentence, ordinal } from './year-on-year-text';

const YEARS = { fromYear: 2022, toYear: 2023, unit: 'kt CO2e' };

describe('leftOutSentence', () => {
	it('says none for the reasons a reader would ask about, even when nothing is left out', () => {
		expect(leftOutSentence(emptyCounts(), YEARS)).toBe(
			'Left out: none on old figures, none with no figure for 2022 and none with figures in another unit than kt CO2e.'
		);
	});

	it('counts every reason that applies, councils without figures last', () => {
		const counts = { ...emptyCounts(), old: 2, other_unit: 1, no_figures: 391, not_above_zero: 1 };
		expect(leftOutSentence(counts, YEARS)).toBe(
			'Left out: 2 on old figures, none with no figure for 2022, 1 with figures in another unit than kt CO2e, 1 with a 2022 figure of zero or below and 391 with no figures in this measure.'
		);
	});
});

describe('change words', () => {
	it('says a fall and a rise with the unit, and the % to one decimal', () => {
		// Trafford: 1442.22 → 1393.07 kt CO2e, −49.15 kt, −3.408%.
		expect(changeWords({ changePct: -3.408, changeKt: -49.15 }, 'kt CO2e')).toBe(
			'fell 3.4% (\u221249 kt CO2e)'
		);
		expect(changeWords({ changePct: 5, changeKt: 2.5 }, 'kt CO2')).toBe('rose 5.0% (+2.5 kt CO2)');
		expect(changeWords({ changePct: 0, changeKt: 0 }, 'kt CO2')).toBe('did not change');
		expect(changeText(-28.04)).toBe('\u221228.0%');
	});

	it('writes ranks as ordinals', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'22nd',
			'101st',
			'111th'
		]);
	});
});
