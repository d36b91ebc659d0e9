/**
 * A council's progress read from the database: each target judged on the series its scope calls
 * for (DESNZ's for the whole area, the council's own report for its operations), saying why when
 * a figure cannot be given, and the action plan judged on the day asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { fixture } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { councilReportedSeries, getCouncilProgress } from './council-progress';
import { listCouncilEmissions } from './council-emissions';

/** An admin sees every action, unpublished ones included, as the council's officers do. */
const ADMIN = { role: 'admin', userId: 1, email: 'admin@example.org' } as const;

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([
		['council-emissions', fixture('templates/council-emissions.csv')],
		['targets', 'Council,Scope,Net zero year\nManchester,Council operations,2038\n'],
		[
			'targets',
			'Council,Scope,Net zero year,Carbon budget (kt CO2e),Budget start year\nTrafford,Whole area,2038,12000,2020\n'
		]
	]);
});
afterAll(() => handle.close());

const progress = (code: string, measure?: 'territorial' | 'scope_of_influence') =>
	getCouncilProgress(code, { today: '2025-04-01', measure, viewer: ADMIN }, handle.db);

describe("a council's progress", () => {
	it("judges Leeds's whole-area target on DESNZ's territorial series, with its own baseline and interim targets", () => {
		const p = progress('LDS');
		const area = p.targets.find((t) => t.row.scope === 'whole_area')!;
		expect(area.series).toMatchObject({ measure: 'territorial', unit: 'kt CO2e' });
		expect(area.series!.points.map((x) => x.year)).toEqual(
			Array.from({ length: 19 }, (_, i) => 2005 + i)
		);
		if (!area.progress?.available) throw new Error('expected progress');
		// The target's own baseline (2005, 4,210 kt) is used, not the series' 2005 figure.
		expect(area.progress.baseline).toMatchObject({
			year: 2005,
			valueKt: 4210,
			valueFrom: 'target'
		});
		// 2025 (50%) and 2028 (75%) are after 2023: judged on where the trend line stands.
		expect(
			area.progress.interim.map((i) => [i.year, i.result.available && i.result.basis])
		).toEqual([
			[2025, 'trend'],
			[2028, 'trend']
		]);
		expect(area.progress.interim[0]!.result).toMatchObject({ targetKt: 2105 });
		expect(area.progress.status).toMatchObject({ available: true, colour: 'red' });
	});

	it('switches the whole-area measure to scope of influence when asked', () => {
		const area = progress('LDS', 'scope_of_influence').targets.find(
			(t) => t.row.scope === 'whole_area'
		)!;
		expect(area.series).toMatchObject({ measure: 'scope_of_influence', unit: 'kt CO2' });
	});

	it("measures council operations by the council's own report, scopes 1 and 2, and says when two years are too few", () => {
		const own = councilReportedSeries(listCouncilEmissions('LDS', handle.db))!;
		// 2022/23: 13,204.5 + 7,118 t = 20.3225 kt; 2023/24: 12,480 + 6,210 = 18.69 kt (scope 3 left out).
		expect(own.points).toEqual([
			{ year: 2022, valueKt: 20.3225 },
			{ year: 2023, valueKt: 18.69 }
		]);
		const ops = progress('LDS').targets.find((t) => t.row.scope === 'council_operations')!;
		expect(ops.series?.measure).toBe('council_reported');
		if (!ops.progress?.available) throw new Error('expected progress');
		expect(ops.progress.baseline).toMatchObject({ year: 2019, valueKt: 52.5, valueFrom: 'target' });
		expect(ops.progress.trend).toEqual({
			available: false,
			reason: 'a trend needs figures for at least 3 years of 2019–2023; there are 2 (2022, 2023)'
		});
		expect(ops.progress.status).toMatchObject({ available: false });
	});

	it('has no series, rather than an invented one, for council operations without a report', () => {
		const p = progress('MAN');
		expect(p.hasOperationsTarget).toBe(true);
		expect(p.hasWholeAreaTarget).toBe(false);
		const ops = p.targets[0]!;
		expect(ops.series).toBeNull();
		expect(ops.progress).toBeNull();
	});

	it("counts Leeds's actions on the day asked and sets their savings against the path's gap", () => {
		const { actions } = progress('LDS');
		expect(actions.counts).toMatchObject({ total: 3, complete: 1, late: 1 });
		expect(actions.byStatus.map((g) => g.key)).toEqual([
			'planned',
			'in_progress',
			'complete',
			'delayed',
			'cancelled'
		]);
		expect(actions.savings.available).toBe(true);
	});

	it("adds up Trafford's emissions to 2038 on each path and sets them against its budget", () => {
		const area = progress('TRF').targets.find((t) => t.row.scope === 'whole_area')!;
		const v = area.carbonBudget;
		if (!v?.available) throw new Error(`expected a carbon-budget view: ${v && v.reason}`);
		expect(v).toMatchObject({ unit: 'kt CO2e', fromYear: 2024, toYear: 2038 });
		// Worked in metrics/progress-trafford.test.ts: 14,928.6 kt on the trend, 9,751.5 on a
		// straight line, 8,875.7 cutting 11.72% a year.
		expect(v.paths.trend.available && v.paths.trend.totalKt).toBeCloseTo(14928.6, 0);
		expect(v.paths.straightLine.totalKt).toBeCloseTo(9751.5, 1);
		expect(v.paths.carbonLaw.totalKt).toBeCloseTo(8875.71, 1);
		// Budget 12,000 kt CO2e from 2020. Used 2020–2023: 1430.456 + 1570.864 + 1442.224 +
		// 1393.071 = 5836.615; left 6163.385. The trend, 1497.322 − 50.2081 × (year − 2021), runs
		// 2024 1346.698, 2025 1296.490, 2026 1246.282, 2027 1196.073, 2028 1145.865: running sum
		// 1346.7, 2643.2, 3889.5, 5085.5, 6231.4 ≥ 6163.4 in 2028. Over by 14928.6 − 6163.4 = 8765.2.
		const b = v.budget;
		if (!b.available) throw new Error(b.reason);
		expect(b.used).toMatchObject({ fromYear: 2020, toYear: 2023, kt: expect.closeTo(5836.615, 2) });
		expect(b.leftKt).toBeCloseTo(6163.385, 2);
		expect(b.trendUsesUpIn).toBe(2028);
		expect(b.paths.trend.available && b.paths.trend.overKt).toBeCloseTo(8765.2, 0);

		// The "Carbon budget" figure beside the status: 5836.615 of 12,000 kt CO2e, 48.64% used.
		expect(area.progress?.available && area.progress.budget).toMatchObject({
			available: true,
			usedKt: expect.closeTo(5836.615, 2),
			sharePct: expect.closeTo(48.64, 2)
		});

		// The budget is in kt CO2e; scope of influence is in kt CO2: no comparison, in the view or
		// in the share of the budget used.
		const co2Target = progress('TRF', 'scope_of_influence').targets.find(
			(t) => t.row.scope === 'whole_area'
		)!;
		expect(co2Target.progress?.available && co2Target.progress.budget).toMatchObject({
			available: false,
			reason: expect.stringMatching(/^the budget is in kt CO2e and these figures are in kt CO2/)
		});
		const co2 = co2Target.carbonBudget;
		if (!co2?.available) throw new Error('expected the paths in kt CO2');
		expect(co2.unit).toBe('kt CO2');
		expect(co2.budget).toMatchObject({
			available: false,
			reason: expect.stringMatching(/^the budget is in kt CO2e and these figures are in kt CO2/)
		});
		// Council-operations targets have no carbon-budget view.
		const ops = progress('MAN').targets.find((t) => t.row.scope === 'council_operations')!;
		expect(ops.carbonBudget).toBeNull();
	});
});
