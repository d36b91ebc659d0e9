/**
 * A database file as `npm run db:migrate` leaves it (migrated, every shipped data file loaded),
 * which the command-line tests start from. Loading the shipped data takes seconds, so the
 * command-line project's global setup (shipped-db-setup.ts) does it once per run and each test
 * copies that file; without it, each test loads the data itself, the same way.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inject } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { prepareDatabase } from '../../src/lib/server/startup';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The migrated and loaded database file made once for the run, when it was made. */
		shippedDb?: string;
	}
}

/** Migrate `path` and load the shipped data into it, as `npm run db:migrate` does. */
export async function prepareShippedDb(path: string): Promise<void> {
	const config = readConfig({ ...process.env, DATABASE_URL: path, LOAD_DEFAULT_DATA: '1' });
	(await prepareDatabase(config, () => {})).close();
}

/** A new database file at `path` with the shipped data loaded: a copy of the run's, if any. */
export async function shippedDb(path: string): Promise<void> {
	const made = inject('shippedDb');
	if (made && existsSync(made)) {
		mkdirSync(dirname(path), { recursive: true });
		copyFileSync(made, path);
	} else await prepareShippedDb(path);
}
