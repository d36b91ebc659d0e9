/**
 * The national benchmark's figures as a table on the terminal and as a markdown page: the machine,
 * the dataset, the imports, every path's sizes and times against the static file, the static file
 * while the heaviest page is under load, the server's memory, and the query plans.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import type { Latencies, Load } from './measure';
import { PACE_ROWS, paceWords } from './import-pace';
import type { NationalDatabase } from './national-data';
import type { PagePlans } from './query-plans';
import { LARGE_TABLE } from './query-plans';
import type { Memory } from './server';

export interface PathResult {
	path: string;
	kind: 'page' | 'api' | 'static';
	status: number;
	bytes: number;
	gzipBytes: number;
	cold: Latencies | null;
	/** From the one-row import's commit until the server keeps the page again: its figures are
	 * then all of the new data (whole-country results computed again off the request thread). */
	ready: Latencies | null;
	warm: Latencies | null;
	load: Load | null;
}

export interface NationalReport {
	date: Date;
	minutes: number;
	quick: boolean;
	settings: { seconds: number; connections: number; cold: number; warm: number };
	data: NationalDatabase;
	results: PathResult[];
	floor: string;
	underLoad: { heavy: string; heavyLoad: Load; staticIdle: Latencies; staticLoaded: Latencies };
	memory: Record<string, Memory | null>;
	plans: PagePlans[];
}

const n = (x: number) => Math.round(x).toLocaleString('en-GB');
const ms = (x: number | undefined) => (x === undefined ? '–' : x < 10 ? x.toFixed(1) : n(x));
const kb = (bytes: number) => (bytes < 10_240 ? (bytes / 1024).toFixed(1) : n(bytes / 1024));
const times = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : n(x)}×` : '–');

const HEADER = [
	'path',
	'status',
	'KB',
	'gzip KB',
	'cold p50',
	'cold p99',
	'ready p50',
	'warm p50',
	'warm p99',
	'req/s',
	'load p99',
	'warm ×static',
	'req/s ÷static'
];

function rows(report: NationalReport): string[][] {
	const floor = report.results.find((r) => r.kind === 'static')!;
	return report.results.map((r) => [
		r.kind === 'static' ? `${r.path} (static)` : r.path,
		String(r.status),
		kb(r.bytes),
		kb(r.gzipBytes),
		ms(r.cold?.p50),
		ms(r.cold?.p99),
		ms(r.ready?.p50),
		ms(r.warm?.p50),
		ms(r.warm?.p99),
		r.load ? r.load.rps.toFixed(r.load.rps < 10 ? 1 : 0) : '–',
		ms(r.load?.p99),
		times(r.warm!.p50 / floor.warm!.p50),
		times(floor.load!.rps / Math.max(r.load!.rps, 0.01))
	]);
}

function staticCheck(report: NationalReport) {
	const { heavy, heavyLoad, staticIdle, staticLoaded } = report.underLoad;
	const ratio = staticLoaded.p99 / staticIdle.p99;
	const verdict = ratio <= 3 ? 'within 3× of idle: yes' : 'within 3× of idle: NO';
	return `The static file asked for one request after another: p99 ${ms(staticIdle.p99)} ms idle (${staticIdle.samples} requests), ${ms(staticLoaded.p99)} ms (${staticLoaded.samples} requests) while ${heavy}, the page with the fewest requests/s, was under load from ${report.settings.connections} connections (${heavyLoad.rps.toFixed(1)} req/s, p99 ${n(heavyLoad.p99)} ms, ${heavyLoad.failed} failed): ${times(ratio)}, ${verdict}.`;
}

const memoryLine = ([when, m]: [string, Memory | null]) =>
	m ? `${when}: RSS ${n(m.rssMb)} MB (peak so far ${n(m.peakMb)} MB)` : `${when}: not readable`;

/** Each import's rows/s as a whole and over its first and last stretch. */
function importLines(report: NationalReport): string[] {
	return report.data.imports.map(
		(i) =>
			`${i.file.kind}: ${n(i.file.rows)} rows in ${i.seconds.toFixed(1)} s, ${n(i.file.rows / i.seconds)} rows/s${i.pace ? `; ${paceWords(i.pace)}` : ''}`
	);
}

export function printTable(report: NationalReport): void {
	console.log('');
	for (const line of importLines(report)) console.log(line);
	const table = [HEADER, ...rows(report)];
	const widths = HEADER.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
	console.log('');
	for (const r of table)
		console.log(
			r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
		);
	console.log(`\n${staticCheck(report)}`);
	console.log(`Server memory: ${Object.entries(report.memory).map(memoryLine).join('; ')}.`);
	for (const line of failures(report)) console.log(line);
}

/** The paths some of whose requests under load were not answered, and how. */
function failures(report: NationalReport): string[] {
	return report.results
		.filter((r) => r.load && r.load.failed > 0)
		.map((r) => {
			const { failed, requests, errors, timeouts, non2xx } = r.load!;
			const how = [
				errors && `${errors} connection error${errors === 1 ? '' : 's'}`,
				timeouts && `${timeouts} timed out`,
				non2xx && `${non2xx} answered other than 2xx`
			].filter(Boolean);
			return `Under load, ${failed} request${failed === 1 ? '' : 's'} to ${r.path} failed (${how.join(', ')}) beside ${requests} answered.`;
		});
}

/** The statements of each page that read a large table whole, and its slowest statements. */
function planLines(plans: PagePlans[], markdown: boolean): string[] {
	const lines: string[] = [];
	const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, markdown ? 4000 : 300);
	for (const page of plans) {
		const scanning = page.statements.filter((s) => s.scans.length);
		lines.push(
			markdown ? `### ${page.path}` : `\n${page.path}`,
			'',
			`Cold request (status ${page.status}): ${page.statements.length} distinct statements, ${page.calls} run, ${ms(page.totalMs)} ms in SQLite. ${scanning.length} of them SCAN a table of ${n(LARGE_TABLE)} rows or more${scanning.length ? ':' : '.'}`,
			''
		);
		for (const s of scanning) {
			const head = `${ms(s.totalMs)} ms, ${s.calls} run${s.calls === 1 ? '' : 's'}: SCAN ${s.scans.join('; ')}`;
			if (markdown) {
				lines.push(`- ${head}`, '', '  ```sql', `  ${short(s.sql)}`, '  ```', '');
				lines.push(`  Plan: ${s.plan.map((p) => `\`${p}\``).join(' → ')}`, '');
			} else lines.push(`  ${head}\n    ${short(s.sql)}\n    plan: ${s.plan.join(' | ')}`);
		}
		const slowest = page.statements.slice(0, 5);
		lines.push(markdown ? 'Slowest statements:' : '  slowest:', '');
		for (const s of slowest)
			lines.push(
				`${markdown ? '-' : '   '} ${ms(s.totalMs)} ms, ${s.calls}×: ${markdown ? '`' : ''}${short(s.sql).slice(0, 160)}${markdown ? '`' : ''}`
			);
		lines.push('');
	}
	return lines;
}

export function printPlans(plans: PagePlans[]): void {
	console.log(planLines(plans, false).join('\n'));
}

export function markdownReport(report: NationalReport): string {
	const { data, settings } = report;
	const cpu = cpus();
	const table = [HEADER, HEADER.map((_, i) => (i === 0 ? '---' : '--:')), ...rows(report)];
	const imports = data.imports.map(
		(i) =>
			`| ${i.file.kind} | ${n(i.file.rows)} | ${i.seconds.toFixed(1)} | ${n(i.file.rows / i.seconds)} | ${i.pace ? n(i.pace.first.rate) : '–'} | ${i.pace ? n(i.pace.last.rate) : '–'} | ${i.pace ? (i.pace.last.rate / i.pace.first.rate).toFixed(2) : '–'} |`
	);
	return [
		'# Benchmark at national scale',
		'',
		`Written by \`npm run bench:national${report.quick ? ' -- --quick' : ''}\` on ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${report.minutes.toFixed(1)} minutes. The figures are from one run on a machine shared with other work, so they move from run to run: compare orders of magnitude and ratios to the static file, not single milliseconds.`,
		'',
		`- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${n(totalmem() / 1024 ** 3)} GB memory, ${platform()} ${release()}, Node ${process.version}.`,
		`- Data: the synthetic national dataset (seed ${data.seed}, as of ${data.asOf}; generated, every row flagged or named as sample data, never real figures): ${n(data.size.competitions)} funding rounds, ${n(data.size.bids)} bids, ${n(data.size.actions)} actions, ${data.size.emissionYears} years of emissions, on top of the shipped data. Stored: ${Object.entries(
			data.tables
		)
			.map(([t, c]) => `${t} ${n(c)}`)
			.join(', ')}; the database is ${n(data.megabytes)} MB.`,
		`- Settings: cold = the first request after a one-row import changed the data version, ${settings.cold} samples (pages then show the whole-country results from before it while they are computed again off the request thread); ready = from that import's commit until the server answered the page from its figures of the new data again (asked every 20 ms); warm = ${settings.warm} serial requests after them (so p99 is about their slowest); load = ${settings.connections} connections for about ${settings.seconds} s with autocannon (at least two requests a connection, every one answered). Times are milliseconds from sending the request to the last byte on loopback, asking for brotli or gzip as a browser does. KB are the body as sent plain and gzipped.`,
		'',
		'## Imports',
		'',
		`Prepared with the shipped data in ${data.prepareSeconds.toFixed(1)} s; generated in ${data.generateSeconds.toFixed(1)} s; each file imported with \`npm run import -- --sample\` (a process each, start-up included in seconds and rows/s). "first" and "last" are the rows/s over the file's first and last ${n(PACE_ROWS)} rows (from the importer's progress lines, counted from the first row read; the last stretch is as long as its progress lines allow); "last ÷ first" below 1 is an import slowing as its tables grow:`,
		'',
		'| file | rows | seconds | rows/s | first | last | last ÷ first |',
		'| --- | --: | --: | --: | --: | --: | --: |',
		...imports,
		'',
		'## Pages and API',
		'',
		`Static file: \`${report.floor}\`. "warm ×static" is the warm p50 over the static file's; "req/s ÷static" is how many times fewer requests a second it answers under load than the static file.`,
		'',
		...table.map((r) => `| ${r.join(' | ')} |`),
		'',
		staticCheck(report),
		'',
		...failures(report).flatMap((line) => [line, '']),
		`Server memory (VmRSS of the server process): ${Object.entries(report.memory).map(memoryLine).join('; ')}.`,
		'',
		'## Query plans',
		'',
		'Each page asked for once after the data version changed, on a server started with the SQL debug logger (`scripts/bench/sql-trace.js`); every statement it ran given to EXPLAIN QUERY PLAN with the parameters it ran with. Times are per statement inside SQLite and better-sqlite3 (rows made into objects included), with the logger on.',
		'',
		...planLines(report.plans, true)
	].join('\n');
}
