/**
 * The command-line importer on a database file: exit codes, dry run, header mapping, JSON
 * output, and the two-thread path for large feeds, whose result must equal the single-threaded
 * pipeline's row for row. Its main() runs in this process; the two tests of two writers at once
 * start it as a user does (tsx, a process of its own), as the other writer is another program.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginWrite } from '../../src/lib/server/import/write-lock';
import { runMain, runScript } from '../helpers/cli';
import { createTestDb, fixture, importFile, loadAuthorities } from '../helpers/db';
import { shippedDb } from '../helpers/shipped-db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-cli-'));
const dbPath = join(dir, 'cli.db');

const runCli = (args: string[]) => runMain('import', args, dbPath);

const emissionRows = (sqlite: Database.Database) =>
	sqlite
		.prepare(
			`SELECT e.authority_code, e.year, e.sector, e.sub_sector, e.gas, e.territorial_kt, e.influence_kt, e.is_aggregate
			 FROM emissions e JOIN emission_releases r ON r.id = e.release_id WHERE r.dataset_key = 'desnz-la-ghg'
			 ORDER BY 1, 2, 4, 5`
		)
		.all();

beforeAll(async () => {
	// Migrated and loaded, as the first run of a command leaves a new database file.
	await shippedDb(dbPath);
	expect((await runCli(['--help'])).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
	it('refuses a DESNZ file with unknown councils by default, writing nothing, and says why', async () => {
		const r = await runCli([fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('REJECTED: nothing written');
		expect(r.stdout).toMatch(/unknown authority/);
		const db = new Database(dbPath, { readonly: true });
		expect(emissionRows(db)).toEqual([]);
		db.close();
	}, 60_000);

	it('with --accept-valid imports the valid rows on two threads, exactly as the one-thread pipeline does', async () => {
		const r = await runCli(['--accept-valid', '--json', fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(0);
		const [report] = JSON.parse(r.stdout) as {
			status: string;
			rowsAccepted: number;
			rowsRejected: number;
		}[];
		expect(report).toMatchObject({ status: 'committed' });
		expect(report!.rowsRejected).toBeGreaterThan(0);
		// In the audit trail, linked to its batch, as a web import is.
		const audit = new Database(dbPath, { readonly: true });
		const entry = audit
			.prepare("SELECT actor, action, batch_id FROM audit_log WHERE action = 'import'")
			.get() as { actor: string; batch_id: number };
		audit.close();
		expect(entry.actor).toMatch(/^cli:/);
		expect(entry.batch_id).toBe((report as { batchId?: number }).batchId);

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

	it('re-importing the same file writes nothing', async () => {
		const r = await runCli(['--accept-valid', '--json', fixture('desnz/desnz-sample.csv')]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'committed', rowsWritten: 0 });
	}, 60_000);

	it('maps differently named columns with --map, and a dry run writes nothing', async () => {
		const file = join(dir, 'renamed.csv');
		writeFileSync(
			file,
			'Council code,Scope,Target year,Wording\nTRF,Council operations,2041,CLI mapped promise\n'
		);
		const unmapped = await runCli(['--feed', 'mysociety-promises', file]);
		expect(unmapped.code).toBe(1);
		expect(unmapped.stdout).toContain('lacks the columns');

		const dry = await runCli([
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

		const real = await runCli([
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

	it('says when no feed matches and exits non-zero; rejects a malformed --map', async () => {
		const file = join(dir, 'odd.csv');
		writeFileSync(file, 'a,b\n1,2\n');
		const r = await runCli([file]);
		expect(r.code).toBe(1);
		expect(r.stdout.match(/No feed matches its header row/g)).toHaveLength(1);
		expect(r.stderr).not.toMatch(/no feed matches/i);
		expect((await runCli(['--map', 'nonsense', file])).code).toBe(2);
	}, 60_000);

	// Reported: "--map measure=ignore" and mappings to fields that do not exist were silently dropped.
	it('leaves out a column mapped to ignore, and refuses a mapping to no field, naming the fields', async () => {
		const file = join(dir, 'own-wording.csv');
		writeFileSync(
			file,
			'local-authority-code,scope,target,wording,Text\nTRF,Council operations,2039,not this,CLI ignore promise\n'
		);
		const bad = await runCli([
			'--dry-run',
			'--feed',
			'mysociety-promises',
			'--map',
			'Text=wordin',
			file
		]);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toContain('The mapping sends "Text" to "wordin"');
		expect(bad.stdout).toContain('or "ignore" to leave the column out');
		const ok = await runCli([
			'--dry-run',
			'--feed',
			'mysociety-promises',
			'--map',
			'wording=ignore',
			'--map',
			'Text=wording',
			file
		]);
		expect(ok.code).toBe(0);
	}, 60_000);

	// Reported: the 2022 plans sheet imported after the shipped one set dates, titles and types
	// back. A check says how many values it would set back; --allow-older writes them.
	it('says how many values an older file would set back, and --allow-older writes them', async () => {
		const older = fixture('plans-2022-edition.csv');
		const check = await runCli(['--dry-run', older]);
		expect(check.code).toBe(0);
		expect(check.stdout).toContain(
			'This file would set back 10 stored values (blanks over values, older records over newer): they are kept as stored. --allow-older writes them.'
		);
		expect(check.stdout).toMatch(/warning: 6 rows: dated before the stored record/);
		const asked = await runCli(['--dry-run', '--allow-older', older]);
		expect(asked.stdout).toContain('Would set back 10 stored values');
	}, 60_000);

	// Reported: empty files, binary files, ZIP, gzip, PDF and XML all got "No feed matches its
	// header row" (printed twice, on stderr and in the report).
	it('says what a file is when it is not a CSV file, once', async () => {
		const files = {
			'empty.csv': Buffer.alloc(0),
			'workbook.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
			'report.pdf': Buffer.from('%PDF-1.7\n1 0 obj\n'),
			'rows.xml': Buffer.from('<?xml version="1.0"?>\n<rows/>\n')
		};
		const paths = Object.entries(files).map(([name, bytes]) => {
			writeFileSync(join(dir, name), bytes);
			return join(dir, name);
		});
		const r = await runCli(['--feed', 'mysociety-promises', ...paths]);
		expect(r.code).toBe(1);
		for (const said of [
			'This file is empty',
			'This is a ZIP archive, not a CSV file',
			'This is a PDF document, not a CSV file',
			'This is an XML document, not a CSV file'
		])
			expect(r.stdout.split(said).length - 1, said).toBe(1);
		expect(r.stdout).not.toMatch(/No feed matches|not valid UTF-8/);
		expect(r.stderr).toBe('');
	}, 60_000);

	// Reported: a missing file, a folder, an unknown option and no arguments printed stack traces
	// (or, for no arguments, the usage on stdout).
	it('answers bad arguments with one sentence on stderr and exit 2, importing nothing', async () => {
		const file = join(dir, 'args.csv');
		writeFileSync(file, 'local-authority-code,scope,target,wording\n');
		for (const args of [[], ['--nope', file], [join(dir, 'missing.csv')], [dir], ['--feed']]) {
			const r = await runCli(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr, args.join(' ')).toMatch(/^[^\n]+\.\n$/);
			expect(r.stdout, args.join(' ')).toBe('');
		}
	}, 60_000);

	// Reported: with several files and --json, a file that failed (no feed, or an error) left no
	// report, and an exception lost the JSON of the files before it.
	it('with --json prints a report for every file in order, a failing one as a report', async () => {
		const odd = join(dir, 'odd-json.csv');
		writeFileSync(odd, 'a,b\n1,2\n');
		const quote = join(dir, 'desnz-quote.csv');
		const desnz = readFileSync(fixture('bad/desnz-cut-short.csv'), 'utf8').split('\n');
		writeFileSync(
			quote,
			`${desnz[0]}\n${desnz[1]}\n${desnz[1]!.replace(',Domestic,', ',"Domestic,')}\n`
		);
		const good = join(dir, 'good-json.csv');
		writeFileSync(
			good,
			'local-authority-code,scope,target,wording\nTRF,Whole area,2042,CLI json\n'
		);
		const broken = fixture('bad/broken-utf8.csv');
		const cut = fixture('bad/desnz-cut-short.csv');
		const r = await runCli(['--json', '--dry-run', broken, odd, cut, quote, good]);
		expect(r.code).toBe(1);
		const reports = JSON.parse(r.stdout) as {
			fileName: string;
			feed: string | null;
			status: string;
			fatal: string | null;
			groups: { code: string; rows: number[]; values: string[] }[];
		}[];
		expect(reports.map((x) => [x.fileName, x.feed, x.status])).toEqual([
			['broken-utf8.csv', null, 'rejected'],
			['odd-json.csv', null, 'rejected'],
			['desnz-cut-short.csv', 'desnz-ghg', 'rejected'],
			['desnz-quote.csv', 'desnz-ghg', 'rejected'],
			['good-json.csv', 'mysociety-promises', 'dry-run']
		]);
		expect(reports[0]!.fatal).toMatch(/^The file is not valid UTF-8 throughout: line 3 has/);
		expect(reports[1]!.fatal).toMatch(/^No feed matches its header row/);
		// Read on the worker thread: its row problems and its unreadable-file error come across.
		expect(reports[2]!.groups).toContainEqual(
			expect.objectContaining({ code: 'short_row', rows: [3], values: ['7.'] })
		);
		expect(reports[3]!.fatal).toMatch(/^Row 3: the quote that opens the cell in column /);
	}, 60_000);

	// Reported: an ESC sequence in a cell reached the terminal raw (and could clear or recolour it).
	it('escapes control characters from the file in the human-readable report', async () => {
		const file = join(dir, 'control.csv');
		writeFileSync(
			file,
			'local-authority-code,scope,target,wording\n"\x1b[2J\x1b[31mZZ\rZ",Whole area,2030,x\n'
		);
		const r = await runCli(['--feed', 'mysociety-promises', '--dry-run', file]);
		expect(r.code).toBe(1);
		// ESC is removed from the cell (and said, escaped); the CR, a line break, stays, escaped.
		expect(r.stdout).toContain('found "\\x1b[2J\\x1b[31mZZ\\rZ"');
		expect(r.stdout).toContain('unknown authority "[2J[31mZZ\\rZ"');
		// eslint-disable-next-line no-control-regex -- looking for raw control characters
		expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
	}, 60_000);
});

// Reported: a second import while another held the write lock failed after 5 s with "database is
// locked" and a stack trace. Now it waits its turn (saying for whom), or with --no-wait exits 3.
describe('two writers at once', () => {
	it('with --no-wait exits 3 with one sentence naming the writer, importing nothing', async () => {
		const file = join(dir, 'waiting.csv');
		writeFileSync(file, 'local-authority-code,scope,target,wording\nMAN,Whole area,2038,x\n');
		const holder = new Database(dbPath);
		const lock = await beginWrite(holder, dbPath, 'the import of big-release.csv');
		try {
			const r = runScript('import', ['--feed', 'mysociety-promises', '--no-wait', file], dbPath);
			expect(r.code).toBe(3);
			expect(r.stderr).toMatch(
				/^The database is busy: the import of big-release\.csv \(process \d+\) is writing to it\. .*waiting\.csv was not imported/
			);
			expect(r.stderr).not.toMatch(/\n\s+at /);
		} finally {
			holder.exec('ROLLBACK');
			lock.release();
			holder.close();
		}
	}, 60_000);

	it('without it waits, says for whom, and imports once the other writer finishes', async () => {
		const file = join(dir, 'waiting.csv');
		const holder = new Database(dbPath);
		const lock = await beginWrite(holder, dbPath, 'the import of big-release.csv');
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'scripts/import.ts', '--feed', 'mysociety-promises', '--dry-run', file],
			{ env: { ...process.env, DATABASE_URL: dbPath } }
		);
		let stderr = '';
		let stdout = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.stdout.on('data', (d) => (stdout += d));
		const exited = new Promise<number>((resolve) =>
			child.on('exit', (code) => resolve(code ?? -1))
		);
		try {
			await expect
				.poll(() => stderr, { timeout: 30_000, interval: 100 })
				.toMatch(/Waiting for the import of big-release\.csv \(process \d+\) to finish writing/);
			expect(child.exitCode).toBeNull();
		} finally {
			holder.exec('ROLLBACK');
			lock.release();
			holder.close();
		}
		expect(await exited).toBe(0);
		expect(stdout).toContain('checked (dry run): nothing written');
	}, 60_000);
});
