/**
 * Similar councils as the import stores them, on the real register and the shipped mySociety
 * sector series: the rules every list must keep, and a few councils' peers checked against a
 * separate computation from the CSV files themselves.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, DATA_DIR, importFile } from '../../../../tests/helpers/db';
import { groupOfType, referenceSimilarity } from '../../../../tests/helpers/similarity-reference';
import { getSimilarCouncils } from '../queries/similar-councils';
import { SIMILARITY_TYPES } from '../metrics/similar-councils';

export const SHIPPED_EMISSIONS = join(
	DATA_DIR,
	'la-emissions-mysociety-2005-2020/local_authority_emissions.csv'
);

let handle: DbHandle;
const reference = referenceSimilarity();
beforeAll(async () => {
	handle = await createFixtureDb();
	const report = await importFile(handle, 'mysociety-emissions', SHIPPED_EMISSIONS, {
		mode: 'accept-valid'
	});
	expect(report.status).toBe('committed');
}, 180_000);
afterAll(() => handle?.close());

interface Stored {
	authority_code: string;
	type: string;
	rank: number;
	peer_code: string;
	match: number;
	authority_type: string;
	peer_type: string;
}
const stored = () =>
	handle.sqlite
		.prepare(
			`SELECT s.authority_code, s.type, s.rank, s.peer_code, s.match, a.type AS authority_type, p.type AS peer_type
			 FROM similar_councils s JOIN authorities a ON a.code = s.authority_code JOIN authorities p ON p.code = s.peer_code
			 ORDER BY s.authority_code, s.type, s.rank`
		)
		.all() as Stored[];

describe('similar councils stored at import', () => {
	it('keeps every list within its tier group, 0–100, at most 30, ranked 1…n', () => {
		const rows = stored();
		expect(rows.length).toBeGreaterThan(30_000);
		const problems: string[] = [];
		const lists = new Map<string, Stored[]>();
		for (const r of rows) {
			const where = `${r.authority_code} ${r.type} #${r.rank} ${r.peer_code}`;
			if (groupOfType(r.authority_type) !== groupOfType(r.peer_type))
				problems.push(`${where}: ${r.peer_type} peer of a ${r.authority_type}`);
			if (r.peer_code === r.authority_code) problems.push(`${where}: itself`);
			if (!(r.match >= 0 && r.match <= 100)) problems.push(`${where}: match ${r.match}`);
			const key = `${r.authority_code} ${r.type}`;
			lists.set(key, [...(lists.get(key) ?? []), r]);
		}
		for (const [key, list] of lists) {
			if (list.length > 30) problems.push(`${key}: ${list.length} peers`);
			list.forEach((r, i) => r.rank !== i + 1 && problems.push(`${key}: rank ${r.rank} at ${i}`));
		}
		expect(problems).toEqual([]);
		// Each type has a list for (nearly) every current council: 397, less those left out.
		for (const type of SIMILARITY_TYPES) {
			const councils = [...lists.keys()].filter((k) => k.endsWith(` ${type}`)).length;
			expect(councils, type).toBeGreaterThan(385);
		}
	});

	it('records the release and year the emissions profile used, and who was left out', () => {
		const s = getSimilarCouncils('GLCA', handle.db);
		expect(s.basis?.emissionsYear).toBe(2020);
		expect(s.basis?.emissionsReleases.map((r) => r.label)).toEqual([
			'UK local authority CO2 emissions 2005–2020 (scope of influence), package v1.2.0, commit 4f6651e'
		]);
		expect(s.basis?.register?.releaseDate).toBe('2025-07-10');
		expect(s.basis?.authoritiesCompared).toBe(397);
		// Greater Lincolnshire (2025) has no 2020 figures in the series and no centre in the register.
		expect(s.excluded).toEqual({
			emissions: 'no emissions for the year',
			nearby: 'no coordinates: x null, y null',
			overall: 'no emissions, nearby distance'
		});
		expect(s.peers.emissions).toEqual([]);
	});

	it("lists Trafford's Greater Manchester neighbours first as its nearby peers", () => {
		const s = getSimilarCouncils('TRF', handle.db);
		const codes = s.peers.nearby.map((p) => p.code);
		expect(codes.slice(0, 2)).toEqual(['SLF', 'MAN']);
		const gm = handle.sqlite
			.prepare("SELECT code FROM authorities WHERE combined_authority_code = 'GMCA'")
			.pluck()
			.all() as string[];
		expect(codes.slice(0, 6).filter((c) => gm.includes(c)).length).toBeGreaterThanOrEqual(4);
		expect(s.peers.nearby[0]).toMatchObject({ name: 'Salford', typeName: 'Metropolitan district' });
		for (const type of SIMILARITY_TYPES) expect(s.peers[type]).toHaveLength(30);
	});

	it.each([
		['TRF', 'a metropolitan borough'],
		['CMD', 'a London borough'],
		['HLD', 'a Scottish council'],
		['KEN', 'a county'],
		['NFK', 'a county, whose profile is rural']
	])('gives %s (%s) the peers and scores a separate computation finds', (code) => {
		const s = getSimilarCouncils(code, handle.db);
		for (const type of SIMILARITY_TYPES) {
			const expected = reference(type, code, 10);
			const got = s.peers[type].slice(0, 10);
			expect(
				got.map((p) => p.code),
				`${code} ${type}`
			).toEqual(expected.map((p) => p.code));
			got.forEach((p, i) =>
				// Both round to 0.1; lat/long to grid can move a last digit.
				expect(
					Math.abs(p.match - expected[i]!.match),
					`${code} ${type} ${p.code}`
				).toBeLessThanOrEqual(0.1)
			);
		}
	});
});
