/**
 * Which browser-test project a file runs in, read from what it does, so a new file lands in the
 * right one without being listed anywhere:
 * - "browser (writing)": it changes what the server holds or how it answers: it uploads,
 *   checks, imports or undoes through the pages, posts, sends the setup's accounts' cookies or
 *   opens the server's database or its write lock. These run one file at a time, after the
 *   readers. (Reading a page signed in as the admin, signInAsAdmin, is reading.)
 * - "browser (reading)": everything else, two files at a time against the same server, which
 *   then holds exactly the shipped data and the two accounts throughout.
 * Plain JavaScript: the Vitest configuration imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WRITES = [
	/\b(importThroughPage|checkThroughPage|undoThroughPage)\(/,
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
