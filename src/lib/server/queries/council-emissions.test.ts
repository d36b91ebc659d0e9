/**
 * The council-operations series and the target fields the progress pages read: a council's own
 * reports by year, and its targets with baseline, carbon budget and interim targets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import { listInterimTargets, listTargets } from './commitments';
import { listCouncilEmissions } from './council-emissions';

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	const reports = [
		// Out of order on purpose: the query orders by year.
		await importFile(
			handle,
			'council-emissions',
			'authority,year,scope_1_t,scope_2_t,scope_3_t,method\n' +
				'Leeds,2023/24,"12,480",6210,,LGA GHG accounting tool\n' +
				'Leeds,2019,15000,9100,3200,GHG Protocol\n' +
				'Trafford,2023,1850,,,\n'
		),
		await importFile(
			handle,
			'targets',
			'authority,scope,target_year,baseline_year,baseline_value,interim_targets,carbon_budget_kt,budget_start_year,wording\n' +
				'Leeds,Council operations,2030,2019,"27,300",2025: 50%; 2028: 75%,,,Net zero council\n' +
				'Leeds,Whole area,2050,2005,"4,210",,"42,000",2020,Net zero district\n' +
				'Trafford,Whole area,2038,,,2030: 60%,,,Net zero borough\n'
		)
	];
	for (const r of reports) expect(r.status).toBe('committed');
});
afterAll(() => handle.close());

describe('listCouncilEmissions', () => {
	it("gives one council's reports oldest first, a missing scope as null", () => {
		expect(listCouncilEmissions('LDS', handle.db)).toEqual([
			{
				year: 2019,
				scope1T: 15000,
				scope2T: 9100,
				scope3T: 3200,
				method: 'GHG Protocol',
				sourceUrl: null,
				notes: null,
				isSample: false
			},
			{
				year: 2023,
				scope1T: 12480,
				scope2T: 6210,
				scope3T: null,
				method: 'LGA GHG accounting tool',
				sourceUrl: null,
				notes: null,
				isSample: false
			}
		]);
		expect(listCouncilEmissions('TRF', handle.db).map((r) => r.year)).toEqual([2023]);
		expect(listCouncilEmissions('KIR', handle.db)).toEqual([]);
	});
});

describe('listTargets and listInterimTargets', () => {
	it('give each target its id, baseline and carbon budget', () => {
		const [council, area] = listTargets('LDS', handle.db);
		expect(council).toMatchObject({
			scope: 'council_operations',
			targetYear: 2030,
			baselineYear: 2019,
			baselineKt: 27300,
			carbonBudgetKt: null,
			budgetStartYear: null
		});
		expect(area).toMatchObject({
			scope: 'whole_area',
			targetYear: 2050,
			baselineYear: 2005,
			baselineKt: 4210,
			carbonBudgetKt: 42000,
			budgetStartYear: 2020
		});
		expect(council!.id).not.toBe(area!.id);
	});

	it("give only that council's interim targets, keyed by target id, by year", () => {
		const [council] = listTargets('LDS', handle.db);
		expect(listInterimTargets('LDS', handle.db)).toEqual([
			{ targetId: council!.id, year: 2025, reductionPct: 50 },
			{ targetId: council!.id, year: 2028, reductionPct: 75 }
		]);
		const [trafford] = listTargets('TRF', handle.db);
		expect(listInterimTargets('TRF', handle.db)).toEqual([
			{ targetId: trafford!.id, year: 2030, reductionPct: 60 }
		]);
	});
});
