/**
 * Which unit-test project a test file under src/ runs in, read from what it imports, so a new
 * test file lands in the right one without being listed anywhere:
 * - "database": it imports the test database or command-line helpers, better-sqlite3, the
 *   database client or start-up code, child processes or worker threads. These run in worker
 *   processes (SQLite, write locks named by process).
 * - "pure": everything else (formatting, metrics, charts, parsing), on worker threads, which
 *   start in a fraction of the time.
 * In both, the files a worker runs share its loaded modules (no isolation between files), which
 * spares each file loading them again: a test that changes shared state (setDatabase,
 * process.env, vi.stubEnv) sets it before use and puts it back after.
 * Plain JavaScript: the Vite configuration imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const USES_THE_SYSTEM = [
	/tests\/helpers\/(db|progress-db|cli)['.]/,
	/from 'better-sqlite3'/,
	/\/db\/client['.]/,
	/\/startup['.]/,
	/from 'node:(child_process|worker_threads)'/
];

/**
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* testFiles(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* testFiles(path);
		else if (entry.name.endsWith('.test.ts')) yield path;
	}
}

/**
 * The test files under src/, relative to `root`, split into the two projects.
 * @param {string} root
 */
export function unitTestFiles(root) {
	/** @type {string[]} */
	const pure = [];
	/** @type {string[]} */
	const database = [];
	for (const file of testFiles(join(root, 'src'))) {
		const text = readFileSync(file, 'utf8');
		(USES_THE_SYSTEM.some((marker) => marker.test(text)) ? database : pure).push(
			relative(root, file)
		);
	}
	return { pure, database };
}
