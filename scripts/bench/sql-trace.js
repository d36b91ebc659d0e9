/**
 * A debug logger for the benchmark's query plans, loaded into the server with
 * `node --import ./scripts/bench/sql-trace.js scripts/serve.js`: every statement better-sqlite3
 * runs (run, get, all, iterate) is appended to the file named by BENCH_SQL_LOG as one JSON line,
 * its SQL, its parameters and the milliseconds it took, so the benchmark can tell which statements
 * a page runs and ask SQLite for their plans. Only the benchmark loads it; it changes no result.
 * Plain JavaScript: Node loads it before anything is compiled.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const log = process.env.BENCH_SQL_LOG;
if (log) {
	// The same module the server loads (node_modules/better-sqlite3), so the same Statement class.
	const Database = createRequire(import.meta.url)('better-sqlite3');
	const probe = new Database(':memory:');
	const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
	probe.close();

	/** @param {unknown} value */
	const plain = (value) => (typeof value === 'bigint' ? Number(value) : value);
	/** @param {string} sql @param {unknown[]} args @param {number} ms */
	const write = (sql, args, ms) => {
		try {
			const params = JSON.parse(JSON.stringify(args, (_k, v) => plain(v)));
			appendFileSync(log, JSON.stringify({ sql, params, ms }) + '\n');
		} catch {
			appendFileSync(log, JSON.stringify({ sql, params: null, ms }) + '\n');
		}
	};
	for (const method of ['run', 'get', 'all']) {
		const original = proto[method];
		/** @this {{ source: string }} @param {unknown[]} args */
		proto[method] = function (...args) {
			const started = performance.now();
			try {
				return original.apply(this, args);
			} finally {
				write(this.source, args, performance.now() - started);
			}
		};
	}
	const iterate = proto.iterate;
	/** @this {{ source: string }} @param {unknown[]} args */
	proto.iterate = function* (...args) {
		let ms = 0;
		let started = performance.now();
		try {
			for (const row of iterate.apply(this, args)) {
				ms += performance.now() - started;
				yield row;
				started = performance.now();
			}
			ms += performance.now() - started;
		} finally {
			write(this.source, args, ms);
		}
	};
}
