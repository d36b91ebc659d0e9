/**
 * Year-on-year change on hand-made councils: which are ranked, in what order, and which are left
 * out with which reason. Every % is worked in the comments.
 */
import { describe, expect, it } from 'vitest';
import { peerRanking, yearOnYearTable, type YearOnYearCouncil } from './year-on-year';

function council(
	code: string,
	values: Record<number, number> | null,
	options: { unit?: string; old?: string } = {}
): YearOnYearCouncil {
	return {
		code,
		name: `Council ${code}`,
		typeName: 'District',
		series: values && {
			unit: options.unit ?? 'kt CO2e',
			old: options.old ?? null,
			points: Object.entries(values).map(([year, valueKt]) => ({ year: Number(year), valueKt }))
		}
	};
}

const COUNCILS = [
	council('AAA', { 2021: 100, 2022: 100, 2023: 90 }), // (90 − 100) / 100 = −10%
	council('BBB', { 2022: 200, 2023: 150 }), // (150 − 200) / 200 = −25%
	council('CCC', { 2022: 50, 2023: 55 }), // (55 − 50) / 50 = +10%
	council('DDD', { 2022: 100, 2023: 50 }, { unit: 'kt CO2' }), // −50%, but in another unit
	council('EEE', { 2021: 100, 2023: 60 }), // no 2022: a gap
	council('FFF', { 2021: 100, 2022: 80 }), // ends in 2022: old
	council('GGG', { 2022: 100, 2023: 1 }, { old: 'these figures are old' }),
	council('HHH', null), // no figures
	council('III', { 2022: 0, 2023: 5 }), // the earlier figure is zero
	council('JJJ', { 2023: 10, 2024: 5 }) // ends in 2024, after the year most councils end in
];

describe('yearOnYearTable', () => {
	const t = yearOnYearTable(COUNCILS);

	it("takes the table's unit and years from most councils: kt CO2e, 2022 to 2023", () => {
		// kt CO2e: 8 councils with current figures, kt CO2: 1. Of the kt CO2e ones, 6 end in 2023,
		// 1 in 2022 and 1 in 2024.
		expect(t).toMatchObject({ unit: 'kt CO2e', fromYear: 2022, toYear: 2023, councils: 10 });
	});

	it('ranks the largest fall first: BBB −25%, AAA −10%, CCC +10%', () => {
		expect(t.ranked.map((e) => [e.code, e.rank, e.changePct])).toEqual([
			['BBB', 1, -25],
			['AAA', 2, -10],
			['CCC', 3, 10]
		]);
		expect(t.ranked[0]).toMatchObject({ fromKt: 200, toKt: 150, changeKt: -50 });
	});

	it('leaves out, and counts, every council it cannot rank, with its reason', () => {
		// DDD's fall of 50% would top the list, but kt CO2 is not kt CO2e.
		expect(t.leftOut.map((l) => [l.code, l.reason, l.detail])).toEqual([
			['DDD', 'other_unit', 'in kt CO2, not kt CO2e'],
			['EEE', 'gap', 'no figure for 2022'],
			['FFF', 'old', 'the figures end in 2022, not 2023'],
			['GGG', 'old', 'these figures are old'],
			['HHH', 'no_figures', 'no figures in this measure'],
			['III', 'not_above_zero', '2022 is 0 kt CO2e'],
			['JJJ', 'other_year', 'the figures end in 2024, after 2023']
		]);
		expect(t.leftOutCounts).toEqual({
			no_figures: 1,
			old: 2,
			other_unit: 1,
			other_year: 1,
			gap: 1,
			not_above_zero: 1
		});
		expect(t.ranked.length + t.leftOut.length).toBe(t.councils);
	});

	it('orders an equal change by name, so the list does not move between requests', () => {
		// Both fall 10%: 100 → 90 and 50 → 45.
		const tie = yearOnYearTable([
			council('ZZZ', { 2022: 100, 2023: 90 }),
			council('YYY', { 2022: 50, 2023: 45 })
		]);
		expect(tie.ranked.map((e) => [e.code, e.rank])).toEqual([
			['YYY', 1],
			['ZZZ', 2]
		]);
	});

	it('follows the majority unit: kt CO2 when most figures are CO2 only', () => {
		const co2 = yearOnYearTable([
			council('AAA', { 2022: 100, 2023: 90 }, { unit: 'kt CO2' }),
			council('BBB', { 2022: 100, 2023: 80 }, { unit: 'kt CO2' }),
			council('CCC', { 2022: 100, 2023: 50 })
		]);
		expect(co2.unit).toBe('kt CO2');
		expect(co2.ranked.map((e) => e.code)).toEqual(['BBB', 'AAA']);
		expect(co2.leftOut).toMatchObject([{ code: 'CCC', reason: 'other_unit' }]);
	});

	it('gives an empty table, saying so, when no council has figures', () => {
		const none = yearOnYearTable([council('AAA', null)]);
		expect(none).toMatchObject({ unit: null, fromYear: null, toYear: null, ranked: [] });
		expect(none.leftOutCounts.no_figures).toBe(1);
	});
});

describe('peerRanking', () => {
	const t = yearOnYearTable(COUNCILS);

	it("ranks a council among its peers on the national table's years and unit", () => {
		// CCC (+10%) with peers AAA (−10%), DDD (other unit) and HHH (no figures): AAA 1st, CCC 2nd
		// of the 2 that can be ranked.
		const p = peerRanking(t, 'CCC', ['AAA', 'DDD', 'HHH']);
		expect(p.ranked.map((e) => [e.code, e.rank])).toEqual([
			['AAA', 1],
			['CCC', 2]
		]);
		expect(p.own).toEqual({ rank: 2, of: 2 });
		expect(p.leftOut.map((l) => l.code)).toEqual(['DDD', 'HHH']);
		expect(p.leftOutCounts).toMatchObject({ other_unit: 1, no_figures: 1, old: 0 });
		expect(p).toMatchObject({ peers: 3, unit: 'kt CO2e', fromYear: 2022, toYear: 2023 });
	});

	it('gives no place to a council that is left out itself, and keeps its reason', () => {
		const p = peerRanking(t, 'EEE', ['AAA', 'BBB']);
		expect(p.own).toBeNull();
		expect(p.leftOut).toMatchObject([{ code: 'EEE', reason: 'gap' }]);
		expect(p.ranked.map((e) => e.rank)).toEqual([1, 2]);
	});

	it('ranks a council alone when it has no peers', () => {
		expect(peerRanking(t, 'AAA', []).own).toEqual({ rank: 1, of: 1 });
	});
});
