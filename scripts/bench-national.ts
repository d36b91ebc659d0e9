/**
 * `npm run bench:national [-- --quick]`: how fast the built server answers at national scale.
 * Generates the synthetic national dataset (scripts/generate-national.ts: every current council,
 * 25 years of DESNZ-format emissions, 20,000 funding rounds, 100,000 bids, 100,000 actions with
 * their milestones; `--quick` about a tenth), imports it with the command-line importer into a
 * fresh database prepared with the shipped data, starts scripts/serve.js on it, and for every
 * public page, every public API GET route and one static file under /_app/immutable/ measures:
 * the response's size (plain and gzipped); its time cold (the first request after an import
 * changed the data version) and warm (serial requests), p50 and p99; requests/s and p99 under
 * BENCH_CONNECTIONS connections; each path against the static file; the server's memory; and
 * whether the static file stays within 3× its idle p99 while the heaviest page is under load.
 * Then the query plans of the funding and deadline pages (scripts/bench/query-plans.ts). Prints a
 * table and writes it as markdown (docs/benchmark.md; a quick run to var/benchmark-quick.md).
 * Knobs: BENCH_SECONDS (about how long each path is under load, default 5; quick 2; at least two
 * requests a connection, all answered), BENCH_CONNECTIONS (10), BENCH_COLD
 * (cold samples per path, 5; quick 3), BENCH_WARM (warm samples, 15; quick 5), BENCH_SEED,
 * BENCH_OUT (the markdown file), BENCH_KEEP=1 (keep the database, and say where).
 * Not a test: it prints figures.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import { ukToday } from '../src/lib/domain/dates';
import { DEFAULT_SAMPLE_SEED } from '../src/lib/server/demo/sample-catalogue';
import { buildNationalDatabase, dataToucher } from './bench/national-data';
import { drive, latencies, serialUntil, timedGet, untilKept } from './bench/measure';
import { pagePlans } from './bench/query-plans';
import { markdownReport, printTable, printPlans, type PathResult } from './bench/national-report';
import { ensureBuilt, processMemory, startServer, type Memory } from './bench/server';

const quick = process.argv.includes('--quick');
function knob(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a whole number, not "${raw}".`);
	return n;
}
const settings = {
	seconds: knob('BENCH_SECONDS', quick ? 2 : 5),
	connections: knob('BENCH_CONNECTIONS', 10),
	cold: knob('BENCH_COLD', quick ? 3 : 5),
	warm: knob('BENCH_WARM', quick ? 5 : 15)
};
const seed = knob('BENCH_SEED', DEFAULT_SAMPLE_SEED);
const out = process.env.BENCH_OUT || (quick ? 'var/benchmark-quick.md' : 'docs/benchmark.md');
const PAGES = [
	'/',
	'/authorities',
	'/authorities/TRF',
	'/authorities/TRF/progress',
	'/authorities/TRF/funding',
	'/authorities/TRF/report',
	'/authorities/TRF/similar',
	'/funding',
	'/deadlines',
	'/progress',
	'/compare',
	'/compare/side-by-side?codes=TRF,MAN',
	'/compare/partnerships',
	'/sources'
];
const PLANNED = ['/authorities/TRF/funding', '/funding', '/deadlines'];

/**
 * Every GET of the API description that answers without a sign-in (no security requirement, or
 * an empty one among them), for Trafford where it takes a code; and the council funding figures.
 */
async function apiPaths(baseUrl: string): Promise<string[]> {
	type Operation = { security?: object[]; parameters?: { in: string; required?: boolean }[] };
	const spec = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
		paths: Record<string, { get?: Operation }>;
	};
	const paths = Object.entries(spec.paths)
		.filter(
			([, { get }]) =>
				get && (!get.security?.length || get.security.some((s) => !Object.keys(s).length))
		)
		.filter(([, { get }]) => !get!.parameters?.some((p) => p.in === 'query' && p.required))
		.map(([path]) => path.replace('{code}', 'TRF'))
		.filter((path) => !path.includes('{'));
	if (paths.includes('/api/funding/metrics')) paths.push('/api/funding/metrics?authority=TRF');
	return paths;
}

/** One of the app's own scripts, as adapter-node serves it: the floor a page is set against. */
function staticAsset(): string {
	const dir = 'build/client/_app/immutable/entry';
	const name = readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.sort()[0];
	if (!name) throw new Error(`No script in ${dir}: is the app built?`);
	return `/_app/immutable/entry/${name}`;
}

const dir = mkdtempSync(join(tmpdir(), 'nzl-national-'));
const started = Date.now();
let stopServer: (() => Promise<void>) | null = null;
let closeToucher: (() => void) | null = null;
try {
	await ensureBuilt();
	const asOf = ukToday();
	const data = await buildNationalDatabase(dir, { quick, seed, asOf });
	const server = await startServer(data.path);
	stopServer = server.stop;
	const url = (path: string) => server.baseUrl + path;
	const pid = server.process.pid;
	const memory: Record<string, Memory | null> = { 'at start': processMemory(pid) };
	const floor = staticAsset();
	const results: PathResult[] = [
		...PAGES.map((path) => ({ path, kind: 'page' as const })),
		...(await apiPaths(server.baseUrl)).map((path) => ({ path, kind: 'api' as const })),
		{ path: floor, kind: 'static' as const }
	].map((p) => ({
		...p,
		status: 0,
		bytes: 0,
		gzipBytes: 0,
		cold: null,
		ready: null,
		warm: null,
		load: null
	}));
	console.log(
		`Measuring ${results.length} paths on ${server.baseUrl} (${JSON.stringify(settings)}).`
	);

	const toucher = await dataToucher(data.path);
	closeToucher = toucher.close;
	for (const r of results) {
		const plain = await timedGet(url(r.path), null);
		r.status = plain.status;
		r.bytes = plain.bytes;
		r.gzipBytes = (await timedGet(url(r.path), 'gzip')).bytes;
		const cold: number[] = [];
		const ready: number[] = [];
		for (let i = 0; i < settings.cold; i++) {
			await toucher.touch();
			const committed = performance.now();
			cold.push((await timedGet(url(r.path))).ms);
			ready.push(await untilKept(url(r.path), committed));
		}
		r.ready = latencies(ready);
		const warm: number[] = [];
		for (let i = 0; i < settings.warm; i++) warm.push((await timedGet(url(r.path))).ms);
		r.cold = latencies(cold);
		r.warm = latencies(warm);
		console.log(
			`  ${r.path}: ${r.status}, cold p50 ${r.cold.p50.toFixed(0)} ms, ready p50 ${r.ready.p50.toFixed(0)} ms, warm p50 ${r.warm.p50.toFixed(1)} ms`
		);
	}
	memory['after the serial requests'] = processMemory(pid);

	console.log(`Load: ${settings.connections} connections, ${settings.seconds} s a path…`);
	for (const r of results)
		r.load = await drive(url(r.path), settings.connections, settings.seconds, r.warm!.p50);
	memory['after the load'] = processMemory(pid);

	const heaviest = results
		.filter((r) => r.kind === 'page')
		.sort((a, b) => a.load!.rps - b.load!.rps)[0]!;
	console.log(`The static file idle, then while ${heaviest.path} is under load…`);
	const idle = new Promise((resolve) => setTimeout(resolve, settings.seconds * 1000));
	const staticIdle = latencies(await serialUntil(url(floor), idle));
	const heavyRun = drive(
		url(heaviest.path),
		settings.connections,
		settings.seconds,
		heaviest.warm!.p50
	);
	const [heavyLoad, staticLoaded] = await Promise.all([
		heavyRun,
		serialUntil(url(floor), heavyRun).then(latencies)
	]);
	memory['after the static check'] = processMemory(pid);
	await server.stop();
	stopServer = null;

	console.log(`Query plans of ${PLANNED.join(', ')}…`);
	const plans = await pagePlans(data.path, dir, PLANNED, toucher.touch);
	const underLoad = { heavy: heaviest.path, heavyLoad, staticIdle, staticLoaded };
	const report = {
		date: new Date(),
		minutes: (Date.now() - started) / 60_000,
		quick,
		settings,
		data,
		results,
		floor,
		underLoad,
		memory,
		plans
	};
	printTable(report);
	printPlans(plans);
	mkdirSync(dirname(out), { recursive: true });
	// As the project's formatter writes it, so the page passes `npm run lint` as written.
	const options = { ...(await prettier.resolveConfig(out)), filepath: out };
	writeFileSync(out, await prettier.format(markdownReport(report), options));
	console.log(`Wrote ${out} (${report.minutes.toFixed(1)} minutes in all).`);
} finally {
	closeToucher?.();
	await stopServer?.();
	if (process.env.BENCH_KEEP === '1') console.log(`The database is kept in ${dir}.`);
	else rmSync(dir, { recursive: true, force: true });
}
