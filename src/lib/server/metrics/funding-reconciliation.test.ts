/**
 * One list of a year's decided bids and published awards, each sum once: worked by hand for
 * 2023-24 (1 April 2023 to 31 March 2024).
 */
import { describe, expect, it } from 'vitest';
import {
	reconcileFunding,
	type ReconciledAward,
	type ReconciledBid
} from './funding-reconciliation';

const YEAR = { from: '2023-04-01', to: '2024-03-31' };

const bid = (reference: string, over: Partial<ReconciledBid> = {}): ReconciledBid => ({
	reference,
	status: 'won',
	decidedOn: '2023-06-01',
	requestedGbp: null,
	awardedGbp: null,
	purpose: 'net_zero_specific',
	...over
});
const award = (amountGbp: number, over: Partial<ReconciledAward> = {}): ReconciledAward => ({
	role: 'lead',
	amountGbp,
	awardDate: '2023-06-01',
	purpose: 'net_zero_specific',
	bidReference: null,
	...over
});

describe('the year’s funding, each sum once', () => {
	it('counts four won bids that are the four published awards once: £2.9m, not £5.8m', () => {
		// The committee's report of 2023/24 said "won 4 of 4 (£2.9m)" and "published awards: 4,
		// £2.9m": the same money twice. 1,000,000 + 900,000 + 600,000 + 400,000 = 2,900,000.
		const sums = [1_000_000, 900_000, 600_000, 400_000];
		const r = reconcileFunding({
			bids: sums.map((gbp, i) => bid(`B${i}`, { awardedGbp: gbp })),
			awards: sums.map((gbp, i) => award(gbp, { bidReference: `B${i}` })),
			...YEAR,
			money: 'net-zero'
		});
		expect(r.rows).toHaveLength(4);
		expect(r.rows.every((x) => x.bid !== null && x.award !== null)).toBe(true);
		expect(r.totals).toEqual({
			wonGbp: 2_900_000,
			published: { count: 4, gbp: 2_900_000 },
			council: { count: 0, gbp: 0, withoutAmount: 0 },
			otherYear: { count: 0, gbp: 0 },
			bids: { won: 4, lost: 0, wonGbp: 2_900_000, lostAskedGbp: 0 }
		});
	});

	it('splits the money won into the published lists and the council’s records only', () => {
		const r = reconcileFunding({
			bids: [
				bid('LINKED', { awardedGbp: 1_200_000, decidedOn: '2023-05-02' }),
				bid('OWN', { awardedGbp: 400_000, decidedOn: '2023-12-01' }),
				bid('LOST', { status: 'lost', requestedGbp: 2_000_000, decidedOn: '2023-06-01' }),
				bid('NO-SUM', { decidedOn: '2023-07-01' }),
				// Decided the year before, and one not decided: neither is this year's.
				bid('EARLIER', { awardedGbp: 50_000, decidedOn: '2023-03-31' }),
				bid('PENDING', { status: 'submitted', decidedOn: null, requestedGbp: 9_000_000 })
			],
			awards: [
				award(1_200_000, { bidReference: 'LINKED', awardDate: '2023-05-10' }),
				award(800_000, { awardDate: '2023-09-01' }),
				// A partner's share and an award of the next year are not this year's money.
				award(3_000_000, { role: 'partner', awardDate: '2023-09-01' }),
				award(70_000, { awardDate: '2024-04-01' })
			],
			...YEAR,
			money: 'net-zero'
		});
		// By date: LINKED (2 May), LOST (1 June), NO-SUM (1 July), the award of 1 September, OWN.
		expect(r.rows.map((x) => [x.bid?.reference ?? 'award', x.result, x.countedGbp])).toEqual([
			['LINKED', 'won', 1_200_000],
			['LOST', 'lost', null],
			['NO-SUM', 'won', null],
			['award', 'published', 800_000],
			['OWN', 'won', 400_000]
		]);
		// Published: 1,200,000 + 800,000; the council's own: 400,000; total 2,400,000.
		expect(r.totals).toEqual({
			wonGbp: 2_400_000,
			published: { count: 2, gbp: 2_000_000 },
			council: { count: 1, gbp: 400_000, withoutAmount: 1 },
			otherYear: { count: 0, gbp: 0 },
			bids: { won: 3, lost: 1, wonGbp: 1_600_000, lostAskedGbp: 2_000_000 }
		});
	});

	it('counts a bid won this year whose award is published next year in that year only', () => {
		const bids = [bid('MARCH', { awardedGbp: 300_000, decidedOn: '2024-03-20' })];
		const awards = [award(300_000, { bidReference: 'MARCH', awardDate: '2024-04-15' })];
		const thisYear = reconcileFunding({ bids, awards, ...YEAR, money: 'all' });
		expect(thisYear.rows).toMatchObject([
			{ result: 'won', countedGbp: null, countedAs: null, countedInYear: '2024-25' }
		]);
		expect(thisYear.totals.wonGbp).toBeNull();
		expect(thisYear.totals.otherYear).toEqual({ count: 1, gbp: 300_000 });
		const nextYear = reconcileFunding({
			bids,
			awards,
			from: '2024-04-01',
			to: '2025-03-31',
			money: 'all'
		});
		// Next year it is the published award, with the bid it is the money of.
		expect(nextYear.rows).toMatchObject([
			{ result: 'published', bid: null, countedGbp: 300_000, linkedBid: { reference: 'MARCH' } }
		]);
		expect(nextYear.totals.wonGbp).toBe(300_000);
	});

	it('dates a won bid whose published award has no date by the council’s decision', () => {
		const r = reconcileFunding({
			bids: [bid('PSDS', { awardedGbp: 13_800_000 })],
			awards: [award(13_800_000, { bidReference: 'PSDS', awardDate: null })],
			...YEAR,
			money: 'net-zero'
		});
		expect(r.rows).toMatchObject([{ countedGbp: 13_800_000, countedAs: 'council' }]);
		expect(r.rows[0]!.award).not.toBeNull();
		// The published lists for the year are the dated awards only.
		expect(r.totals.published).toEqual({ count: 0, gbp: 0 });
	});

	it('counts net-zero money and sets general and unclassified money beside, never mixed in', () => {
		const input = {
			bids: [
				bid('NZ', { awardedGbp: 500_000 }),
				bid('OWN-WORDS', { awardedGbp: 250_000, purpose: null }),
				bid('LUF-LOST', { status: 'lost', requestedGbp: 6_000_000, purpose: 'general' })
			],
			awards: [
				award(5_000_000, { purpose: 'general' }),
				award(100_000, { purpose: 'net_zero_partial' })
			],
			...YEAR
		};
		const nz = reconcileFunding({ ...input, money: 'net-zero' });
		// 500,000 (the council's) + 100,000 (a net-zero strand, published).
		expect(nz.totals.wonGbp).toBe(600_000);
		expect(nz.rows).toHaveLength(2);
		expect(nz.beside!.general).toMatchObject({
			wonGbp: 5_000_000,
			published: { count: 1, gbp: 5_000_000 },
			bids: { won: 0, lost: 1, lostAskedGbp: 6_000_000 }
		});
		expect(nz.beside!.unclassified).toMatchObject({ wonGbp: 250_000, council: { count: 1 } });
		const all = reconcileFunding({ ...input, money: 'all' });
		// 500,000 + 250,000 + 5,000,000 + 100,000.
		expect(all.totals.wonGbp).toBe(5_850_000);
		expect(all.rows).toHaveLength(5);
		expect(all.beside).toBeNull();
	});

	it('says nothing was listed or recorded rather than £0', () => {
		const r = reconcileFunding({ bids: [], awards: [], ...YEAR, money: 'net-zero' });
		expect(r.rows).toEqual([]);
		expect(r.totals.wonGbp).toBeNull();
		expect(r.beside!.general.wonGbp).toBeNull();
	});
});
