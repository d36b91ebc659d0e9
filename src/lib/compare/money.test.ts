import { describe, expect, it } from 'vitest';
import type { CompareRow } from './columns';
import {
	cellText,
	columnDefinition,
	leftOut,
	leftOutWords,
	noAwardWords,
	unknownForNoAward
} from './money';

const row = (over: Partial<CompareRow>): Partial<CompareRow> => ({
	code: 'AAA',
	name: 'A',
	ledAward: false,
	perHeadGbp: null,
	potsWon: null,
	emissionsPerHeadT: 5,
	...over
});

describe('a funding figure where no published award is held', () => {
	it('says why in words, never £0 or 0; a sentence names the money', () => {
		const none = row({});
		// In a cell, under a title that names the money.
		expect(cellText('perHeadGbp', none)).toBe('no published award');
		expect(cellText('potsWon', none)).toBe('no published award');
		expect(noAwardWords('net-zero')).toBe('no published net-zero award');
		expect(noAwardWords('all')).toBe('no published award');
		// A figure held prints as the table prints it; 0 pots of a council with an award is 0.
		const held = row({ ledAward: true, perHeadGbp: 293.61, potsWon: 2, competitiveShare: 0 });
		expect(cellText('perHeadGbp', held)).toBe('£294');
		expect(cellText('competitiveShare', held)).toBe('0%');
		// Missing for another reason (no population): a dash, not the award words.
		expect(cellText('perHeadGbp', row({ ledAward: true, potsWon: 1 }))).toBe('—');
		// Not a funding column: no award changes nothing.
		expect(unknownForNoAward('population', none)).toBe(false);
		expect(cellText('population', none)).toBe('—');
	});
});

describe("a column's definition", () => {
	it('says which money a funding column counts, and nothing more of the others', () => {
		expect(columnDefinition('potsWon', 'net-zero')).toMatch(
			/where it led no published award\. Counts net-zero money\.$/
		);
		expect(columnDefinition('perHeadGbp', 'all')).toMatch(
			/ Counts all money, net-zero and general\.$/
		);
		expect(columnDefinition('population', 'all')).toBe('Residents, latest mid-year estimate held.');
	});
});

describe('councils a chart leaves out', () => {
	const rows = [
		row({ code: 'A' }),
		row({ code: 'B' }),
		row({ code: 'C', ledAward: true, perHeadGbp: 10, potsWon: 1 }),
		row({ code: 'D', ledAward: true, perHeadGbp: 12, potsWon: 2, emissionsPerHeadT: null }),
		row({ code: 'E', ledAward: true, potsWon: 1 })
	];

	it('counts them by why: no award first, then the first figure missing', () => {
		expect(leftOut(rows, ['perHeadGbp', 'emissionsPerHeadT'])).toEqual({
			noAward: 2,
			noFigure: [
				{ key: 'emissionsPerHeadT', count: 1 },
				{ key: 'perHeadGbp', count: 1 }
			]
		});
		// A council with no award and no emissions figure is counted once, for the award.
		expect(
			leftOut([row({ emissionsPerHeadT: null })], ['perHeadGbp', 'emissionsPerHeadT'])
		).toEqual({ noAward: 1, noFigure: [] });
		expect(leftOut(rows, ['emissionsPerHeadT'])).toEqual({
			noAward: 0,
			noFigure: [{ key: 'emissionsPerHeadT', count: 1 }]
		});
	});

	it('says so in a sentence, or nothing when every council is in', () => {
		const l = leftOut(rows, ['perHeadGbp', 'emissionsPerHeadT']);
		expect(leftOutWords(l, 'net-zero', 'not plotted')).toBe(
			'2 councils with no published net-zero award, 1 with no figure for emissions per head and 1 with no figure for £ won per head are not plotted.'
		);
		expect(leftOutWords({ noAward: 1, noFigure: [] }, 'all', 'not plotted')).toBe(
			'1 council with no published award is not plotted.'
		);
		expect(leftOutWords({ noAward: 362, noFigure: [] }, 'net-zero', 'grey')).toBe(
			'362 councils with no published net-zero award are grey.'
		);
		expect(leftOutWords({ noAward: 0, noFigure: [] }, 'net-zero', 'not plotted')).toBeNull();
	});
});
