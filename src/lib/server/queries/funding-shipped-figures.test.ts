/**
 * The funding figures the pages show, recomputed by hand from the shipped source rows
 * (data/funding-published-facts for awards and dates, data/uk-la-names-codes for populations,
 * data/funding-competitions-2025-2027/scheme_purposes.csv for what each scheme is for) and
 * checked against the queries run on the same files loaded through the import pipeline. Pages
 * count net-zero money by default; the all-money figures are checked with money: 'all'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb, DATA_DIR, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import { getAuthorityFunding } from './authority-funding';
import { getNationalFunding } from './national-funding';

const FACTS = join(DATA_DIR, 'funding-published-facts/funding_published_facts.csv');
const REGISTER = join(DATA_DIR, 'uk-la-names-codes/uk_local_authorities_current.csv');
const PURPOSES = join(DATA_DIR, 'funding-competitions-2025-2027/scheme_purposes.csv');
const csv = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

/** Blackpool's HUG2 consortium as the source lists it: the lead, then its 12 partners. */
const HUG2_BLACKPOOL = [
	'BPL',
	'BBD',
	'BUN',
	'CHO',
	'HYN',
	'LAC',
	'PEN',
	'PRE',
	'RIB',
	'ROS',
	'SRI',
	'WLA',
	'WYR'
];

let handle: DbHandle;
beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await importFile(handle, 'scheme-purposes', PURPOSES);
	await importFile(handle, 'funding-facts', FACTS);
});
const ALL = { dayRateGbp: 350, money: 'all' } as const;
afterAll(() => handle.close());

describe('the shipped source rows these checks start from', () => {
	it("lists Blackpool's three awards and its consortium members' populations", () => {
		const rows = csv(FACTS).filter(
			(r) => r.fact_type === 'award' && /^Blackpool/.test(r.recipient_or_scope ?? '')
		);
		expect(rows.map((r) => [r.scheme, Number(r.amount_gbp)])).toEqual([
			['Home Upgrade Grant', 41_400_000],
			['Social Housing Decarbonisation Fund', 500_000],
			['Levelling Up Fund', 15_385_023]
		]);
		const population = new Map(
			csv(REGISTER).map((r) => [r['local-authority-code'], Number(r['pop-2020'])])
		);
		expect(HUG2_BLACKPOOL.map((c) => population.get(c))).toEqual([
			138_381, 150_030, 89_344, 118_870, 81_133, 148_119, 92_145, 144_147, 62_026, 71_432, 111_086,
			114_496, 113_067
		]);
	});
});

describe('Blackpool (BPL), all money, recomputed by hand', () => {
	it('£ per head of awards led: the consortium award counts in full', () => {
		// 41,400,000 + 500,000 + 15,385,023 = 57,285,023; / 138,381 residents = £413.97 a head.
		const f = getAuthorityFunding('BPL', ALL, handle.db);
		expect(f.population).toBe(138_381);
		expect(f.fragmentation.totalGbp).toBe(57_285_023);
		expect(f.fragmentation.perHeadGbp!.toFixed(2)).toBe('413.97');
		// Unitary councils that led an award, £ per head: North Yorkshire 2.86, Cheshire West 4.36,
		// Portsmouth 8.89, BCP 10.58, Dorset 11.59, Plymouth 11.79, Bristol 55.66, Cornwall 225.89,
		// Blackpool 413.97: 9 councils, the 5th is Dorset, 4,400,000 / 379,791 = £11.59.
		expect(f.comparison.councils).toBe(9);
		expect(f.comparison.medians.perHeadGbp!.toFixed(2)).toBe('11.59');
	});

	it('estimated share: the £41.4m split across the 13 member councils by population', () => {
		// Members' populations: 138,381 + 150,030 + 89,344 + 118,870 + 81,133 + 148,119 + 92,145
		// + 144,147 + 62,026 + 71,432 + 111,086 + 114,496 + 113,067 = 1,434,276 (no county among
		// them, so nobody is left out). Blackpool's share: 41,400,000 × 138,381 / 1,434,276
		// = 3,994,331.22. With its own two awards: 3,994,331.22 + 500,000 + 15,385,023
		// = 19,879,354.22; / 138,381 = £143.66 a head.
		const f = getAuthorityFunding('BPL', ALL, handle.db);
		expect(f.fragmentation.estimatedGbp).toBeCloseTo(19_879_354.22, 2);
		expect(f.fragmentation.estimatedPerHeadGbp!.toFixed(2)).toBe('143.66');
		const hug2 = f.awards.find((a) => a.amountGbp === 41_400_000)!;
		expect(hug2.estimatedShareGbp).toBeCloseTo(3_994_331.22, 2);
		// Every member's residents get the same £ a head from the split: 41,400,000 / 1,434,276
		// = £28.86. Burnley has no other award, so that is its whole estimated figure.
		const bun = getAuthorityFunding('BUN', ALL, handle.db).fragmentation;
		// It led no published award: unknown as lead, not £0.
		expect(bun.totalGbp).toBeNull();
		expect(bun.estimatedPerHeadGbp!.toFixed(2)).toBe('28.86');
		// The 13 shares add back to the award: counted once, nothing lost.
		const shares = HUG2_BLACKPOOL.map(
			(c) =>
				getAuthorityFunding(c, ALL, handle.db).awards.find((a) => a.amountGbp === 41_400_000)!
					.estimatedShareGbp!
		);
		expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(41_400_000, 4);
		// Unitary councils that led or shared in an award: the 9 above plus Bath and NE Somerset,
		// North Somerset (Bristol's HUG2 consortium), Blackburn with Darwen (Blackpool's) and the
		// Isles of Scilly (Cornwall's UKSPF) = 13; the 7th estimate is Bristol's consortium a head,
		// 11,393,650 / (465,866 + 196,357 + 215,574) = 11,393,650 / 877,797 = £12.98.
		expect(f.comparison.councilsWithAnyAward).toBe(13);
		expect(f.comparison.medians.estimatedPerHeadGbp!.toFixed(2)).toBe('12.98');
	});

	it('leaves Cambridgeshire County out of the Cambridge consortium split: its districts are members', () => {
		const cam = getAuthorityFunding('CAM', ALL, handle.db).awards.find(
			(a) => a.scheme === 'Home Upgrade Grant'
		)!;
		expect(cam).toMatchObject({ role: 'partner', estimatedShareGbp: 0 });
		expect(cam.shareLeftOut).toBe('contains-members');
	});
});

describe('the national page with all money, recomputed by hand', () => {
	it('totals every published award once, and the estimated shares add back to it', () => {
		const rows = csv(FACTS).filter((r) => r.fact_type === 'award' || r.fact_type === 'allocation');
		const total = rows.reduce((s, r) => s + Number(r.amount_gbp), 0);
		expect(rows).toHaveLength(55);
		expect(total).toBe(786_973_561);
		const n = getNationalFunding(null, handle.db, 'all');
		expect(n.national.totalGbp).toBe(total);
		expect(n.national.estimatedGbp).toBeCloseTo(total, 2);
	});

	it('windows under six weeks: 4 of the 7 rounds with both dates, not of all 15 rounds', () => {
		// Rounds with an opening and a closing date (days open): PSDS 3b 12 → 31 Oct = 19;
		// PSDS 3c re-run 7 → 10 Nov = 3; PSDS 4 9 Oct → 25 Nov = 22 + 25 = 47; SHDF 2.2
		// 20 Nov → 31 Jan = 10 + 31 + 31 = 72; LUF round 2 15 Jul → 2 Aug = 16 + 2 = 18; UKSPF
		// 30 Jun → 1 Aug = 1 + 31 = 32; WH:LG 16 Oct → 1 Dec = 15 + 30 + 1 = 46. Under 42 days:
		// 19, 3, 18, 32 → 4 of 7 = 57%. Median of 3, 18, 19, 32, 46, 47, 72 = 32.
		const w = getNationalFunding(null, handle.db, 'all').windowSummary;
		expect(w.windows).toBe(15);
		expect(w.knownWindows).toBe(7);
		expect(w.shortWindows).toBe(4);
		expect(w.shortShare).toBeCloseTo(4 / 7, 12);
		expect(w.medianDays).toBe(32);
	});

	it('dates changed: the SHDF 2.2 extension and the PSDS 3c re-run, one each', () => {
		// SHDF 2.2's deadline moved 19 → 31 Jan 2024; PSDS 3c's portal failed on 10 Oct 2023 and
		// the window was re-run from 7 Nov. HUG2's two deadlines are two assessment rounds of
		// the same call, both standing, so neither is a change. 1 + 1 = 2 dates in 2 rounds.
		const w = getNationalFunding(null, handle.db, 'all').windowSummary;
		expect(w).toMatchObject({
			datesChanged: 2,
			roundsChanged: 2,
			deadlinesMoved: 1,
			openingsMoved: 1
		});
	});

	it('measures inequality over the 45 councils with a published award, not all 361', () => {
		const n = getNationalFunding(null, handle.db, 'all');
		expect(n.perHead.councils).toBe(361);
		expect(n.perHead.withAwards).toBe(45);
		// The Gini by its definition (mean absolute difference over all ordered pairs / twice the
		// mean), worked independently of the sorted formula, over those 45 councils' £ a head.
		const values = n.authorities
			.filter((a) => (a.tier === 'unitary' || a.tier === 'lower') && a.awards > 0)
			.map((a) => a.perHeadGbp!);
		expect(values).toHaveLength(45);
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		let diffs = 0;
		for (const x of values) for (const y of values) diffs += Math.abs(x - y);
		expect(n.perHead.gini).toBeCloseTo(diffs / (2 * values.length ** 2 * mean), 12);
		// Counting the 316 councils without a published award as £0 gave 0.95: nearly "all to one".
		expect(n.perHead.gini).toBeLessThan(0.7);
		expect(n.perHead.lorenz).toHaveLength(46);
		// Estimated shares: those 45 plus the district and single-tier partners that led nothing
		// themselves: Bath and NE Somerset, North Somerset (Bristol's); Blackburn with Darwen,
		// Burnley, Hyndburn, Pendle, Preston, Ribble Valley, Rossendale, South Ribble, West
		// Lancashire, Wyre (Blackpool's); South Norfolk, North Norfolk, Breckland, King's Lynn
		// (Broadland's); East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire
		// (Cambridge's); Mid Suffolk; Scottish Borders, South Lanarkshire; Isles of Scilly
		// = 2 + 10 + 4 + 4 + 1 + 2 + 1 = 24; 45 + 24 = 69.
		expect(n.perHead.withAnyAward).toBe(69);
	});
});

describe('net-zero money, what the pages count by default, recomputed by hand', () => {
	const purposeOf = new Map(csv(PURPOSES).map((r) => [r.scheme, r.purpose]));
	const money = csv(FACTS).filter((r) => r.fact_type === 'award' || r.fact_type === 'allocation');
	const netZero = money.filter((r) => purposeOf.get(r.scheme)?.startsWith('net_zero'));

	it('classifies every scheme in the facts, and leaves Levelling Up and UKSPF money out', () => {
		expect(money.filter((r) => !purposeOf.has(r.scheme))).toEqual([]);
		// 55 awards and allocations, £786,973,561; 30 of them net-zero, £241,504,938; the other 25
		// are the Levelling Up Fund and UK Shared Prosperity Fund: £545,468,623 of general money.
		expect(netZero).toHaveLength(30);
		const total = netZero.reduce((s, r) => s + Number(r.amount_gbp), 0);
		expect(total).toBe(241_504_938);
		const n = getNationalFunding(null, handle.db);
		expect(n.money).toBe('net-zero');
		expect(n.national.totalGbp).toBe(total);
		expect(n.notCounted).toEqual({
			general: { awards: 25, totalGbp: 545_468_623 },
			unclassified: { awards: 0, totalGbp: 0 }
		});
		expect(total + n.notCounted!.general.totalGbp).toBe(786_973_561);
	});

	it('£ per head of five councils, counting net-zero awards only', () => {
		// Blackpool: HUG2 41,400,000 + SHDF 500,000 (not its £15,385,023 Levelling Up award)
		// = 41,900,000 / 138,381 = £302.79. Bristol: HUG2 11,393,650 / 465,866 = £24.46.
		// Portsmouth: SHDF 1,909,000 / 214,692 = £8.89. North Yorkshire: SHDF 1,772,000 / 620,610
		// = £2.86. Cheshire West and Chester: SHDF 1,500,000 / 343,823 = £4.36.
		const perHead = (code: string) =>
			getAuthorityFunding(code, { dayRateGbp: 350 }, handle.db).fragmentation.perHeadGbp!.toFixed(
				2
			);
		expect(['BPL', 'BST', 'POR', 'NYE', 'CHW'].map(perHead)).toEqual([
			'302.79',
			'24.46',
			'8.89',
			'2.86',
			'4.36'
		]);
		const bpl = getAuthorityFunding('BPL', { dayRateGbp: 350 }, handle.db);
		expect(bpl.fragmentation.totalGbp).toBe(41_900_000);
		expect(bpl.notCounted).toEqual({
			general: { awards: 1, totalGbp: 15_385_023 },
			unclassified: { awards: 0, totalGbp: 0 }
		});
	});

	it('a council whose only published money is general has no net-zero figure, not £0', () => {
		// Cornwall's only awards in these facts are its Levelling Up and UKSPF money.
		const con = getAuthorityFunding('CON', { dayRateGbp: 350 }, handle.db);
		expect(con.fragmentation.totalGbp).toBeNull();
		expect(con.fragmentation.perHeadGbp).toBeNull();
		expect(con.notCounted!.general.awards).toBeGreaterThan(0);
	});

	it('the Gini of net-zero £ a head, over the councils that led a net-zero award', () => {
		const n = getNationalFunding(null, handle.db);
		const values = n.authorities
			.filter((a) => (a.tier === 'unitary' || a.tier === 'lower') && a.awards > 0)
			.map((a) => a.perHeadGbp!);
		expect(values).toHaveLength(n.perHead.withAwards);
		expect(values.length).toBeLessThan(45);
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		let diffs = 0;
		for (const x of values) for (const y of values) diffs += Math.abs(x - y);
		expect(n.perHead.gini).toBeCloseTo(diffs / (2 * values.length ** 2 * mean), 12);
	});
});
