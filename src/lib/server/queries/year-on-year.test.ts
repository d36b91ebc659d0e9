/**
 * Year-on-year change read from the database: councils' own totals files give six Greater
 * Manchester councils figures (one in CO2 only, one with a gap, one ending early), every other
 * council none. The table is ranked and counted as the metric says, kept until the data changes,
 * and a council is placed among its stored similar councils.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { similarCouncils } from '../db/schema';
import { createFixtureDb, importOrThrow } from '../../../../tests/helpers/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPeerYearOnYear, getYearOnYear } from './year-on-year';

let handle: DbHandle;
let dir: string;

/** A totals file on disk (the import names its release after the file). */
function totalsFile(name: string, lines: string[]) {
	const path = join(dir, name);
	writeFileSync(path, ['council,year,measure,value_kt,unit', ...lines].join('\n') + '\n');
	return path;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'year-on-year-'));
	handle = await createFixtureDb();
	await importOrThrow(
		handle,
		'emissions-totals',
		totalsFile('ghg.csv', [
			'TRF,2022,territorial,1442.22,kt CO2e',
			'TRF,2023,territorial,1393.07,kt CO2e',
			'MAN,2022,territorial,2000,kt CO2e',
			'MAN,2023,territorial,1800,kt CO2e',
			'SLF,2022,territorial,1000,kt CO2e',
			'SLF,2023,territorial,1050,kt CO2e',
			'BOL,2021,territorial,900,kt CO2e',
			'BOL,2023,territorial,800,kt CO2e',
			'SKP,2021,territorial,1200,kt CO2e',
			'SKP,2022,territorial,1100,kt CO2e'
		])
	);
	// One unit per measure in a file: Wigan's CO2-only figures are a release of their own.
	await importOrThrow(
		handle,
		'emissions-totals',
		totalsFile('co2.csv', ['WGN,2022,territorial,1000,kt CO2', 'WGN,2023,territorial,500,kt CO2'])
	);
	// Trafford's overall similar councils, as the import would store them (computing them needs
	// the sector series of every council, which these figures are not).
	handle.db
		.insert(similarCouncils)
		.values(
			['MAN', 'SLF', 'BOL', 'WGN'].map((peerCode, i) => ({
				authorityCode: 'TRF',
				type: 'overall' as const,
				rank: i + 1,
				peerCode,
				match: 90 - i,
				distance: 0.1 * (i + 1)
			}))
		)
		.run();
}, 60_000);
afterAll(() => {
	handle?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('getYearOnYear', () => {
	it('ranks the councils with current figures in the majority unit, 2022 to 2023', () => {
		const t = getYearOnYear('territorial', handle.db);
		expect(t).toMatchObject({ unit: 'kt CO2e', fromYear: 2022, toYear: 2023 });
		// Manchester (1800 − 2000) / 2000 = −10%; Trafford (1393.07 − 1442.22) / 1442.22 =
		// −49.15 / 1442.22 = −3.408%; Salford (1050 − 1000) / 1000 = +5%.
		expect(t.ranked.map((e) => [e.code, e.rank])).toEqual([
			['MAN', 1],
			['TRF', 2],
			['SLF', 3]
		]);
		expect(t.ranked[1]!.changePct).toBeCloseTo(-3.408, 3);
	});

	it('counts the councils left out: a gap, old figures, no figures', () => {
		const t = getYearOnYear('territorial', handle.db);
		const reasons = new Map(t.leftOut.map((l) => [l.code, l.reason]));
		// Wigan's only territorial figures are CO2 only: the measure is judged in CO2e, the gases
		// most councils hold (area-series.ts), so it has no figures here rather than figures in
		// another unit. A table that did mix units is refused by the metric (year-on-year.test.ts).
		expect(reasons.get('WGN')).toBe('no_figures');
		expect(reasons.get('BOL')).toBe('gap');
		expect(reasons.get('SKP')).toBe('old');
		// Greater Manchester's figures are its members' summed: with four of ten members holding
		// figures, no year can be summed.
		expect(reasons.get('GMCA')).toBe('no_figures');
		// 397 current councils: 3 ranked, 2 left out for a gap or old figures, 392 without figures.
		expect(t.councils).toBe(397);
		expect(t.leftOutCounts).toEqual({
			no_figures: 392,
			old: 1,
			other_unit: 0,
			other_year: 0,
			gap: 1,
			not_above_zero: 0
		});
	});

	it('keeps one table per measure until the data changes', async () => {
		const first = getYearOnYear('territorial', handle.db);
		expect(getYearOnYear('territorial', handle.db)).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		// Bolton's 2022 figure fills its gap: (800 − 880) / 880 = −9.09%, between Manchester and
		// Trafford.
		await importOrThrow(
			handle,
			'emissions-totals',
			totalsFile('bolton.csv', [
				'BOL,2021,territorial,900,kt CO2e',
				'BOL,2022,territorial,880,kt CO2e',
				'BOL,2023,territorial,800,kt CO2e'
			])
		);
		const after = getYearOnYear('territorial', handle.db);
		expect(after).not.toBe(first);
		expect(after.ranked.map((e) => e.code)).toEqual(['MAN', 'BOL', 'TRF', 'SLF']);
		expect(after.ranked[1]!.changePct).toBeCloseTo(-9.0909, 4);
	});
});

describe('getPeerYearOnYear', () => {
	it('places Trafford among its similar councils and names those left out', () => {
		// Peers Manchester, Salford, Bolton (now ranked) and Wigan (no CO2e figures): Manchester −10%,
		// Bolton −9.09%, Trafford −3.41%, Salford +5%: Trafford 3rd of 4.
		const p = getPeerYearOnYear('TRF', 'territorial', handle.db);
		expect(p.ranked.map((e) => [e.code, e.rank])).toEqual([
			['MAN', 1],
			['BOL', 2],
			['TRF', 3],
			['SLF', 4]
		]);
		expect(p.own).toEqual({ rank: 3, of: 4 });
		expect(p.leftOut).toMatchObject([{ code: 'WGN', reason: 'no_figures' }]);
		expect(p).toMatchObject({ peers: 4, noPeers: null, nationalRank: 3, nationalRanked: 4 });
	});

	it('says why when a council has no similar councils stored', () => {
		// Computed on the register alone (no sector series), every council is left out of the
		// overall type with the reason the computation stored.
		const p = getPeerYearOnYear('MAN', 'territorial', handle.db);
		expect(p.own).toEqual({ rank: 1, of: 1 });
		expect(p.noPeers).toBe('no emissions distance');
	});
});
