/**
 * Global setup of the command-line tests: the migrated and loaded database (shipped-db.ts), made
 * once in a temporary folder that is removed at the end of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareShippedDb } from './shipped-db';

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'nzl-shipped-'));
	const path = join(dir, 'shipped.db');
	await prepareShippedDb(path);
	project.provide('shippedDb', path);
	return () => rmSync(dir, { recursive: true, force: true });
}
