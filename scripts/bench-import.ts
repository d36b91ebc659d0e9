/**
 * `npm run bench:import [-- ROWS]`: how fast the import pipeline loads a DESNZ-format file,
 * against the sqlite3 command line's own `.import` of the same file into a plain table (the
 * native reference: it validates nothing and builds no index). Prints both rates, our peak
 * memory, and as the last line `import/native ratio: R`. Not a test: it prints figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
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
	const nativeRuns: number[] = [];
	for (let i = 0; i < 3; i++) {
		const db = join(dir, `native-${i}.db`);
		const started = process.hrtime.bigint();
		execFileSync('sqlite3', [db, '.mode csv', `.import ${file} emissions_plain`]);
		nativeRuns.push(Number(process.hrtime.bigint() - started) / 1e6);
		rmSync(db, { force: true });
	}
	const nativeMs = median(nativeRuns);
	const nativeRate = rows / (nativeMs / 1000);
	console.log(
		`native sqlite3 .import: ${Math.round(nativeMs)} ms, ${Math.round(nativeRate).toLocaleString('en-GB')} rows/s (median of 3)`
	);

	const ours: { ms: number; maxRssMb: number; written: number; status: string }[] = [];
	for (let i = 0; i < 3; i++) {
		const db = join(dir, `ours-${i}.db`);
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/bench-import-child.ts', db, file],
			{
				env: { ...process.env, DATABASE_URL: db },
				maxBuffer: 16 * 1024 * 1024
			}
		).toString();
		const result = JSON.parse(out.trim().split('\n').pop()!) as (typeof ours)[number];
		if (result.status !== 'committed') throw new Error(`our import did not commit: ${out}`);
		ours.push(result);
		for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) rmSync(db + suffix);
	}
	const oursMs = median(ours.map((o) => o.ms));
	const oursRate = rows / (oursMs / 1000);
	const peak = Math.max(...ours.map((o) => o.maxRssMb));
	console.log(
		`our import (parse, validate, resolve, write with indexes): ${Math.round(oursMs)} ms, ${Math.round(oursRate).toLocaleString('en-GB')} rows/s (median of 3), ${ours[0]!.written.toLocaleString('en-GB')} rows written`
	);
	console.log(
		`our peak memory (max RSS of the importing process): ${Math.round(peak)} MB (target < 400 MB)`
	);
	console.log(`import/native ratio: ${(oursRate / nativeRate).toFixed(2)}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
