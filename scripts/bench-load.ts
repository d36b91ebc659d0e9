/**
 * `npm run bench:load [-- ROWS [UPLOAD_ROWS]]`: how the built server answers the main pages idle,
 * while a large import runs beside it, and while a larger file is uploaded, checked and committed
 * through the web. Builds when the sources changed (as `npm start` does), prepares a database
 * (migrations and the shipped data) in a temporary folder, starts scripts/serve.js on a free
 * loopback port against a copy of it, drives the pages with autocannon for BENCH_SECONDS
 * (default 20) idle, then again while the command line imports a generated DESNZ-format file of
 * ROWS rows (default 500,000) into the same database, then from the start of a web upload of
 * UPLOAD_ROWS rows (default 1,000,000) by a signed-in admin to the end of its commit (the server's
 * writer thread checks and imports it), and prints requests/s, p50/p99 latency and errors for
 * each, and the ratio of the p99s to idle. Not a test: it prints figures.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import {
	ensureBuilt,
	prepareShippedDatabase,
	startServer,
	type RunningServer
} from './bench/server';
import { addBenchAdmin, importThroughWeb, signIn } from './bench/web-upload';

const rows = Number(process.argv[2] ?? 500_000);
const uploadRows = Number(process.argv[3] ?? 1_000_000);
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

/** The pages driven for `seconds`, or until `until` settles when given. */
async function drive(baseUrl: string, until?: Promise<unknown>): Promise<Figures> {
	const result = await new Promise<Result>((resolve, reject) => {
		const run = autocannon(
			{
				url: baseUrl,
				connections,
				duration: until ? 3600 : seconds,
				requests: PAGES.map((path) => ({ method: 'GET', path })),
				headers: { 'accept-encoding': 'br, gzip' }
			},
			(err, r) => (err ? reject(err) : resolve(r))
		);
		void until?.finally(() => run.stop());
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
	addBenchAdmin(db);

	const file = join(dir, `desnz-synthetic-${rows}.csv`);
	console.log(`Generating ${rows.toLocaleString('en-GB')} DESNZ-format rows…`);
	execFileSync(node, ['--import', 'tsx', 'scripts/generate-desnz.ts', file, String(rows)], {
		stdio: 'inherit'
	});
	const uploadFile = join(dir, `desnz-synthetic-upload-${uploadRows}.csv`);
	console.log(`Generating ${uploadRows.toLocaleString('en-GB')} DESNZ-format rows to upload…`);
	execFileSync(
		node,
		['--import', 'tsx', 'scripts/generate-desnz.ts', uploadFile, String(uploadRows)],
		{ stdio: 'inherit' }
	);

	// The upload is larger than the default limit of 200 MB.
	server = await startServer(db, { env: { MAX_UPLOAD_MB: '2048' } });
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

	const cookie = await signIn(baseUrl);
	const uploaded = importThroughWeb(baseUrl, cookie, uploadFile, 'desnz-ghg');
	const during = await drive(baseUrl, uploaded);
	const steps = await uploaded;
	console.log(line('during upload', during));
	console.log(
		`The web upload of ${uploadRows.toLocaleString('en-GB')} rows (${(statSync(uploadFile).size / 1e6).toFixed(0)} MB) was uploaded in ${steps.uploadedS.toFixed(1)} s, checked by ${steps.checkedS.toFixed(1)} s and ${steps.status} by ${steps.committedS.toFixed(1)} s; the pages were driven throughout.`
	);
	console.log(`p99 during upload / idle: ${(during.p99 / Math.max(idle.p99, 1)).toFixed(2)}`);
} finally {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
}
