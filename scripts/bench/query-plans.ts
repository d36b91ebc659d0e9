/**
 * Which statements a page runs at national scale and how SQLite plans them. The server is started
 * with the SQL debug logger (sql-trace.js); each page is asked for once after the data version
 * changed (so nothing is answered from a cache and every query runs), the statements it ran are
 * read back from the log, and each distinct one is given to EXPLAIN QUERY PLAN with the
 * parameters it ran with. A plan step that SCANs a table of LARGE_TABLE rows or more is listed.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { timedGet } from './measure';
import { startServer } from './server';

/** A table this large read whole is worth an index. */
export const LARGE_TABLE = 10_000;

export interface StatementPlan {
	sql: string;
	calls: number;
	totalMs: number;
	plan: string[];
	/** Large tables the plan reads whole: "bids (100,000 rows)". */
	scans: string[];
}

export interface PagePlans {
	path: string;
	status: number;
	statements: StatementPlan[];
	totalMs: number;
	calls: number;
}

interface Logged {
	sql: string;
	params: unknown[] | null;
	ms: number;
}

const KEYWORDS = new Set(
	[
		'on',
		'where',
		'left',
		'right',
		'inner',
		'outer',
		'cross',
		'join',
		'group',
		'order',
		'limit'
	].concat(['union', 'using', 'natural', 'full', 'having', 'window', 'as', 'set', 'values'])
);

/** Aliases of the tables a statement reads: alias (or name) → table. */
function tablesOf(sql: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
		const table = m[1]!;
		found.set(table, table);
		if (m[2] && !KEYWORDS.has(m[2].toLowerCase())) found.set(m[2], table);
	}
	return found;
}

function explain(sqlite: Database.Database, logged: Logged, rowsOf: (t: string) => number | null) {
	let plan: string[];
	try {
		const rows = sqlite
			.prepare(`EXPLAIN QUERY PLAN ${logged.sql}`)
			.all(...(logged.params ?? [])) as { detail: string }[];
		plan = rows.map((r) => r.detail);
	} catch (e) {
		return { plan: [`(no plan: ${(e as Error).message})`], scans: [] };
	}
	const aliases = tablesOf(logged.sql);
	const scans: string[] = [];
	for (const step of plan) {
		const m = /^SCAN (\w+)/.exec(step);
		if (!m) continue;
		const table = aliases.get(m[1]!) ?? m[1]!;
		const rows = rowsOf(table);
		if (rows !== null && rows >= LARGE_TABLE)
			scans.push(
				`${table} (${rows.toLocaleString('en-GB')} rows)${/INDEX/.test(step) ? ` ${step.replace(/^SCAN \w+ /, '')}` : ''}`
			);
	}
	return { plan, scans };
}

/** Trace `paths` on a server started against `db`; `touch` changes the data version. */
export async function pagePlans(
	db: string,
	dir: string,
	paths: readonly string[],
	touch: () => Promise<void>
): Promise<PagePlans[]> {
	const log = join(dir, 'sql-trace.jsonl');
	writeFileSync(log, '');
	const server = await startServer(db, {
		nodeOptions: ['--import', './scripts/bench/sql-trace.js'],
		env: { BENCH_SQL_LOG: log }
	});
	const sqlite = new Database(db, { readonly: true });
	const counts = new Map<string, number | null>();
	const rowsOf = (table: string) => {
		if (!counts.has(table)) {
			try {
				counts.set(
					table,
					sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number
				);
			} catch {
				counts.set(table, null); // a CTE or subquery's name, not a table
			}
		}
		return counts.get(table)!;
	};
	const out: PagePlans[] = [];
	try {
		// Once each first: the server's own first-use work is not the page's.
		for (const path of paths) await timedGet(server.baseUrl + path);
		for (const path of paths) {
			await touch();
			const from = statSync(log).size;
			const { status } = await timedGet(server.baseUrl + path);
			const lines = readFileSync(log).subarray(from).toString('utf8').split('\n').filter(Boolean);
			const bySql = new Map<string, { first: Logged; calls: number; totalMs: number }>();
			for (const line of lines) {
				const logged = JSON.parse(line) as Logged;
				const entry = bySql.get(logged.sql) ?? { first: logged, calls: 0, totalMs: 0 };
				entry.calls++;
				entry.totalMs += logged.ms;
				bySql.set(logged.sql, entry);
			}
			const statements = [...bySql.values()]
				.map((e) => ({
					sql: e.first.sql,
					calls: e.calls,
					totalMs: e.totalMs,
					...explain(sqlite, e.first, rowsOf)
				}))
				.sort((a, b) => b.totalMs - a.totalMs);
			out.push({
				path,
				status,
				statements,
				totalMs: statements.reduce((s, x) => s + x.totalMs, 0),
				calls: statements.reduce((s, x) => s + x.calls, 0)
			});
		}
	} finally {
		sqlite.close();
		await server.stop();
	}
	return out;
}
