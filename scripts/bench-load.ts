/**
 * `npm run bench:load [-- ROWS]`: how the built server answers the main pages idle, and while a
 * large import runs beside it. Builds when the sources changed (as `npm start` does), prepares a
 * database (migrations and the shipped data) in a temporary folder, starts scripts/serve.js on a
 * free loopback port against a copy of it, drives the pages with autocannon for BENCH_SECONDS
 * (default 20) idle, then again while the command line imports a generated DESNZ-format file of
 * ROWS rows (default 500,000) into the same database, and prints requests/s, p50/p99 latency and
 * errors for both, and the ratio of the p99s. Not a test: it prints figures.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
	ensureBuilt,
	prepareShippedDatabase,
	startServer,
	type RunningServer
} from './bench/server';

const rows = Number(process.argv[2] ?? 500_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PAGES = [
	'/',
	'/authorities',
	'/authorities/TRF',
	'/authorities/TRF/progress',
	'/funding',
	'/deadlines',
	'/progress',
	'/compare',
	'/authorities/TRF/report'
];
const dir = mkdtempSync(join(tmpdir(), 'nzl-load-'));
const node = process.execPath;

interface Figures {
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	errors: number;
}

async function drive(baseUrl: string): Promise<Figures> {
	const result = await autocannon({
		url: baseUrl,
		connections,
		duration: seconds,
		requests: PAGES.map((path) => ({ method: 'GET', path })),
		headers: { 'accept-encoding': 'br, gzip' }
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

const line = (label: string, f: Figures) =>
	`${label.padEnd(16)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(f.p99).padStart(5)} ms   ${f.requests} requests, ${f.errors} errors`;

let server: RunningServer | null = null;
try {
	await ensureBuilt();
	const template = join(dir, 'prepared.db');
	console.log('Preparing a database with the shipped data…');
	await prepareShippedDatabase(template);
	const db = join(dir, 'bench.db');
	copyFileSync(template, db);

	const file = join(dir, `desnz-synthetic-${rows}.csv`);
	console.log(`Generating ${rows.toLocaleString('en-GB')} DESNZ-format rows…`);
	execFileSync(node, ['--import', 'tsx', 'scripts/generate-desnz.ts', file, String(rows)], {
		stdio: 'inherit'
	});

	server = await startServer(db);
	const { baseUrl } = server;
	console.log(`Driving ${PAGES.join(', ')} with ${connections} connections, ${seconds} s each.`);
	const idle = await drive(baseUrl);
	console.log(line('idle', idle));

	const started = Date.now();
	const importer = spawn(
		node,
		['--import', 'tsx', 'scripts/import.ts', '--feed', 'desnz-ghg', file],
		{ env: { ...process.env, DATABASE_URL: db }, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	const imported = new Promise<number>((resolve) =>
		importer.on('exit', (code) => resolve(code ?? 1))
	);
	let importEnded: number | null = null;
	void imported.then(() => (importEnded = Date.now()));
	const busy = await drive(baseUrl);
	console.log(line('during import', busy));
	const code = await imported;
	const importSeconds = ((importEnded ?? Date.now()) - started) / 1000;
	const overlap = Math.min(importSeconds, seconds);
	console.log(
		`The import ${code === 0 ? 'committed' : `failed (exit ${code})`} in ${importSeconds.toFixed(1)} s; it ran during ${overlap.toFixed(1)} of the ${seconds} s measured.`
	);
	console.log(`p99 during import / idle: ${(busy.p99 / Math.max(idle.p99, 1)).toFixed(2)}`);
} finally {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
}
