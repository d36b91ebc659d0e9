/**
 * Bringing a database to a usable state: open it, apply migrations, and load the shipped real
 * data that is not loaded yet. Nothing here writes when nothing changed, so a server can start
 * (and a second program can run) while another program imports.
 */
import { rmSync } from 'node:fs';
import { createDb, migrateDb, type DbHandle } from './db/client';
import { announceServer } from './db/server-presence';
import { readConfig, type ServerConfig } from './config';
import { loadDefaultData, pendingDefaultData } from './import/load-default-data';
import { currentWriter, describeHolder, isBusy, type WriterInfo } from './import/write-lock';
import { queueWrite } from './import/write-queue';
import { refreshSimilarCouncilsNow, similarCouncilsStale } from './import/similar-councils-refresh';

type Log = (line: string) => void;

/** For scripts: migrate and load the shipped data in this process, waiting for the lock. */
export async function prepareDatabase(
	config: ServerConfig = readConfig(),
	log: Log = console.log
): Promise<DbHandle> {
	const handle = createDb(config.DATABASE_URL);
	await migrateWhenFree(handle, config.MIGRATIONS_DIR, log);
	if (config.LOAD_DEFAULT_DATA === '1') {
		const started = Date.now();
		const result = await loadDefaultData(handle, config.DATA_DIR, log, {
			onWait: waitingLine(log, 'loading the shipped data')
		});
		if (result.loaded.length) {
			log(
				`Loaded ${result.loaded.length} shipped data files into ${config.DATABASE_URL} in ${Date.now() - started} ms.`
			);
		}
	}
	if (similarCouncilsStale(handle)) {
		const done = await refreshSimilarCouncilsNow(handle, {
			onWait: waitingLine(log, 'updating similar councils')
		});
		log(`Updated similar councils (${done.peers} peers) in ${Math.round(done.ms)} ms.`);
	}
	return handle;
}

/**
 * For the server: migrate, then hand any shipped data still to load to the writer thread. On a
 * first start (nothing imported yet) the server waits for it; otherwise it serves what is stored
 * while the new release loads. Returns a read-only connection: pages never write.
 */
export async function openServerDatabase(
	config: ServerConfig = readConfig(),
	log: Log = console.log
): Promise<DbHandle> {
	const setup = createDb(config.DATABASE_URL);
	try {
		await migrateWhenFree(setup, config.MIGRATIONS_DIR, log);
		// Uploads belong to jobs held in memory: none survives a restart.
		rmSync(config.UPLOAD_DIR, { recursive: true, force: true });
		if (config.LOAD_DEFAULT_DATA === '1') {
			const pending = pendingDefaultData(setup, config.DATA_DIR);
			if (pending.files.length || pending.datasets.length) {
				const firstStart = !setup.sqlite
					.prepare("SELECT 1 FROM import_batches WHERE status = 'committed' LIMIT 1")
					.get();
				const loading = loadInBackground(config, pending.files.length, log);
				if (firstStart) await loading;
				else loading.catch(() => {}); // logged; the server goes on with what is stored
			}
		}
		// Data stored before similar councils existed, or by an older method: queued after any
		// shipped data above, which would make it current itself (then this write changes nothing).
		if (similarCouncilsStale(setup)) refreshInBackground(config, log);
	} finally {
		setup.close();
	}
	announceServer(config.DATABASE_URL);
	return createDb(config.DATABASE_URL, { readonly: true });
}

async function loadInBackground(config: ServerConfig, files: number, log: Log): Promise<void> {
	const started = Date.now();
	const write = queueWrite(
		{ kind: 'default-data', dbPath: config.DATABASE_URL, dataDir: config.DATA_DIR },
		'loading the shipped data',
		{ onWaiting: (w) => w && log(`Loading the shipped data waits for ${w} to finish…`) }
	);
	log(`Loading ${files} shipped data file${files === 1 ? '' : 's'} into ${config.DATABASE_URL}…`);
	try {
		const done = await write.done;
		if (done.kind === 'default-data')
			log(`Loaded ${done.files.length} shipped data files in ${Date.now() - started} ms.`);
	} catch (e) {
		log(`Loading the shipped data failed: ${(e as Error).message}`);
		throw e;
	}
}

function refreshInBackground(config: ServerConfig, log: Log): void {
	const write = queueWrite(
		{ kind: 'similar-councils', dbPath: config.DATABASE_URL },
		'updating similar councils'
	);
	write.done.then(
		(done) => {
			if (done.kind === 'similar-councils' && done.result.changed)
				log(`Updated similar councils in ${Math.round(done.result.ms)} ms.`);
		},
		(e: Error) => log(`Updating similar councils failed: ${e.message}`)
	);
}

/**
 * Apply pending migrations, waiting while another program holds the write lock. With nothing to
 * apply, Drizzle's migrator takes no lock at all.
 */
async function migrateWhenFree(handle: DbHandle, migrationsDir: string, log: Log) {
	const say = waitingLine(log, 'updating the database structure');
	for (;;) {
		try {
			migrateDb(handle, migrationsDir);
			return;
		} catch (e) {
			if (!isBusy(e) && !/database is locked/.test((e as Error).message)) throw e;
			say(currentWriter(handle.url));
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

/** A "waiting for X" line, printed once per holder. */
function waitingLine(log: Log, doing: string) {
	let last: string | null = null;
	return (holder: WriterInfo | null) => {
		const line = `Waiting for ${describeHolder(holder)} to finish before ${doing}…`;
		if (line !== last) log(line);
		last = line;
	};
}
