import { describe, expect, it } from 'vitest';
import { populationShares, SHARE_METHOD, type ShareMember } from './funding-shares';

function members(...list: [string, number | null, string[]?][]): Map<string, ShareMember> {
	return new Map(
		list.map(([code, population, withinCodes = []]) => [code, { code, population, withinCodes }])
	);
}

const shares = (r: ReturnType<typeof populationShares>) =>
	Object.fromEntries(r.map((m) => [m.code, m.share]));

describe('populationShares', () => {
	it('splits an award by population across the lead and its partners (hand-worked)', () => {
		// 100,000 + 50,000 + 50,000 = 200,000 people: lead 100/200 = .5, partners 50/200 = .25 each.
		// Of £41.4m: lead £20.7m, partners £10.35m each.
		const r = populationShares(
			'LED',
			['PA', 'PB'],
			members(['LED', 100_000], ['PA', 50_000], ['PB', 50_000])
		);
		expect(shares(r)).toEqual({ LED: 0.5, PA: 0.25, PB: 0.25 });
		expect(r.every((m) => m.leftOut === null)).toBe(true);
		expect(41.4e6 * r[1]!.share).toBe(10_350_000);
	});

	it('leaves out a county whose districts are members, so no resident counts twice', () => {
		// Cambridge-style: district lead D1 (100,000) with its county CTY (300,000, which contains
		// D1 and D2) and district D2 (200,000). Weighed: 100,000 + 200,000 = 300,000 →
		// D1 1/3, D2 2/3, county 0.
		const r = populationShares(
			'D1',
			['CTY', 'D2'],
			members(['D1', 100_000, ['CTY']], ['CTY', 300_000], ['D2', 200_000, ['CTY']])
		);
		expect(r[0]!.share).toBeCloseTo(1 / 3, 12);
		expect(r[2]!.share).toBeCloseTo(2 / 3, 12);
		expect(r[1]).toEqual({ code: 'CTY', share: 0, leftOut: 'contains-members' });
	});

	it('passes a combined authority’s award to its member councils', () => {
		// Lead CA has no population of its own; members A (60,000) and B (40,000) sit inside it.
		// CA is left out (it contains members): A 60/100 = .6, B 40/100 = .4.
		const r = populationShares(
			'CA',
			['A', 'B'],
			members(['CA', null], ['A', 60_000, ['CA']], ['B', 40_000, ['CA']])
		);
		expect(shares(r)).toEqual({ CA: 0, A: 0.6, B: 0.4 });
	});

	it('leaves out a member whose population is unknown, and keeps the award whole with nobody to weigh', () => {
		const unknownPartner = populationShares('LED', ['ZZZ'], members(['LED', 100_000]));
		expect(unknownPartner).toEqual([
			{ code: 'LED', share: 1, leftOut: null },
			{ code: 'ZZZ', share: 0, leftOut: 'no-population' }
		]);
		const nobody = populationShares('LED', ['ZZZ'], members(['LED', null]));
		expect(shares(nobody)).toEqual({ LED: 1, ZZZ: 0 });
	});

	it('counts a lead listed again among its partners once, and gives a lone council everything', () => {
		const r = populationShares('LED', ['LED', 'PA'], members(['LED', 30_000], ['PA', 10_000]));
		// 30,000 / 40,000 = .75; 10,000 / 40,000 = .25.
		expect(shares(r)).toEqual({ LED: 0.75, PA: 0.25 });
		expect(populationShares('LED', [], members(['LED', 30_000]))).toEqual([
			{ code: 'LED', share: 1, leftOut: null }
		]);
	});

	it('has one sentence for the method, saying it is an estimate', () => {
		expect(SHARE_METHOD).toMatch(/^Estimated share: [^.]+\.$/);
	});
});
