/**
 * `npm run bench:import [-- ROWS]`: how fast the import pipeline loads a DESNZ-format file,
 * against the sqlite3 command line's own `.import` of the same file into a plain table (the
 * native reference: it validates nothing and builds no index). Prints both rates, our peak
 * memory, and as the last line `import/native ratio: R`, the median of the ratios of runs taken in
 * turns (native, ours, native, ours…). Not a test: it prints figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
/** Pairs of runs (native, ours), taken in turns. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'nzl-bench-'));
const file = join(dir, `desnz-synthetic-${rows}.csv`);

function ensureSqliteCli() {
	if (spawnSync('sqlite3', ['-version']).status === 0) return;
	console.log('Installing the sqlite3 command line (apt-get)…');
	execFileSync(
		'bash',
		['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3'],
		{ stdio: 'inherit' }
	);
}

function median(values: number[]) {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

try {
	console.log(`Generating ${rows.toLocaleString('en-GB')} DESNZ-format rows…`);
	execFileSync(
		process.execPath,
		['--import', 'tsx', 'scripts/generate-desnz.ts', file, String(rows)],
		{ stdio: 'inherit' }
	);
	const mb = statSync(file).size / 1024 / 1024;
	console.log(`File: ${mb.toFixed(1)} MB`);

	ensureSqliteCli();
	// In turns, native then ours, and the ratio taken pair by pair: on a shared machine whose speed
	// drifts, a pair's two runs see the same machine, so the median of the ratios is the honest one.
	const pairs: { nativeMs: number; oursMs: number; maxRssMb: number; written: number }[] = [];
	for (let i = 0; i < RUNS; i++) {
		const nativeDb = join(dir, `native-${i}.db`);
		const started = process.hrtime.bigint();
		execFileSync('sqlite3', [nativeDb, '.mode csv', `.import ${file} emissions_plain`]);
		const nativeMs = Number(process.hrtime.bigint() - started) / 1e6;
		rmSync(nativeDb, { force: true });

		const db = join(dir, `ours-${i}.db`);
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/bench-import-child.ts', db, file],
			{
				env: { ...process.env, DATABASE_URL: db },
				maxBuffer: 16 * 1024 * 1024
			}
		).toString();
		const result = JSON.parse(out.trim().split('\n').pop()!) as {
			ms: number;
			maxRssMb: number;
			written: number;
			status: string;
		};
		if (result.status !== 'committed') throw new Error(`our import did not commit: ${out}`);
		for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) rmSync(db + suffix);
		pairs.push({ nativeMs, oursMs: result.ms, maxRssMb: result.maxRssMb, written: result.written });
		console.log(
			`  pair ${i + 1}: native ${Math.round(nativeMs)} ms, ours ${Math.round(result.ms)} ms, ratio ${(nativeMs / result.ms).toFixed(2)}`
		);
	}
	const rate = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
	const nativeMs = median(pairs.map((p) => p.nativeMs));
	const oursMs = median(pairs.map((p) => p.oursMs));
	console.log(
		`native sqlite3 .import: ${Math.round(nativeMs)} ms, ${rate(nativeMs)} rows/s (median of ${RUNS})`
	);
	console.log(
		`our import (parse, validate, resolve, write with indexes): ${Math.round(oursMs)} ms, ${rate(oursMs)} rows/s (median of ${RUNS}), ${pairs[0]!.written.toLocaleString('en-GB')} rows written`
	);
	const peak = Math.max(...pairs.map((p) => p.maxRssMb));
	console.log(
		`our peak memory (max RSS of the importing process): ${Math.round(peak)} MB (target < 400 MB)`
	);
	// Ours as a share of native speed: native time ÷ our time, per pair.
	console.log(
		`import/native ratio: ${median(pairs.map((p) => p.nativeMs / p.oursMs)).toFixed(2)} (median of ${RUNS} pairwise ratios)`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
