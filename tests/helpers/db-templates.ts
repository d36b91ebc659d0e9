/**
 * Global setup of the database and command-line test projects: builds the test databases'
 * starting points once per run (an empty migrated database, then with the council register, then
 * with the progress tests' files), each through the real migrations and imports, and saves their
 * images in a temporary folder that tests/helpers/db.ts opens copies of (provided to the tests as
 * `dbTemplates`). Built once however many projects ask, and removed at the end of the run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestDb, importAuthorities, survivesJson, type TemplateName } from './db';
import { importAll, PROGRESS_FILES } from './progress-db';

async function buildTemplates(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'nzl-test-templates-'));
	const save = (name: TemplateName, image: Buffer) => writeFileSync(join(dir, `${name}.db`), image);
	const handle = buildTestDb();
	try {
		save('empty', handle.sqlite.serialize());
		const reports = await importAuthorities(handle);
		save('register', handle.sqlite.serialize());
		// loadAuthorities hands back these reports in place of importing: only if they are whole.
		if (survivesJson(reports)) writeFileSync(join(dir, 'register.json'), JSON.stringify(reports));
		await importAll(handle, PROGRESS_FILES);
		save('progress', handle.sqlite.serialize());
	} finally {
		handle.close();
	}
	return dir;
}

/** One build per run, shared by every project whose setup asks (they run in this one process). */
const shared = globalThis as { nzlTestTemplates?: Promise<string> };

export function testTemplates(): Promise<string> {
	return (shared.nzlTestTemplates ??= buildTemplates());
}

export default async function setup(project: TestProject) {
	const dir = await testTemplates();
	project.provide('dbTemplates', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
