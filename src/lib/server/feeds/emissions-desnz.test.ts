import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { runImport, type ImportOptions, type ImportReport } from '../import/run-import';
import { undoImport } from '../import/undo-import';
import { getAuthorityEmissions } from '../queries/emissions';
import {
	countRows,
	createFixtureDb,
	csvSource,
	dataDigest,
	fixture,
	toCsv
} from '../../../../tests/helpers/db';
import { writeSyntheticDesnz } from '../../../../scripts/generate-desnz';
import { desnzEmissionsFeed } from './emissions-desnz';
import { DESNZ_GASES, DESNZ_SECTORS } from './desnz-vocabulary';

const SAMPLE = fixture('desnz/desnz-sample.csv');
const REVISED = fixture('desnz/desnz-sample-revised-old-header.csv');

/** The feed is not in the registry yet, so importFile (which looks feeds up by key) can't be used. */
function importDesnz(
	handle: DbHandle,
	source: string | string[][],
	options: Partial<ImportOptions> = {}
): Promise<ImportReport> {
	const isPath = typeof source === 'string';
	return runImport(handle, {
		feed: desnzEmissionsFeed,
		source: isPath ? source : csvSource(toCsv(source)),
		fileName: isPath ? basename(source) : 'inline.csv',
		importedBy: 'test',
		...options
	});
}

const HEADER = desnzEmissionsFeed.columns.map((c) => c.name);
/** One DESNZ row; `over` replaces cells by column name. */
function line(over: Record<string, string> = {}): string[] {
	const base: Record<string, string> = {
		'Local Authority': 'Manchester',
		'Local Authority Code': 'E08000003',
		'Calendar Year': '2019',
		'LA GHG Sector': 'Domestic',
		'LA GHG Sub-sector': 'Domestic Gas',
		'Greenhouse gas': 'CO2',
		'Territorial emissions (kt CO2e)': '1.5',
		'Emissions within the scope of influence of LAs (kt CO2e)': '1.5',
		'Mid-year Population (thousands)': '552.858'
	};
	return HEADER.map((h) => ({ ...base, ...over })[h] ?? '');
}

let handle: DbHandle;
let strict: ImportReport;
let first: ImportReport;
let digestBefore: Record<string, string>;
let digestAfterStrict: Record<string, string>;

beforeAll(async () => {
	handle = await createFixtureDb();
	digestBefore = dataDigest(handle);
	strict = await importDesnz(handle, SAMPLE);
	digestAfterStrict = dataDigest(handle);
	first = await importDesnz(handle, SAMPLE, { mode: 'accept-valid' });
});
afterAll(() => handle.close());

const emission = (code: string, year: number, subSector: string, gas = 'CO2') =>
	handle.sqlite
		.prepare(
			`SELECT sector, territorial_kt, influence_kt, is_aggregate FROM emissions
			 WHERE authority_code = ? AND year = ? AND sub_sector = ? AND gas = ? ORDER BY release_id`
		)
		.all(code, year, subSector, gas);
const population = (code: string, year: number) =>
	handle.sqlite
		.prepare(
			"SELECT population FROM authority_populations WHERE authority_code = ? AND year = ? AND dataset_key = 'desnz-la-ghg'"
		)
		.pluck()
		.get(code, year);

describe('desnz-ghg feed', () => {
	it('rejects the file in strict mode over the unknown code, naming it, and changes nothing', () => {
		expect(strict.status).toBe('rejected');
		expect(strict.groups.filter((g) => g.severity === 'error')).toEqual([
			{
				severity: 'error',
				code: 'unknown_authority',
				column: 'Local Authority Code',
				message: 'unknown authority "E07000999"',
				count: 2,
				rows: [27, 28],
				values: ['E07000999']
			}
		]);
		expect(digestAfterStrict).toEqual(digestBefore);
	});

	it('keeps the valid rows in accept-valid mode', () => {
		expect(first).toMatchObject({
			status: 'committed',
			rowsRead: 27,
			rowsAccepted: 25,
			rowsRejected: 2,
			rowsWritten: 22,
			fatal: null
		});
		expect(countRows(handle, 'emissions')).toBe(22);
	});

	it('stores both measures in one row, blank as null and not zero', () => {
		expect(emission('MAN', 2019, 'Road Transport (Motorways)')).toEqual([
			{ sector: 'Transport', territorial_kt: 55.1, influence_kt: 0, is_aggregate: 0 }
		]);
		expect(emission('MAN', 2019, 'Forestry')).toEqual([
			{ sector: 'LULUCF', territorial_kt: -1.5, influence_kt: null, is_aggregate: 0 }
		]);
		expect(emission('MAN', 2019, 'Industry Electricity', 'CH4')).toEqual([
			{ sector: 'Industry', territorial_kt: 0.123, influence_kt: 0.123, is_aggregate: 0 }
		]);
	});

	it('counts abolished districts for their successor, adding them up, and says so', () => {
		const successor = first.groups.filter((g) => g.code === 'successor_used');
		expect(successor.map((g) => [g.severity, g.values, g.count, g.rows])).toEqual([
			['info', ['E07000026'], 3, [21, 22, 23]],
			['info', ['E07000028'], 3, [24, 25, 26]]
		]);
		expect(successor[0]!.message).toContain('Allerdale (ALL)');
		expect(successor[0]!.message).toContain('Cumberland (E06000063, CBD)');
		expect(emission('ALL', 2019, 'Domestic Gas')).toEqual([]);
		expect(emission('CBD', 2019, 'Domestic Gas')).toEqual([
			{ sector: 'Domestic', territorial_kt: 130, influence_kt: 130, is_aggregate: 0 }
		]);
		expect(emission('CBD', 2019, 'Agriculture Livestock', 'CH4')).toEqual([
			{ sector: 'Agriculture', territorial_kt: 201, influence_kt: 201, is_aggregate: 0 }
		]);
		expect(population('CBD', 2019)).toBe(97527 + 108678);
	});

	it('stores each authority-year population once, in people', () => {
		expect(population('MAN', 2019)).toBe(552858);
		expect(population('TRF', 2020)).toBe(237579);
		expect(countRows(handle, 'authority_populations')).toBe(5);
	});

	it('registers the dataset and one GHG release with both measures', () => {
		expect(
			handle.sqlite
				.prepare("SELECT publisher, licence FROM datasets WHERE key = 'desnz-la-ghg'")
				.get()
		).toEqual({ publisher: 'DESNZ', licence: 'Open Government Licence v3.0' });
		expect(
			handle.sqlite
				.prepare(
					'SELECT gases, has_territorial, has_influence, year_from, year_to FROM emission_releases'
				)
				.all()
		).toEqual([
			{ gases: 'ghg', has_territorial: 1, has_influence: 1, year_from: 2019, year_to: 2020 }
		]);
	});

	it('writes nothing when the same file is imported again', async () => {
		const again = await importDesnz(handle, SAMPLE, { mode: 'accept-valid' });
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 22 });
		expect(countRows(handle, 'emissions')).toBe(22);
		expect(countRows(handle, 'emission_releases')).toBe(1);
	});

	it('reads a later file (older header spelling) as a new release that then draws the whole line', async () => {
		const revised = await importDesnz(handle, REVISED);
		expect(revised).toMatchObject({ status: 'committed', rowsWritten: 5, unmappedColumns: [] });
		expect(
			handle.sqlite.prepare('SELECT year_from, year_to FROM emission_releases ORDER BY id').all()
		).toEqual([
			{ year_from: 2019, year_to: 2020 },
			{ year_from: 2020, year_to: 2021 }
		]);
		const [territorial] = getAuthorityEmissions('MAN', handle.db);
		const byYear = (y: number) =>
			Object.fromEntries(
				territorial!.rows.filter((r) => r.year === y).map((r) => [r.sector, r.valueKt])
			);
		expect(territorial!.measure).toBe('territorial');
		// 2019 is only in the superseded release: never spliced onto the later one's line.
		expect(byYear(2019)).toEqual({});
		expect(byYear(2020)).toEqual({ Domestic: 391, Industry: 96 });
		expect(byYear(2021)).toEqual({ Domestic: 380, Industry: 90 });
		expect(population('MAN', 2021)).toBe(568996);

		const undo = await undoImport(handle, revised.batchId!);
		expect(undo.ok).toBe(true);
		expect(countRows(handle, 'emission_releases')).toBe(1);
		expect(countRows(handle, 'emissions')).toBe(22);
	});

	it('reports each bad field with its row, column, value and what was expected', async () => {
		const r = await importDesnz(
			handle,
			[
				HEADER,
				line({ 'Calendar Year': '20x9' }),
				line({ 'Territorial emissions (kt CO2e)': 'n/a', 'Greenhouse gas': ' ' }),
				line({ 'Mid-year Population (thousands)': 'lots', 'Calendar Year': '2020' }),
				line({
					'Territorial emissions (kt CO2e)': '1,234.5',
					'Emissions within the scope of influence of LAs (kt CO2e)': '-',
					'Calendar Year': '2021.0'
				})
			],
			{ dryRun: true, mode: 'accept-valid', previewRows: 5 }
		);
		const errors = r.groups.map((g) => [g.rows, g.column, g.values, g.message]);
		expect(errors).toEqual(
			expect.arrayContaining([
				[[2], 'Calendar Year', ['20x9'], 'expected a year such as 2020'],
				[[3], 'Territorial emissions (kt CO2e)', ['n/a'], 'expected kt CO2e as a number'],
				[[3], 'Greenhouse gas', [' '], 'a value is required'],
				[[4], 'Mid-year Population (thousands)', ['lots'], 'expected a number']
			])
		);
		expect(r.rowsAccepted).toBe(1);
		expect(r.preview[0]).toMatchObject({ year: 2021, territorial_kt: 1234.5, influence_kt: null });
	});

	it('reports a repeated row, of a council or of a former council, instead of failing', async () => {
		for (const code of ['E08000003', 'E07000026']) {
			const row = line({ 'Calendar Year': '2030', 'Local Authority Code': code });
			const r = await importDesnz(handle, [HEADER, row, row]);
			expect(r.status).toBe('rejected');
			expect(r.groups.filter((g) => g.severity === 'error')).toEqual([
				expect.objectContaining({ code: 'duplicate_row', rows: [3] })
			]);
		}
	});

	// Reported: a file with gases "G0" … "G65" was stored as a new release and shown on council
	// pages. Gas, sector and sub-sector come from the release's vocabulary; anything else is refused.
	it('refuses a gas, sector or sub-sector DESNZ does not publish, naming row, column and value', async () => {
		const fresh = await createFixtureDb();
		try {
			const before = dataDigest(fresh);
			const gases = Array.from({ length: 66 }, (_, i) => line({ 'Greenhouse gas': `G${i}` }));
			const r = await importDesnz(fresh, [
				HEADER,
				line(),
				...gases,
				line({ 'LA GHG Sector': 'Heating' }),
				line({ 'LA GHG Sub-sector': 'Road Transport (A roads)' })
			]);
			expect(r.status).toBe('rejected');
			expect(r.groups.filter((g) => g.severity === 'error')).toEqual([
				expect.objectContaining({
					code: 'invalid_value',
					column: 'Greenhouse gas',
					count: 66,
					rows: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
					values: ['G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9'],
					message: 'expected one of DESNZ\'s gases: "CO2", "CH4", "N2O"'
				}),
				expect.objectContaining({
					column: 'LA GHG Sector',
					rows: [69],
					values: ['Heating'],
					message: expect.stringMatching(/^expected one of DESNZ's sectors: "Agriculture", /)
				}),
				expect.objectContaining({
					column: 'LA GHG Sub-sector',
					rows: [70],
					values: ['Road Transport (A roads)'],
					message: expect.stringMatching(/^expected one of DESNZ's sub-sectors of Domestic: /)
				})
			]);
			expect(dataDigest(fresh)).toEqual(before);
			// With --accept-valid the one good row is kept, the rest set aside: no G-gas is stored.
			await importDesnz(fresh, [HEADER, line(), ...gases], { mode: 'accept-valid' });
			const stored = fresh.sqlite.prepare('SELECT DISTINCT gas FROM emissions').pluck().all();
			expect(stored).toEqual(['CO2']);
		} finally {
			fresh.close();
		}
	});

	it('reads the vocabulary in any case, spacing or quote, stored as DESNZ spells it', async () => {
		const fresh = await createFixtureDb();
		try {
			const r = await importDesnz(fresh, [
				HEADER,
				line({
					'LA GHG Sector': ' public  sector ',
					'LA GHG Sub-sector': 'Public Sector ’Other’',
					'Greenhouse gas': 'ch4'
				})
			]);
			expect(r.status).toBe('committed');
			expect(fresh.sqlite.prepare('SELECT sector, sub_sector, gas FROM emissions').get()).toEqual({
				sector: 'Public Sector',
				sub_sector: "Public Sector 'Other'",
				gas: 'CH4'
			});
		} finally {
			fresh.close();
		}
	});

	// The duplicate check keys rows by year, sub-sector and gas: every name of the vocabulary is
	// told apart, and a true repeat is still caught.
	it('tells apart every sub-sector and gas of the vocabulary, and catches a true repeat', async () => {
		const fresh = await createFixtureDb();
		try {
			// "Waste management" is the older releases' name of "Waste", with the same sub-sectors.
			const sectors = Object.entries(DESNZ_SECTORS).filter(([s]) => s !== 'Waste management');
			const rows = sectors.flatMap(([sector, subs]) =>
				subs.flatMap((sub) =>
					DESNZ_GASES.map((gas) =>
						line({ 'LA GHG Sector': sector, 'LA GHG Sub-sector': sub, 'Greenhouse gas': gas })
					)
				)
			);
			const r = await importDesnz(fresh, [HEADER, ...rows]);
			expect(r.groups.filter((g) => g.severity === 'error')).toEqual([]);
			expect(r).toMatchObject({ status: 'committed', rowsWritten: rows.length });
			const again = await importDesnz(fresh, [HEADER, rows[0]!, rows[0]!]);
			expect(again.groups.filter((g) => g.severity === 'error')).toEqual([
				expect.objectContaining({ code: 'duplicate_row', rows: [3] })
			]);
		} finally {
			fresh.close();
		}
	});

	it('imports a synthetic full-size-format file quickly', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'desnz-'));
		try {
			const path = join(dir, 'desnz-synthetic.csv');
			const rows = 30_000;
			await writeSyntheticDesnz(path, rows, 7);
			const fresh = await createFixtureDb();
			const started = performance.now();
			const r = await importDesnz(fresh, path);
			const ms = performance.now() - started;
			expect(r).toMatchObject({ status: 'committed', rowsRead: rows, rowsWritten: rows });
			expect(r.groups.filter((g) => g.severity !== 'info')).toEqual([]);
			console.log(
				`desnz-ghg: ${rows} rows in ${ms.toFixed(0)} ms (${Math.round(rows / (ms / 1000))} rows/s)`
			);
			fresh.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
