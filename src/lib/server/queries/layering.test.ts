/**
 * The reading side's layering, checked on the source: routes reach the database only through
 * queries, queries build SQL through Drizzle, and SQLite-only SQL stays in the modules named for
 * it, so the queries could later run on another engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const QUERIES = join(ROOT, 'src/lib/server/queries');

function sources(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(ts|js)$/.test(f) && !/\.test\.ts$/.test(f))
		.map((f) => join(dir, f));
}

const matching = (files: string[], pattern: RegExp) =>
	files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));

describe('queries and routes', () => {
	it('routes never import the database module: queries own their connection', () => {
		expect(matching(sources(join(ROOT, 'src/routes')), /\$lib\/server\/db['/]/)).toEqual([]);
	});

	it('queries do not run raw SQL on better-sqlite3', () => {
		expect(matching(sources(QUERIES), /\.prepare\(\s*[`'"]|\$client|sqliteOf\(/)).toEqual([
			// The council resolver reads its lookup tables once, with better-sqlite3 (rows/).
			'src/lib/server/queries/authority-search.ts',
			'src/lib/server/queries/connection.ts'
		]);
	});

	it('SQLite-only SQL is in the modules named for it', () => {
		const sqliteOnly = /\b(json_each|json_extract|json_group_array|strftime|rowid)\b|CAST\(substr/;
		const allowed = [
			// The undo log it reads is SQLite's: rows found by rowid, deleted rows read from JSON.
			'src/lib/server/queries/import-councils.ts'
		];
		const found = matching(sources(QUERIES), sqliteOnly).filter(
			(f) => !f.startsWith('src/lib/server/queries/sqlite/') && !allowed.includes(f)
		);
		expect(found).toEqual([]);
	});
});
