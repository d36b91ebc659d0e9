import { describe, expect, it } from 'vitest';
import { fragmentation } from './funding';
import {
	fundingMapCells,
	rankByFragmentation,
	rankingRule,
	type CouncilFigures
} from './funding-map';

function council(code: string, gssCode: string | null, over: Partial<CouncilFigures> = {}) {
	return {
		...fragmentation([], 100_000),
		code,
		name: `Council ${code}`,
		gssCode,
		typeName: 'Unitary authority',
		...over
	};
}

const hexes = [
	{ gssCode: 'E06000001', name: 'Hartlepool', q: 1, r: 2 },
	{ gssCode: 'E06000002', name: 'Middlesbrough', q: 2, r: 2 },
	{ gssCode: 'E06000003', name: 'Redcar and Cleveland', q: 3, r: 2 },
	{ gssCode: 'E99999999', name: 'Nowhere', q: 4, r: 2 }
];
const councils = [
	// Led two awards: £12 a head.
	council('HPL', 'E06000001', { awards: 2, perHeadGbp: 12, estimatedPerHeadGbp: 9 }),
	// Led nothing but is a consortium partner: an estimated share only.
	council('MDB', 'E06000002', { partnerAwards: 1, estimatedPerHeadGbp: 3 }),
	// Nothing published: no figure, not £0.
	council('RCC', 'E06000003')
];

describe('fundingMapCells', () => {
	it('gives each hex its council code and the chosen figure, null where nothing is published', () => {
		expect(fundingMapCells(hexes, councils, 'perHeadGbp')).toEqual([
			{ ...hexes[0], code: 'HPL', value: 12 },
			{ ...hexes[1], code: 'MDB', value: null },
			{ ...hexes[2], code: 'RCC', value: null },
			{ ...hexes[3], code: null, value: null }
		]);
	});

	it('counts a consortium partner for the estimated share only', () => {
		const cells = fundingMapCells(hexes, councils, 'estimatedPerHeadGbp');
		expect(cells.map((c) => c.value)).toEqual([9, 3, null, null]);
	});
});

describe('rankByFragmentation', () => {
	it('keeps councils with two or more awards, most effective pots first, and only the shown fields', () => {
		const ranked = rankByFragmentation([
			council('AAA', null, { awards: 2, effectivePots: 1.5, potsWon: 2, totalGbp: 5e6 }),
			council('BBB', null, { awards: 1, effectivePots: 1, potsWon: 1 }),
			council('CCC', null, { awards: 3, effectivePots: 2.8, potsWon: 3, medianAwardGbp: 1e6 })
		]);
		expect(ranked.map((r) => r.code)).toEqual(['CCC', 'AAA']);
		expect(Object.keys(ranked[0]!).sort()).toEqual(
			[
				'code',
				'effectivePots',
				'funders',
				'medianAwardGbp',
				'name',
				'potsWon',
				'totalGbp',
				'typeName'
			].sort()
		);
	});
});

describe('rankingRule', () => {
	it('says what is counted: lead awards, two or more, in the chosen year', () => {
		expect(rankingRule(11, null)).toBe(
			'Listed: all 11 councils paid 2 or more published awards as lead. An award shared as a consortium partner is not counted (it counts once, to its lead), and two awards from the same pot count as two awards but one pot won.'
		);
		expect(rankingRule(1, 2023)).toMatch(
			/^Listed: the 1 council paid 2 or more published awards dated 2023 as lead\. /
		);
	});
});
