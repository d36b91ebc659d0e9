import { describe, expect, it } from 'vitest';
import { bidOutcomes, type BidFact } from './funding-bids';

function bid(b: Partial<BidFact> & Pick<BidFact, 'pot' | 'status'>): BidFact {
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
		pot: 'pot 1',
		status: 'won',
		requestedGbp: 100_000,
		awardedGbp: 80_000,
		officerDays: 10
	}),
	bid({
		pot: 'pot 2',
		status: 'lost',
		requestedGbp: 50_000,
		officerDays: 20,
		bidCostGbp: 6_000
	}),
	bid({ pot: 'pot 3', status: 'won', requestedGbp: 20_000 }),
	bid({ pot: 'pot 1', status: 'submitted', requestedGbp: 70_000, officerDays: 5 }),
	bid({ pot: 'pot 4', status: 'idea' }),
	bid({ pot: 'pot 5', status: 'withdrawn', officerDays: 2.5 })
];

describe('bidOutcomes', () => {
	it('computes success and cost of bidding (hand-worked, £400 a day)', () => {
		// Decided: won £100k asked/£80k got, lost £50k, won £20k asked (no award recorded: left
		// out of the £ figures, counted apart). Requested: 100k + 50k = 150k; won: 80k → 80/150.
		// Officer days: 10 + 20 + 0 + 5 + 0 + 2.5 = 37.5; × £400 = £15,000.
		// Other costs: £6,000 (the lost bid). Cost: 15,000 + 6,000 = £21,000 over 4 costed bids
		// (the £20k win and the idea have neither); per £ won: 21k / 80k = 0.2625.
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
		expect(o.requestedDecidedGbp).toBe(150_000);
		expect(o.wonGbp).toBe(80_000);
		expect(o.wonWithoutAmount).toBe(1);
		expect(o.successRateGbp).toBeCloseTo(80 / 150, 12);
		expect(o.officerDays).toBe(37.5);
		expect(o.otherCostGbp).toBe(6_000);
		expect(o.costGbp).toBe(21_000);
		expect(o.costedBids).toBe(4);
		expect(o.costPerGbpWon).toBeCloseTo(0.2625, 12);
	});

	it('adds officer days at the day rate to other costs, never one instead of the other', () => {
		// The reported case at the default £350 a day: one bid with 62 days and £19,000 of
		// consultants, one with 6 days. Days: 62 + 6 = 68; 68 × 350 = 23,800; + 19,000 = £42,800
		// (not £21,100, which counted the £19,000 instead of the first bid's 62 days).
		const o = bidOutcomes(
			[
				bid({ pot: 'pot 1', status: 'lost', officerDays: 62, bidCostGbp: 19_000 }),
				bid({ pot: 'pot 2', status: 'won', awardedGbp: 428_000, officerDays: 6 })
			],
			350
		);
		expect(o.costGbp).toBe(42_800);
		expect(o.officerDays).toBe(68);
		expect(o.otherCostGbp).toBe(19_000);
		// 42,800 / 428,000 = 0.1: ten pence of bidding per pound won.
		expect(o.costPerGbpWon).toBeCloseTo(0.1, 12);
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
			wonWithoutAmount: 0,
			successRateGbp: null,
			officerDays: 0,
			otherCostGbp: 0,
			costGbp: 0,
			costedBids: 0,
			costPerGbpWon: null
		});
	});

	it('still counts the cost of losing bids when nothing was won', () => {
		// Two losses: 3 days × £500 = 1,500 and £2,000 stated → £3,500; nothing won → no ratio.
		const o = bidOutcomes(
			[
				bid({ pot: 'pot 1', status: 'lost', officerDays: 3 }),
				bid({ pot: 'pot 2', status: 'lost', bidCostGbp: 2_000 })
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
		const o = bidOutcomes([bid({ pot: 'pot 1', status: 'won', awardedGbp: 10_000 })], 400);
		expect(o.costGbp).toBe(0);
		expect(o.costedBids).toBe(0);
		expect(o.costPerGbpWon).toBeNull();
	});

	it('treats a stated cost of £0 as costed', () => {
		const o = bidOutcomes(
			[bid({ pot: 'pot 1', status: 'won', awardedGbp: 10_000, bidCostGbp: 0 })],
			400
		);
		expect(o.costedBids).toBe(1);
		expect(o.costPerGbpWon).toBe(0);
	});
});
