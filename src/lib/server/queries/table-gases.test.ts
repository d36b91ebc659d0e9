/**
 * One measure, one unit: a CO2-only release for 16 councils must not replace their greenhouse-gas
 * figures in the territorial tables (it did: /compare and /progress then mixed kt CO2 with kt CO2e),
 * while a CO2 release does count where the measure is CO2 (scope of influence, in the shipped data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { importFile } from '../../../../tests/helpers/db';
import { allCurrentAreaSeries, currentAreaSeries } from './area-series';
import { getCompareRows } from './compare';
import { getNationalProgress } from './national-progress';
import { majorityGases, tableGases } from './table-gases';

describe('the gases a table is in', () => {
	it('takes the gases more councils hold figures in, CO2e on a tie', () => {
		const held = (co2: string[], ghg: string[]) => [
			...co2.map((code) => ({ code, gases: 'co2' as const })),
			...ghg.map((code) => ({ code, gases: 'ghg' as const }))
		];
		expect(majorityGases(held(['A', 'B'], ['C']))).toBe('co2');
		expect(majorityGases(held(['A'], ['B', 'C']))).toBe('ghg');
		expect(majorityGases(held(['A', 'B'], ['A', 'B']))).toBe('ghg');
		// A council counts once however many releases it is in.
		expect(majorityGases(held(['A', 'A', 'A'], ['B', 'C']))).toBe('ghg');
		expect(majorityGases([])).toBeNull();
	});
});

// Sixteen councils, ten of them Greater Manchester's boroughs (so the combined authority's sum is
// at stake too) and Swindon, whose status moved when its figures were mixed.
const SIXTEEN = [
	'TRF', 'MAN', 'SLF', 'BOL', 'OLD', 'RCH', 'SKP', 'TAM', 'WGN', 'BUR',
	'SWD', 'LDS', 'BIR', 'BST', 'NET', 'SHF'
]; // prettier-ignore

let handle: DbHandle;
const before = new Map<string, { unit: string; last: number; values: number[] }>();

/** A data lab's CO2-only file for the sixteen: 80% of each council's CO2e figure, to 2024. */
function co2OnlyRelease(measure: 'territorial' | 'scope of influence'): string {
	const lines = ['council,year,measure,value_kt,unit'];
	const key = measure === 'territorial' ? 'territorial' : 'scope_of_influence';
	for (const code of SIXTEEN) {
		const s = currentAreaSeries(code, handle.db).find((x) => x.measure === key)!;
		for (const p of s.points) {
			lines.push(`${code},${p.year},${measure},${(p.valueKt * 0.8).toFixed(3)},kt CO2`);
		}
		lines.push(`${code},2024,${measure},${(s.points.at(-1)!.valueKt * 0.75).toFixed(3)},kt CO2`);
	}
	return lines.join('\n') + '\n';
}

beforeAll(async () => {
	handle = await createProgressDb();
	for (const code of [...SIXTEEN, 'GMCA']) {
		const s = currentAreaSeries(code, handle.db).find((x) => x.measure === 'territorial')!;
		before.set(code, {
			unit: s.unit,
			last: s.points.at(-1)!.year,
			values: s.points.map((p) => p.valueKt)
		});
	}
	const report = await importFile(
		handle,
		'emissions-totals',
		Buffer.from(co2OnlyRelease('territorial'))
	);
	expect(report.status).toBe('committed');
});
afterAll(() => handle.close());

describe('a CO2-only release for 16 councils', () => {
	it('leaves the territorial table in CO2e, with every council on its CO2e figures', () => {
		expect(tableGases('territorial', handle.db)).toBe('ghg');
		const all = allCurrentAreaSeries('territorial', handle.db);
		expect(new Set([...all.values()].map((s) => s.unit))).toEqual(new Set(['kt CO2e']));
		for (const code of [...SIXTEEN, 'GMCA']) {
			const was = before.get(code)!;
			for (const s of [all.get(code)!, currentAreaSeries(code, handle.db)[0]!]) {
				expect(s.unit).toBe('kt CO2e');
				expect(s.points.at(-1)!.year).toBe(was.last);
				expect(s.points.map((p) => p.valueKt)).toEqual(was.values);
			}
		}
	});

	it("says on each of the sixteen's series which newer release was set aside, and why not", () => {
		const trf = currentAreaSeries('TRF', handle.db).find((s) => s.measure === 'territorial')!;
		expect(trf.releaseLabel).toMatch(/DESNZ .*2005–2023/);
		expect(trf.otherGases).toEqual({
			label: expect.stringContaining('Emissions totals'),
			unit: 'kt CO2',
			lastYear: 2024
		});
		// A council the file does not hold has nothing set aside.
		const wok = currentAreaSeries('WOI', handle.db).find((s) => s.measure === 'territorial');
		expect(wok?.otherGases ?? null).toBeNull();
	});

	it('names the sixteen on the national progress and compare tables', () => {
		const options = { measure: 'territorial', windowYears: 5 } as const;
		const national = getNationalProgress(options, handle.db);
		expect(new Set(national.otherGases!.councils)).toEqual(new Set(SIXTEEN));
		expect(national.otherGases!.unit).toBe('kt CO2');
		expect(national.rows.filter((r) => r.unit).every((r) => r.unit === 'kt CO2e')).toBe(true);
		const compare = getCompareRows({ ...options, money: 'net-zero' }, handle.db);
		expect(compare.otherGases!.councils).toHaveLength(16);
		const swindon = compare.rows.find((r) => r.code === 'SWD')!;
		expect(swindon.releaseLabel).toMatch(/DESNZ .*2005–2023/);
	});

	it('is used where the measure is CO2 (scope of influence), as the newest figures', async () => {
		expect(tableGases('scope_of_influence', handle.db)).toBe('co2');
		const report = await importFile(
			handle,
			'emissions-totals',
			Buffer.from(co2OnlyRelease('scope of influence'))
		);
		expect(report.status).toBe('committed');
		const trf = currentAreaSeries('TRF', handle.db).find(
			(s) => s.measure === 'scope_of_influence'
		)!;
		expect(trf).toMatchObject({ unit: 'kt CO2', otherGases: null });
		expect(trf.points.at(-1)!.year).toBe(2024);
		expect(trf.releaseLabel).toMatch(/Emissions totals/);
	});
});
