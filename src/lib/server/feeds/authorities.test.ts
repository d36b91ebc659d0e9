import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	AUTHORITY_FILES,
	countRows,
	createTestDb,
	dataDigest,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';

let handle: DbHandle;
let reports: ImportReport[];

beforeAll(async () => {
	handle = createTestDb();
	reports = await loadAuthorities(handle);
});
afterAll(() => handle.close());

const authority = (code: string) =>
	handle.sqlite.prepare('SELECT * FROM authorities WHERE code = ?').get(code) as Record<
		string,
		unknown
	>;

describe('the council register feeds (real files)', () => {
	it('loads all 470 councils, current and abolished', () => {
		expect(reports[0]).toMatchObject({
			feed: 'authorities',
			status: 'committed',
			rowsRead: 470,
			rowsAccepted: 470,
			rowsWritten: 470
		});
		expect(countRows(handle, 'authorities')).toBe(470);
		expect(
			handle.sqlite.prepare('SELECT count(*) FROM authorities WHERE is_current = 1').pluck().get()
		).toBe(397);
	});

	it('stores tier, parents and successors', () => {
		expect(authority('TRF')).toMatchObject({
			tier: 'unitary',
			combined_authority_code: 'GMCA',
			gss_code: 'E08000009',
			population_2020: 237579,
			is_current: 1
		});
		expect(authority('KIN')).toMatchObject({ tier: 'lower', county_code: 'NFK' });
		expect(authority('NFK')).toMatchObject({ tier: 'upper' });
		expect(authority('GMCA')).toMatchObject({ tier: 'combined', type_name: 'Combined authority' });
		// ONS's name for the GLA's kind of authority, not mySociety's "Strategic Regional Authority".
		expect(authority('GLA')).toMatchObject({
			gss_code: 'E61000001',
			type: 'SRA',
			type_name: 'Greater London Authority',
			tier: 'regional'
		});
		expect(authority('ALL')).toMatchObject({
			is_current: 0,
			end_date: '2023-04-01',
			replaced_by_code: 'CBD',
			replaced_by_codes: '["CBD"]'
		});
		expect(authority('CMA')).toMatchObject({
			is_current: 0,
			replaced_by_code: null,
			replaced_by_codes: '["CBD","WAF"]'
		});
	});

	it('keeps former GSS codes for resolving old files', () => {
		const gat = handle.sqlite
			.prepare(
				"SELECT gss_code, is_current FROM authority_gss_codes WHERE authority_code = 'GAT' ORDER BY gss_code"
			)
			.all();
		expect(gat).toEqual([
			{ gss_code: 'E08000020', is_current: 0 },
			{ gss_code: 'E08000037', is_current: 1 }
		]);
		expect(reports[1]!.groups).toEqual([
			expect.objectContaining({ severity: 'info', code: 'no_gss_code', count: 25 })
		]);
	});

	it('skips a lossy double-encoded alias with a warning and repairs a recoverable one', () => {
		const names = reports[2]!;
		expect(names).toMatchObject({
			feed: 'authority-names',
			status: 'committed',
			rowsRead: 1774,
			// Skipped with a warning, not an error: not counted as set aside.
			rowsRejected: 0,
			rowsSkipped: 1
		});
		expect(names.groups).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				code: 'double_encoded',
				column: 'la-name',
				rows: [26]
			})
		);
		expect(names.groups).toContainEqual(
			expect.objectContaining({ severity: 'info', code: 'double_encoded_repaired', rows: [1501] })
		);
		const swansea = handle.sqlite
			.prepare("SELECT alias FROM authority_aliases WHERE authority_code = 'SWA'")
			.pluck()
			.all();
		expect(swansea).toContain('City and County of Swansea');
		const broken = handle.sqlite
			.prepare(
				"SELECT count(*) FROM authority_aliases WHERE alias LIKE '%' || char(65533) || '%' OR alias LIKE '%ï%'"
			)
			.pluck()
			.get();
		expect(broken).toBe(0);
	});

	it('re-importing the register changes nothing', async () => {
		const again = await importFile(handle, 'authorities', AUTHORITY_FILES[0][1]);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 470 });
		// Reported while moving writes to one writer: the register and the names lookup both give
		// councils' names as aliases, and each import rewrote the other's 923 rows.
		expect(again.changes).toEqual([]);
	});
});

describe('deferred foreign keys', () => {
	const header =
		'local-authority-code,official-name,nice-name,gss-code,nation,local-authority-type,local-authority-type-name,county-la,replaced-by,current-authority';

	it('accepts a council whose county comes later in the same file', async () => {
		const db = createTestDb();
		const csv = `${header}\nZZA,Zedshire District Council,Zedshire,E07999901,England,NMD,Non-metropolitan district,ZZB,,True\nZZB,Zed County Council,Zed,E10999901,England,CTY,County,,,True\n`;
		const r = await importFile(db, 'authorities', csv);
		expect(r).toMatchObject({ status: 'committed', rowsWritten: 2, fatal: null });
		expect(
			db.sqlite.prepare("SELECT county_code FROM authorities WHERE code = 'ZZA'").pluck().get()
		).toBe('ZZB');
		db.close();
	});

	it('refuses the whole file when a successor named in it does not exist', async () => {
		const before = dataDigest(handle);
		const csv = `${header}\nZZA,Zedshire District Council,Zedshire,E07999901,England,NMD,Non-metropolitan district,,ZZQ,False\n`;
		const r = await importFile(handle, 'authorities', csv);
		expect(r.status).toBe('rejected');
		expect(r.fatal).toMatch(/^The file could not be saved: .*FOREIGN KEY.*Nothing was written\.$/);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('rejects an unknown council type, listing the types it knows', async () => {
		const r = await importFile(
			handle,
			'authorities',
			`${header}\nZZA,Zed,Zed,,England,XYZ,Mystery,,,True\n`
		);
		expect(r.status).toBe('rejected');
		expect(r.groups[0]).toMatchObject({
			code: 'invalid_value',
			column: 'local-authority-type',
			rows: [2]
		});
		expect(r.groups[0]!.message).toMatch(/^expected a type code: NMD, CTY/);
	});
});
