import { describe, expect, it } from 'vitest';
import { bidOutcomes, type BidFact } from './funding-bids';

function bid(b: Partial<BidFact> & Pick<BidFact, 'competitionId' | 'status'>): BidFact {
	return {
		requestedGbp: null,
		awardedGbp: null,
		officerDays: null,
		bidCostGbp: null,
		year: 2024,
		isSample: false,
		...b
	};
}

const pipeline = [
	bid({
		competitionId: 1,
		status: 'won',
		requestedGbp: 100_000,
		awardedGbp: 80_000,
		officerDays: 10
	}),
	bid({
		competitionId: 2,
		status: 'lost',
		requestedGbp: 50_000,
		officerDays: 20,
		bidCostGbp: 6_000
	}),
	bid({ competitionId: 3, status: 'won', requestedGbp: 20_000 }),
	bid({ competitionId: 1, status: 'submitted', requestedGbp: 70_000, officerDays: 5 }),
	bid({ competitionId: 4, status: 'idea' }),
	bid({ competitionId: 5, status: 'withdrawn', officerDays: 2.5 })
];

describe('bidOutcomes', () => {
	it('computes success and cost of bidding (hand-worked, £400 a day)', () => {
		// Decided: won £100k asked/£80k got, lost £50k, won £20k asked (no award recorded).
		// Requested in decided bids: 100k + 50k + 20k = 170k; won: 80k + 20k = 100k → 100/170.
		// Cost: 10 days × £400 = 4,000; stated £6,000 (its 20 days ignored); 0 (not costed);
		// 5 × 400 = 2,000; 0 (idea); 2.5 × 400 = 1,000 → £13,000 over 4 costed bids; 13k / 100k = 0.13.
		const o = bidOutcomes(pipeline, 400);
		expect(o.bids).toBe(6);
		expect(o.potsBidFor).toBe(5);
		expect(o.byStatus).toEqual({
			idea: 1,
			drafting: 0,
			submitted: 1,
			won: 2,
			lost: 1,
			withdrawn: 1
		});
		expect(o.decided).toBe(3);
		expect(o.successRateCount).toBeCloseTo(2 / 3, 12);
		expect(o.requestedDecidedGbp).toBe(170_000);
		expect(o.wonGbp).toBe(100_000);
		expect(o.successRateGbp).toBeCloseTo(100 / 170, 12);
		expect(o.costGbp).toBe(13_000);
		expect(o.costedBids).toBe(4);
		expect(o.costPerGbpWon).toBeCloseTo(0.13, 12);
	});

	it('gives zeros and nulls, not NaN, for no bids', () => {
		expect(bidOutcomes([], 400)).toEqual({
			bids: 0,
			potsBidFor: 0,
			byStatus: { idea: 0, drafting: 0, submitted: 0, won: 0, lost: 0, withdrawn: 0 },
			decided: 0,
			successRateCount: null,
			requestedDecidedGbp: 0,
			wonGbp: 0,
			successRateGbp: null,
			costGbp: 0,
			costedBids: 0,
			costPerGbpWon: null
		});
	});

	it('still counts the cost of losing bids when nothing was won', () => {
		// Two losses: 3 days × £500 = 1,500 and £2,000 stated → £3,500; nothing won → no ratio.
		const o = bidOutcomes(
			[
				bid({ competitionId: 1, status: 'lost', officerDays: 3 }),
				bid({ competitionId: 2, status: 'lost', bidCostGbp: 2_000 })
			],
			500
		);
		expect(o.successRateCount).toBe(0);
		expect(o.requestedDecidedGbp).toBe(0);
		expect(o.successRateGbp).toBeNull();
		expect(o.costGbp).toBe(3_500);
		expect(o.costPerGbpWon).toBeNull();
	});

	it('leaves cost per £ won unknown when no bid was costed, rather than £0', () => {
		const o = bidOutcomes([bid({ competitionId: 1, status: 'won', awardedGbp: 10_000 })], 400);
		expect(o.costGbp).toBe(0);
		expect(o.costedBids).toBe(0);
		expect(o.costPerGbpWon).toBeNull();
	});

	it('treats a stated cost of £0 as costed', () => {
		const o = bidOutcomes(
			[bid({ competitionId: 1, status: 'won', awardedGbp: 10_000, bidCostGbp: 0 })],
			400
		);
		expect(o.costedBids).toBe(1);
		expect(o.costPerGbpWon).toBe(0);
	});
});
