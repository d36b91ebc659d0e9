/**
 * The carbon-budget words on the round numbers of metrics/carbon-budget.test.ts: latest 100 kt
 * in 2023, target 2028, trend falling 10 kt a year (2024–2028: 90, 80, 70, 60, 50 = 350 kt),
 * straight line 200 kt, 11.72% a year 349.4 kt leaving 53.6 kt.
 */
import { describe, expect, it } from 'vitest';
import {
	againstText,
	budgetLeftText,
	budgetSentence,
	pathsSentence,
	type AvailableBudgetView
} from './carbon-budget-text';
import { budgetChartTable } from './charts/carbon-budget-config';
import { carbonBudgetView } from './server/metrics/carbon-budget';
import { emissionsTrend } from './server/metrics/trajectory';

const FALLING = [140, 130, 120, 110, 100].map((valueKt, i) => ({ year: 2019 + i, valueKt }));

function view(budget: { carbonBudgetKt?: number; budgetStartYear?: number } = {}) {
	const v = carbonBudgetView({
		targetYear: 2028,
		series: FALLING,
		unit: 'kt CO2e',
		trend: emissionsTrend(FALLING),
		budget
	});
	if (!v.available) throw new Error(v.reason);
	return v as AvailableBudgetView;
}

describe('carbon-budget words', () => {
	it("says each path's total with the unit, and what 11.72% a year leaves", () => {
		expect(pathsSentence(view(), 'Testshire')).toBe(
			"From 2024 to 2028, Testshire would emit 350 kt CO2e on the current trend, 200 kt CO2e on a straight line to zero and 349 kt CO2e cutting 11.72% a year; the last still leaves 54 kt CO2e (53.6% of 2023's) in 2028."
		);
	});

	it('says the trend overshoots, by how much, and when the budget runs out', () => {
		// 690 from 2020: 460 used, 230 left; trend 350, 120 over (120 / 230 = 52%); runs out 2026.
		const v = view({ carbonBudgetKt: 690, budgetStartYear: 2020 });
		expect(budgetSentence(v)).toBe(
			"On the current trend the area would emit 350 kt CO2e in 2024–2028, overshooting the 230 kt CO2e left of the council's budget by 120 kt CO2e (52% of what is left); the budget runs out in 2026."
		);
		const b = v.budget;
		if (!b.available) throw new Error(b.reason);
		expect(budgetLeftText(b, v.unit)).toBe(
			'690 kt CO2e from 2020, less 460 kt CO2e emitted 2020–2023: 230 kt CO2e left for 2024–2028'
		);
		expect(againstText(b.paths.straightLine, v.unit)).toBe('Within it, 30 kt CO2e to spare');
		expect(againstText(b.paths.trend, v.unit)).toBe('Over by 120 kt CO2e');
	});

	it('says so when the trend stays within the budget', () => {
		expect(budgetSentence(view({ carbonBudgetKt: 1000, budgetStartYear: 2020 }))).toBe(
			"On the current trend the area would emit 350 kt CO2e in 2024–2028, within the 540 kt CO2e left of the council's budget, with 190 kt CO2e to spare."
		);
	});

	it('says when the published years have already spent the budget', () => {
		// 400 from 2020: used up in 2023, 60 over; the trend adds 350: 410 over by 2028.
		const v = view({ carbonBudgetKt: 400, budgetStartYear: 2020 });
		expect(budgetSentence(v)).toBe(
			"The published figures used up the council's budget of 400 kt CO2e in 2023: by 2023 it was exceeded by 60 kt CO2e, so every path overshoots it. On the current trend the overshoot would reach 410 kt CO2e by 2028."
		);
		const b = v.budget;
		if (!b.available) throw new Error(b.reason);
		expect(budgetLeftText(b, v.unit)).toMatch(/: none left, 60 kt CO2e over already$/);
	});

	it('says why there is no comparison when there is no budget', () => {
		expect(budgetSentence(view())).toBe(
			'No comparison with a carbon budget: the council has not set a carbon budget.'
		);
	});
});

describe('budgetChartTable', () => {
	it('gives running totals a year, with the budget left where it covers the same years', () => {
		// Trend 90, 170, 240, 300, 350; straight line 80, 140, 180, 200, 200; left 230.
		const t = budgetChartTable(view({ carbonBudgetKt: 690, budgetStartYear: 2020 }));
		expect(t.columns).toEqual([
			'Year',
			'On the current trend',
			'Straight line to zero',
			'Cutting 11.72% a year',
			"What is left of the council's budget"
		]);
		expect(t.rows[0]).toEqual(['2024', 90, 80, 88.3, 230]);
		expect(t.rows.at(-1)).toEqual(['2028', 350, 200, 349.4, 230]);
	});

	it('leaves the budget line out when it starts after the paths do', () => {
		const t = budgetChartTable(view({ carbonBudgetKt: 100, budgetStartYear: 2026 }));
		expect(t.columns).toHaveLength(4);
		expect(t.rows).toHaveLength(5);
	});
});
