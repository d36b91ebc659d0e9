/**
 * `npm run bench:load [-- ROWS]`: how the built server answers the main pages idle, and while a
 * large import runs beside it. Builds when the sources changed (as `npm start` does), prepares a
 * database (migrations and the shipped data) in a temporary folder, starts scripts/serve.js on a
 * free loopback port against a copy of it, drives the pages with autocannon for BENCH_SECONDS
 * (default 20) idle, then again while the command line imports a generated DESNZ-format file of
 * ROWS rows (default 500,000) into the same database, and prints requests/s, p50/p99 latency and
 * errors for both, and the ratio of the p99s. Not a test: it prints figures.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { serverEnv, sourcesFingerprint } from './start.js';
import { readConfig } from '../src/lib/server/config';
import { prepareDatabase } from '../src/lib/server/startup';

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

function buildIfNeeded() {
	const stamp = join('build', '.sources');
	const fingerprint = sourcesFingerprint();
	if (
		existsSync('build/index.js') &&
		existsSync(stamp) &&
		readFileSync(stamp, 'utf8').trim() === fingerprint
	)
		return;
	console.log('Building the app…');
	execFileSync(node, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	writeFileSync(stamp, fingerprint + '\n');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

async function waitUntilReady(url: string, server: ChildProcess) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}).`);
		try {
			if ((await fetch(url)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`The server was not ready at ${url} after 120 s.`);
}

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

let server: ChildProcess | null = null;
try {
	buildIfNeeded();
	const template = join(dir, 'prepared.db');
	console.log('Preparing a database with the shipped data…');
	const handle = await prepareDatabase({ ...readConfig(), DATABASE_URL: template }, () => {});
	handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	handle.close();
	const db = join(dir, 'bench.db');
	copyFileSync(template, db);

	const file = join(dir, `desnz-synthetic-${rows}.csv`);
	console.log(`Generating ${rows.toLocaleString('en-GB')} DESNZ-format rows…`);
	execFileSync(node, ['--import', 'tsx', 'scripts/generate-desnz.ts', file, String(rows)], {
		stdio: 'inherit'
	});

	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	server = spawn(node, ['scripts/serve.js'], {
		env: serverEnv({ ...process.env, DATABASE_URL: db, PORT: String(port), HOST: '127.0.0.1' }),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitUntilReady(baseUrl, server);
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
	server?.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 500));
	rmSync(dir, { recursive: true, force: true });
}
