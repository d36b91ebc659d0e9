import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBritishNationalGrid } from './british-national-grid';

const register = Papa.parse<Record<string, string>>(
	readFileSync('data/uk-la-names-codes/uk_local_authorities_current.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data.filter((r) => r.lat && r.x);

describe('toBritishNationalGrid', () => {
	it("gives the register's own x and y from its lat and long, for every council", () => {
		expect(register.length).toBeGreaterThan(400);
		const off = register
			.map((r) => {
				const g = toBritishNationalGrid(Number(r.lat), Number(r.long));
				const metres = Math.hypot(g.easting - Number(r.x), g.northing - Number(r.y));
				return { code: r['local-authority-code']!, metres };
			})
			.filter((r) => r.metres > 0.01);
		// The five councils of 2023 have lat/long from another source than their x and y, and the
		// two disagree by up to 126 m; every other council matches to the centimetre, Shetland
		// and Northern Ireland included.
		expect(off.map((r) => r.code).sort()).toEqual(['CBD', 'NYE', 'SMT', 'WAF', 'YNYC']);
		for (const r of off) expect(r.metres, r.code).toBeLessThan(130);
	});

	it('puts the true origin of the grid where the Ordnance Survey does', () => {
		// Hand-checked against the OS guide: 49°N 2°W on OSGB36 is (400000, −100000); on WGS84 the
		// same point lies about 100 m away once the datum shift is applied.
		const g = toBritishNationalGrid(49, -2);
		expect(Math.hypot(g.easting - 400000, g.northing + 100000)).toBeLessThan(150);
	});

	it('refuses what is not a latitude', () => {
		expect(() => toBritishNationalGrid(91, 0)).toThrow('expected degrees');
		expect(() => toBritishNationalGrid(Number.NaN, 0)).toThrow('expected degrees');
	});
});
