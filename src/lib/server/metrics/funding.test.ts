import { describe, expect, it } from 'vitest';
import {
	bidOutcomes,
	fragmentation,
	fragmentationBand,
	METRIC_EXPLANATIONS,
	windowSummary,
	type AwardFact
} from './funding';

function award(a: Partial<AwardFact> & Pick<AwardFact, 'competitionId' | 'amountGbp'>): AwardFact {
	return {
		scheme: `Scheme ${a.competitionId}`,
		purpose: 'net_zero_specific',
		round: 'Round 1',
		funder: 'DESNZ',
		kind: 'competitive',
		year: 2023,
		isConsortium: false,
		role: 'lead',
		isSample: false,
		// Unless a test says otherwise, an award counts in full to the council it is listed under.
		estimatedShareGbp: a.role === 'partner' ? 0 : a.amountGbp,
		...a
	};
}

// Pot 1 (DfT, competitive) £4m + £2m = £6m; pot 2 (DESNZ, formula, consortium) £3m;
// pot 3 (no funder recorded, expression of interest) £0.4m + £0.6m = £1m; plus one partner share.
const awards = [
	award({ competitionId: 1, amountGbp: 4e6, funder: 'DfT' }),
	award({ competitionId: 1, amountGbp: 2e6, funder: 'DfT' }),
	// This council's estimated share of the £3m consortium award it leads: £1.2m.
	award({
		competitionId: 2,
		amountGbp: 3e6,
		kind: 'formula',
		isConsortium: true,
		estimatedShareGbp: 1.2e6
	}),
	award({ competitionId: 3, amountGbp: 4e5, funder: null, kind: 'expression_of_interest' }),
	award({ competitionId: 3, amountGbp: 6e5, funder: null, kind: 'expression_of_interest' }),
	// A partner in another council's £41.4m award, with an estimated share of £4.14m.
	award({
		competitionId: 9,
		amountGbp: 41.4e6,
		isConsortium: true,
		role: 'partner',
		estimatedShareGbp: 4.14e6
	})
];

describe('fragmentation', () => {
	it('summarises lead awards (hand-worked)', () => {
		// Lead total 4 + 2 + 3 + 0.4 + 0.6 = £10m over 3 pots; funders DfT, DESNZ = 2.
		// Median of 0.4, 0.6, 2, 3, 4 = £2m. £10m / 50,000 people = £200 a head.
		// Competitive: pot 1 only (EOI is not competitive) = 6/10 = .6.
		// HHI by pot: .6² + .3² + .1² = .36 + .09 + .01 = .46; effective pots 1/.46 ≈ 2.174.
		// Under £1m: 0.4m and 0.6m → 2 of 5 = .4. Consortium: 3/10 = .3. Partner awards: 1.
		const s = fragmentation(awards, 50_000);
		expect(s.awards).toBe(5);
		expect(s.potsWon).toBe(3);
		expect(s.funders).toBe(2);
		expect(s.totalGbp).toBe(10e6);
		expect(s.medianAwardGbp).toBe(2e6);
		expect(s.perHeadGbp).toBe(200);
		expect(s.competitiveShare).toBeCloseTo(0.6, 12);
		expect(s.hhi).toBeCloseTo(0.46, 12);
		expect(s.effectivePots).toBeCloseTo(2.17, 2);
		expect(s.shareUnder1m).toBeCloseTo(0.4, 12);
		expect(s.consortiumShare).toBeCloseTo(0.3, 12);
		expect(s.partnerAwards).toBe(1);
		expect(fragmentationBand(s.effectivePots)).toBe('moderate');
	});

	it('adds estimated shares of led and partner awards apart from the published total (hand-worked)', () => {
		// Shares: 4 + 2 + 1.2 (of the £3m it leads) + 0.4 + 0.6 + 4.14 (as partner) = £12.34m.
		// Per head: 12,340,000 / 50,000 = £246.80, beside £200 counting led awards in full.
		const s = fragmentation(awards, 50_000);
		expect(s.estimatedGbp).toBeCloseTo(12.34e6, 4);
		expect(s.estimatedPerHeadGbp).toBeCloseTo(246.8, 8);
		expect(s.perHeadGbp).toBe(200);
		expect(fragmentation(awards, null).estimatedPerHeadGbp).toBeNull();
	});

	it('counts a consortium award once, against its lead (the Blackpool case)', () => {
		// One £41.4m consortium award led by Blackpool; two partner councils see the same award.
		// Estimated shares by population: lead 50,000, partners 25,000 each of 100,000 people →
		// £20.7m and £10.35m each, which sum back to £41.4m.
		const shared = { competitionId: 7, amountGbp: 41.4e6, isConsortium: true };
		const lead = fragmentation(
			[award({ ...shared, role: 'lead', estimatedShareGbp: 20.7e6 })],
			50_000
		);
		const partners = [1, 2].map(() =>
			fragmentation([award({ ...shared, role: 'partner', estimatedShareGbp: 10.35e6 })], 25_000)
		);
		expect(lead.totalGbp).toBe(41.4e6);
		expect(lead.consortiumShare).toBe(1);
		expect(lead.partnerAwards).toBe(0);
		for (const p of partners) {
			// No award led: not £0, unknown.
			expect(p.totalGbp).toBeNull();
			expect(p.perHeadGbp).toBeNull();
			expect(p.partnerAwards).toBe(1);
			expect(p.awards).toBe(0);
			expect(p.consortiumShare).toBeNull();
		}
		// Summing across the lead and its partners: 41.4m + 0 + 0 = 41.4m, counted once.
		expect(lead.totalGbp! + partners.reduce((s, p) => s + (p.totalGbp ?? 0), 0)).toBe(41.4e6);
		// As lead: 41,400,000 / 50,000 = £828 a head, partners none led; estimated: 20.7m / 50,000 =
		// £414 and 10.35m / 25,000 = £414 a head each: the same for every member's residents.
		expect(lead.perHeadGbp).toBe(828);
		expect(lead.estimatedPerHeadGbp).toBe(414);
		for (const p of partners) expect(p.estimatedPerHeadGbp).toBe(414);
		expect(lead.estimatedGbp! + partners.reduce((s, p) => s + p.estimatedGbp!, 0)).toBe(41.4e6);
	});

	it('gives unknown (null), not £0 or NaN, for a council with no published award', () => {
		expect(fragmentation([], 50_000)).toEqual({
			awards: 0,
			potsWon: 0,
			funders: 0,
			totalGbp: null,
			medianAwardGbp: null,
			perHeadGbp: null,
			competitiveShare: null,
			hhi: null,
			effectivePots: null,
			shareUnder1m: null,
			consortiumShare: null,
			partnerAwards: 0,
			estimatedGbp: null,
			estimatedPerHeadGbp: null
		});
	});

	it('handles awards that total £0 and an unknown or zero population', () => {
		const s = fragmentation([award({ competitionId: 1, amountGbp: 0 })]);
		expect(s.awards).toBe(1);
		expect(s.medianAwardGbp).toBe(0);
		expect(s.shareUnder1m).toBe(1);
		expect(s.competitiveShare).toBeNull();
		expect(s.hhi).toBeNull();
		expect(s.effectivePots).toBeNull();
		expect(s.consortiumShare).toBeNull();
		expect(s.perHeadGbp).toBeNull();
		expect(fragmentation(awards, 0).perHeadGbp).toBeNull();
		expect(fragmentation(awards, null).perHeadGbp).toBeNull();
	});

	it('counts an award of exactly £1m as not under £1m', () => {
		expect(fragmentation([award({ competitionId: 1, amountGbp: 1e6 })]).shareUnder1m).toBe(0);
	});
});

describe('fragmentationBand', () => {
	it('bands effective pots: under 2, 2 to under 5, 5 or more', () => {
		expect(fragmentationBand(1)).toBe('concentrated');
		expect(fragmentationBand(1.99)).toBe('concentrated');
		expect(fragmentationBand(2)).toBe('moderate');
		expect(fragmentationBand(4.99)).toBe('moderate');
		expect(fragmentationBand(5)).toBe('fragmented');
		expect(fragmentationBand(null)).toBeNull();
		expect(fragmentationBand(Number.NaN)).toBeNull();
	});
});

describe('METRIC_EXPLANATIONS', () => {
	it('has one plain sentence for every field of the three summaries', () => {
		const fields = [
			...Object.keys(fragmentation([])),
			...Object.keys(bidOutcomes([], 400)),
			...Object.keys(windowSummary([]))
		];
		expect(fields.length).toBe(38);
		for (const f of fields) {
			expect(METRIC_EXPLANATIONS[f], f).toMatch(/^[A-Z].+\.$/);
		}
	});
});
