/**
 * The national benchmark's database: prepared as the server's first start prepares it (migrations
 * and the shipped data), then the generated national dataset (scripts/generate-national.ts)
 * imported file by file through the command-line importer, `npm run import -- --sample`, each
 * import timed. Also the small import that changes the data version before a cold request.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { readConfig } from '../../src/lib/server/config';
import { templateCompetitionsFeed } from '../../src/lib/server/feeds/template-competitions';
import { runImport } from '../../src/lib/server/import/run-import';
import { prepareDatabase } from '../../src/lib/server/startup';
import { SAMPLE_NOTE } from '../../src/lib/server/demo/sample-catalogue';
import { generateNational, type NationalFile, type NationalSize } from '../generate-national';
import { importPace, paceWords, type ImportPace } from './import-pace';
import { prepareShippedDatabase } from './server';

export interface ImportTiming {
	file: NationalFile;
	seconds: number;
	/** The rate over the file's first and last 10,000 rows (importer's progress lines). */
	pace: ImportPace | null;
}

export interface NationalDatabase {
	path: string;
	seed: number;
	asOf: string;
	size: NationalSize;
	prepareSeconds: number;
	generateSeconds: number;
	imports: ImportTiming[];
	/** Rows stored, per table, after the imports. */
	tables: Record<string, number>;
	megabytes: number;
}

/** Tables whose size the report gives. */
const COUNTED = [
	'authorities',
	'competitions',
	'competition_dates',
	'bids',
	'partners',
	'bid_status_history',
	'awards',
	'actions',
	'action_milestones',
	'action_funding',
	'emissions',
	'import_batches'
];

const since = (started: number) => (performance.now() - started) / 1000;

/** Prepare, generate and import into `dir`/national.db, saying what it does as it goes. */
export async function buildNationalDatabase(
	dir: string,
	options: { quick: boolean; seed: number; asOf: string }
): Promise<NationalDatabase> {
	const path = join(dir, 'national.db');
	let started = performance.now();
	console.log('Preparing a database with the shipped data…');
	await prepareShippedDatabase(path);
	const prepareSeconds = since(started);

	started = performance.now();
	const generated = await generateNational(dir, {
		seed: options.seed,
		size: options.quick ? 'quick' : 'full',
		asOf: options.asOf
	});
	const generateSeconds = since(started);
	console.log(`Generated the synthetic national dataset in ${generateSeconds.toFixed(1)} s.`);

	const imports: ImportTiming[] = [];
	for (const file of generated.files) {
		started = performance.now();
		const run = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/import.ts', '--sample', '--feed', file.feed, file.path],
			{ env: { ...process.env, DATABASE_URL: path }, encoding: 'utf8', maxBuffer: 64 << 20 }
		);
		if (run.status !== 0)
			throw new Error(
				`The import of ${file.path} failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`
			);
		const seconds = since(started);
		const pace = importPace(run.stderr);
		imports.push({ file, seconds, pace });
		console.log(
			`  imported ${file.rows.toLocaleString('en-GB')} ${file.kind} rows in ${seconds.toFixed(1)} s${pace ? `; ${paceWords(pace)}` : ''}`
		);
	}

	const sqlite = new Database(path, { readonly: true });
	const tables = Object.fromEntries(
		COUNTED.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])
	);
	sqlite.close();
	const megabytes = ['', '-wal']
		.map((s) => statSync(path + s, { throwIfNoEntry: false })?.size ?? 0)
		.reduce((a, b) => a + b, 0);
	return {
		path,
		seed: generated.seed,
		asOf: generated.asOf,
		size: generated.size,
		prepareSeconds,
		generateSeconds,
		imports,
		tables,
		megabytes: megabytes / 1024 / 1024
	};
}

/**
 * Changes the data version as any import does: a one-row competitions import (a sample round
 * whose budget changes each time) through the import pipeline, from this process, committed
 * like the command line's. The server's caches keyed on the data then start again.
 */
export async function dataToucher(path: string) {
	const handle = await prepareDatabase({ ...readConfig(), DATABASE_URL: path }, () => {});
	let n = 0;
	return {
		async touch() {
			n++;
			const csv = `scheme,round,kind,budget,notes\nSample: Benchmark Fund,Round 1,Competitive,${n * 1000},${SAMPLE_NOTE} for the national benchmark: changed to change the data version.\n`;
			const report = await runImport(handle, {
				feed: templateCompetitionsFeed,
				source: Readable.from([Buffer.from(csv, 'utf8')]),
				fileName: `benchmark-synthetic-touch-${n}.csv`,
				importedBy: 'national benchmark',
				mode: 'strict',
				isSample: true
			});
			if (report.status !== 'committed')
				throw new Error(`The benchmark's one-row import did not commit: ${report.fatal ?? ''}`);
		},
		close: () => handle.close()
	};
}
