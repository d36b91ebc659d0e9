/**
 * The national benchmark's generator (scripts/generate-national.ts): the same seed gives the same
 * bytes, the quick size has its counts and its first rows, everything says it is sample data, and
 * the files import cleanly, in order, through the command-line importer with --sample, every row
 * flagged as sample. No timing: the benchmark's figures are never tested.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { desnzRowsPerYear } from '../../scripts/generate-desnz';
import { generateNational, NATIONAL_SIZES } from '../../scripts/generate-national';
import { runMain } from '../helpers/cli';
import { shippedDb } from '../helpers/shipped-db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-national-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files' contents, by what they hold (the seed is in their names). */
const hashes = (folder: string) =>
	Object.fromEntries(
		readdirSync(folder).map((f) => [
			f.replace(/^.*seed-\d+-/, ''),
			createHash('sha256')
				.update(readFileSync(join(folder, f)))
				.digest('hex')
		])
	);
const rowsOf = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

describe('the national dataset generator', () => {
	it('writes the quick size with its counts and first rows, the same bytes for the same seed', async () => {
		const folder = (name: string) => mkdtempSync(join(dir, name));
		const [a, b, c] = [folder('a-'), folder('b-'), folder('c-')];
		const first = await generateNational(a, { size: 'quick' });
		await generateNational(b, { size: 'quick' });
		await generateNational(c, { size: 'quick', seed: 7 });

		const quick = NATIONAL_SIZES.quick;
		const counts = Object.fromEntries(first.files.map((f) => [f.kind, f.rows]));
		expect(counts).toMatchObject({
			competitions: quick.competitions,
			bids: quick.bids,
			actions: quick.actions,
			emissions: desnzRowsPerYear() * quick.emissionYears
		});
		expect(counts.milestones).toBeGreaterThan(quick.actions);
		for (const f of first.files) {
			expect(basename(f.path)).toMatch(/synthetic/);
			expect(rowsOf(f.path)).toHaveLength(f.rows);
		}
		expect(hashes(b)).toEqual(hashes(a));
		for (const kind of ['competitions', 'bids', 'actions', 'milestones', 'emissions-desnz'])
			expect(hashes(c)[`${kind}.csv`]).not.toBe(hashes(a)[`${kind}.csv`]);

		const file = (kind: string) => first.files.find((f) => f.kind === kind)!.path;
		const bids = rowsOf(file('bids'));
		expect(bids[0]).toMatchObject({
			reference: 'SAMPLE-ABC-2012-00001',
			lead_authority: 'ABC',
			scheme: 'Sample: Zero Emission Bus Fund 311',
			round: 'Wave 1',
			requested: '623000',
			status: 'lost',
			decided_on: '14/09/2012'
		});
		expect(rowsOf(file('competitions'))[0]).toMatchObject({
			scheme: 'Sample: Solar Schools Fund 1',
			round: 'Wave 1',
			opens: '08/10/2018',
			closes: '05/12/2018'
		});
		expect(rowsOf(file('actions'))[0]).toMatchObject({
			authority: 'ABC',
			reference: 'SAMPLE-ABC-ACT-00001',
			status: 'complete',
			funded_by: 'SAMPLE-ABC-2019-00004'
		});
		expect(rowsOf(file('milestones'))[0]).toMatchObject({
			action_reference: 'SAMPLE-ABC-ACT-00001',
			milestone: 'Funding confirmed',
			due: '15/10/2020',
			done_on: '27/09/2020'
		});
		// Every current council, each bidding and acting; every row saying it is sample data.
		expect(new Set(bids.map((r) => r.lead_authority)).size).toBe(397);
		expect(bids.every((r) => r.scheme!.startsWith('Sample: '))).toBe(true);
		expect(bids.every((r) => /^SAMPLE-/.test(r.reference!) && /Sample data/.test(r.notes!))).toBe(
			true
		);
		expect(bids.filter((r) => r.partner_authorities).length).toBeGreaterThan(quick.bids / 5);
	}, 120_000);

	it('imports cleanly through npm run import -- --sample, every row flagged as sample', async () => {
		const out = mkdtempSync(join(dir, 'small-'));
		const size = { competitions: 40, bids: 120, actions: 120, emissionYears: 1 };
		const { files } = await generateNational(out, { size, seed: 3 });
		const db = join(dir, 'small.db');
		await shippedDb(db);
		for (const f of files) {
			const r = await runMain('import', ['--sample', '--json', '--feed', f.feed, f.path], db);
			expect(r.code, r.stdout + r.stderr).toBe(0);
			const [report] = JSON.parse(r.stdout) as {
				status: string;
				rowsRejected: number;
				groups: { severity: string }[];
			}[];
			expect(report).toMatchObject({ status: 'committed', rowsRejected: 0 });
			expect(report!.groups.filter((g) => g.severity !== 'info')).toEqual([]);
		}
		const sqlite = new Database(db, { readonly: true });
		const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
		expect(count('SELECT count(*) FROM bids WHERE is_sample = 1')).toBe(120);
		expect(count('SELECT count(*) FROM bids WHERE is_sample = 0')).toBe(0);
		expect(count('SELECT count(*) FROM actions WHERE is_sample = 1')).toBe(120);
		expect(count("SELECT count(*) FROM competitions WHERE scheme LIKE 'Sample: %'")).toBe(40);
		expect(
			count("SELECT count(*) FROM competitions WHERE scheme LIKE 'Sample: %' AND is_sample = 0")
		).toBe(0);
		expect(count('SELECT count(*) FROM action_milestones')).toBe(
			files.find((f) => f.kind === 'milestones')!.rows
		);
		expect(count('SELECT count(*) FROM import_batches WHERE is_sample = 1')).toBe(files.length);
		sqlite.close();
	}, 120_000);
});
