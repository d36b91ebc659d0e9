/**
 * The migrations folder as it was before one migration, for tests that make a database as an
 * older version did and then migrate it: a copy whose journal ends before the tag.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from './db';

/** A copy of the migrations folder (in a new temporary folder) without `tag` and later ones. */
export function migrationsBefore(tag: string): { folder: string; dir: string } {
	const dir = mkdtempSync(join(tmpdir(), 'nzl-migrate-'));
	const folder = join(dir, 'migrations');
	cpSync(MIGRATIONS_DIR, folder, { recursive: true });
	const journalPath = join(folder, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	const upTo = journal.entries.findIndex((e) => e.tag.startsWith(tag));
	if (upTo < 0) throw new Error(`no migration ${tag}`);
	journal.entries = journal.entries.slice(0, upTo);
	writeFileSync(journalPath, JSON.stringify(journal));
	return { folder, dir };
}
