/**
 * Bringing a database to a usable state: open it, apply migrations, and on an empty database load
 * the shipped real data. Shared by the server's init hook, the command-line scripts and tests.
 */
import { createDb, migrateDb, type DbHandle } from './db/client';
import { readConfig, type ServerConfig } from './config';
import { loadDefaultData } from './import/load-default-data';

export async function prepareDatabase(
	config: ServerConfig = readConfig(),
	log: (line: string) => void = console.log
): Promise<DbHandle> {
	const handle = createDb(config.DATABASE_URL);
	migrateDb(handle, config.MIGRATIONS_DIR);
	if (config.LOAD_DEFAULT_DATA === '1') {
		const started = Date.now();
		const result = await loadDefaultData(handle, config.DATA_DIR, log);
		if (result.loaded.length) {
			log(
				`Loaded ${result.loaded.length} shipped data files into ${config.DATABASE_URL} in ${Date.now() - started} ms.`
			);
		}
	}
	return handle;
}
