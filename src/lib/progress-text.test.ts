import { describe, expect, it } from 'vitest';
import { desnzSeries } from '../../tests/helpers/progress-series';
import { targetProgress } from './server/metrics/target-progress';
import {
	achievedText,
	changeSentence,
	neededText,
	pathText,
	projectionText,
	statusSentence,
	trendText,
	type AvailableProgress
} from './progress-text';

function progress(series: { year: number; valueKt: number }[], targetYear: number | null = 2038) {
	const p = targetProgress({
		target: { scope: 'whole_area', targetYear },
		measure: 'territorial',
		series
	});
	if (!p.available) throw new Error(p.reason);
	return p as AvailableProgress;
}

describe('progress in words', () => {
	const trafford = progress(desnzSeries('E08000009', 'territorial'));

	it("says Trafford's whole-area target is off track, with the projected year and the gap", () => {
		expect(statusSentence(trafford)).toBe(
			'Off track: on the current trend net zero is reached in 2051, 13 years after the target of 2038.'
		);
		expect(projectionText(trafford)).toBe('2051');
		expect(neededText(trafford)).toBe('15.0% a year (209 kt in the first year)');
		expect(achievedText(trafford)).toBe('4.1% a year (64 kt a year), 2019–2023');
		expect(pathText(trafford)).toBe(
			'286 kt above the path in 2023 (path 1,107 kt; 11.7% of the baseline)'
		);
		expect(trendText(trafford)).toBe(
			'Falling, −50 kt a year over 2019–2023; includes Covid years 2020 and 2021'
		);
		expect(changeSentence(trafford)).toBe('−43% (−1,043 kt) from 2005 to 2023');
	});

	it('says a council whose emissions rise is not on the current trend, and red', () => {
		const rising = progress(
			[2005, 2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, valueKt: 100 + 10 * i }))
		);
		expect(statusSentence(rising)).toBe(
			'Off track: emissions are not on a falling trend, so net zero by 2038 is not reached on the current trend.'
		);
		expect(projectionText(rising)).toBe('Not on the current trend');
		expect(achievedText(rising)).toMatch(/^rise of .*a year more\), 2019–2023$/);
	});

	it('says when a status cannot be given, and why', () => {
		const noYear = progress(desnzSeries('E08000009', 'territorial'), null);
		expect(statusSentence(noYear)).toBe('No status: the target names no year.');
		const early = progress(
			[2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, valueKt: 100 - 20 * i }))
		);
		expect(statusSentence(early)).toBe(
			'On track: on the current trend net zero is reached in 2024, 14 years before the target of 2038.'
		);
	});
});
