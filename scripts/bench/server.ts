/**
 * What the server benchmarks share: a database prepared as the server's first start prepares it,
 * the built app (built first when its sources changed, as `npm start` does), started as `npm start` starts it (scripts/serve.js, with start.js's
 * environment) on a free loopback port against a given database file, and its memory read from
 * /proc while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { readConfig } from '../../src/lib/server/config';
import { prepareDatabase } from '../../src/lib/server/startup';
import { buildIfChanged, serverEnv } from '../start.js';

/** Build the app unless build/ is up to date with the sources; throws when the build fails. */
export async function ensureBuilt(): Promise<void> {
	const status = await buildIfChanged({ doing: 'benchmarking', quiet: true });
	if (status !== 0) throw new Error(`The app did not build (vite build exited ${status}).`);
}

/** A new database at `path` as the server's first start leaves it: migrated, shipped data loaded. */
export async function prepareShippedDatabase(path: string): Promise<void> {
	const handle = await prepareDatabase({ ...readConfig(), DATABASE_URL: path }, () => {});
	handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	handle.close();
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

async function waitUntilReady(url: string, server: ChildProcess) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}).`);
		try {
			if ((await fetch(url)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`The server was not ready at ${url} after 120 s.`);
}

export interface RunningServer {
	baseUrl: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/**
 * scripts/serve.js on a free loopback port against `db`, ready to answer; `nodeOptions` are
 * given to Node before the script (a preloaded module), `env` is added to the environment.
 * `readyPath` is a path that answers 200 once the server is up (default /).
 */
export async function startServer(
	db: string,
	options: { nodeOptions?: string[]; env?: NodeJS.ProcessEnv; readyPath?: string } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...(options.nodeOptions ?? []), 'scripts/serve.js'], {
		env: serverEnv({
			...process.env,
			...options.env,
			DATABASE_URL: db,
			PORT: String(port),
			HOST: '127.0.0.1'
		}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		await waitUntilReady(`${baseUrl}${options.readyPath ?? '/'}`, child);
	} catch (e) {
		child.kill('SIGTERM');
		throw e;
	}
	return {
		baseUrl,
		process: child,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
		}
	};
}

export interface Memory {
	/** Resident set size now, MB. */
	rssMb: number;
	/** The most it has been resident, MB. */
	peakMb: number;
}

/** A running process's memory from /proc/PID/status (Linux), or null where there is no /proc. */
export function processMemory(pid: number | undefined): Memory | null {
	if (pid === undefined) return null;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
	} catch {
		return null;
	}
}
