/**
 * Which browser-test project a file runs in, read from what it does, so a new file lands in the
 * right one without being listed anywhere:
 * - "browser (writing)": it changes what the server holds or how it answers: it uploads or
 *   imports through the pages, posts, signs in with the accounts the setup made, or opens the
 *   server's database or its write lock. These run one file at a time, after the readers.
 * - "browser (reading)": everything else, two files at a time against the same server, which
 *   then holds exactly the shipped data and the two accounts throughout.
 * Plain JavaScript: the Vitest configuration imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WRITES = [
	/from '\.\/import-page'/,
	/from '\.\/accounts'/,
	/inject\('(adminCookie|officerCookie|dbPath)'\)/,
	/method: '(POST|PUT|PATCH|DELETE)'/,
	/setInputFiles\(/,
	/from 'better-sqlite3'/,
	/db\/client'/,
	/write-lock'/
];

/**
 * The browser test files (relative to `root`), split into readers and writers.
 * @param {string} root
 */
export function browserTestFiles(root) {
	const dir = join(root, 'tests', 'e2e');
	/** @type {string[]} */
	const reading = [];
	/** @type {string[]} */
	const writing = [];
	for (const name of readdirSync(dir).sort()) {
		if (!name.endsWith('.e2e.ts')) continue;
		const text = readFileSync(join(dir, name), 'utf8');
		(WRITES.some((marker) => marker.test(text)) ? writing : reading).push(`tests/e2e/${name}`);
	}
	return { reading, writing };
}
