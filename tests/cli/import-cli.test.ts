/**
 * The command-line importer as a user runs it (tsx, a database file): exit codes, dry run,
 * header mapping, JSON output, and the two-thread path for large feeds, whose result must equal
 * the single-threaded pipeline's row for row.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, fixture, importFile, loadAuthorities } from '../helpers/db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-cli-'));
const dbPath = join(dir, 'cli.db');

function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
	try {
		const stdout = execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/import.ts', ...args],
			{
				env: { ...process.env, DATABASE_URL: dbPath },
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		return { code: 0, stdout, stderr: '' };
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, stdout: err.stdout, stderr: err.stderr };
	}
}

const emissionRows = (sqlite: Database.Database) =>
	sqlite
		.prepare(
			`SELECT e.authority_code, e.year, e.sector, e.sub_sector, e.gas, e.territorial_kt, e.influence_kt, e.is_aggregate
			 FROM emissions e JOIN emission_releases r ON r.id = e.release_id WHERE r.dataset_key = 'desnz-la-ghg'
			 ORDER BY 1, 2, 4, 5`
		)
		.all();

beforeAll(() => {
	// A fresh database file: the first run migrates and loads the reference data itself.
	expect(runCli(['--help']).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
	it('refuses a DESNZ file with unknown councils by default, writing nothing, and says why', () => {
		const r = runCli([fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('REJECTED: nothing written');
		expect(r.stdout).toMatch(/unknown authority/);
		const db = new Database(dbPath, { readonly: true });
		expect(emissionRows(db)).toEqual([]);
		db.close();
	}, 60_000);

	it('with --accept-valid imports the valid rows on two threads, exactly as the one-thread pipeline does', async () => {
		const r = runCli(['--accept-valid', '--json', fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(0);
		const [report] = JSON.parse(r.stdout) as {
			status: string;
			rowsAccepted: number;
			rowsRejected: number;
		}[];
		expect(report).toMatchObject({ status: 'committed' });
		expect(report!.rowsRejected).toBeGreaterThan(0);

		const reference = createTestDb();
		await loadAuthorities(reference);
		const inProcess = await importFile(reference, 'desnz-ghg', fixture('desnz/desnz-sample.csv'), {
			mode: 'accept-valid'
		});
		expect(inProcess.rowsAccepted).toBe(report!.rowsAccepted);
		const db = new Database(dbPath, { readonly: true });
		const rows = emissionRows(db);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows).toEqual(emissionRows(reference.sqlite));
		db.close();
		reference.close();
	}, 60_000);

	it('re-importing the same file writes nothing', () => {
		const r = runCli(['--accept-valid', '--json', fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'committed', rowsWritten: 0 });
	}, 60_000);

	it('maps differently named columns with --map, and a dry run writes nothing', () => {
		const file = join(dir, 'renamed.csv');
		writeFileSync(
			file,
			'Council code,Scope,Target year,Wording\nTRF,Council operations,2041,CLI mapped promise\n'
		);
		const unmapped = runCli(['--feed', 'mysociety-promises', file]);
		expect(unmapped.code).toBe(1);
		expect(unmapped.stdout).toContain('missing columns');

		const dry = runCli([
			'--dry-run',
			'--map',
			'Council code=local-authority-code',
			'--map',
			'Target year=target',
			'--feed',
			'mysociety-promises',
			file
		]);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('dry run');
		const db = new Database(dbPath, { readonly: true });
		const count = () =>
			db.prepare("SELECT count(*) FROM targets WHERE wording = 'CLI mapped promise'").pluck().get();
		expect(count()).toBe(0);

		const real = runCli([
			'--map',
			'Council code=local-authority-code',
			'--map',
			'Target year=target',
			'--feed',
			'mysociety-promises',
			file
		]);
		expect(real.code).toBe(0);
		expect(count()).toBe(1);
		db.close();
	}, 60_000);

	it('says when no feed matches and exits non-zero; rejects a malformed --map', () => {
		const file = join(dir, 'odd.csv');
		writeFileSync(file, 'a,b\n1,2\n');
		const r = runCli([file]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('no feed matches its header row');
		expect(runCli(['--map', 'nonsense', file]).code).toBe(2);
	}, 60_000);
});
