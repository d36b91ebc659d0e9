/**
 * Builds the app if its sources changed since the last build (as `npm start` does), starts the
 * built server (scripts/serve.js, as `npm start` does) on a free port with a fresh SQLite file,
 * waits until `GET /` answers 200, provides the base URL to the tests as `inject('baseUrl')`, and
 * stops it. Before it starts, an admin and Trafford's officer are added with `npm run user:add`,
 * as a deployment's first admin is; both are signed in once and their session cookies provided.
 * Meanwhile it starts the one chromium every test file connects to (`inject('browserEndpoint')`).
 */
import { chromium } from 'playwright-core';
import { buildIfChanged, serverEnv } from '../../scripts/start.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { runMain } from '../helpers/cli';
import { ADMIN, OFFICER, signInCookie } from './accounts';
import { CHROMIUM } from './browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The server's database file, for tests that write to it as another program would. */
		dbPath: string;
		/** "nzl_session=…" of the admin and of Trafford's officer. */
		adminCookie: string;
		officerCookie: string;
		/** Where the run's one chromium listens, for playwright's connect. */
		browserEndpoint: string;
	}
}

const STARTUP_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string) {
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	let last = 'no response yet';
	while (Date.now() < deadline) {
		if (server.exitCode !== null || server.signalCode !== null) {
			throw new Error(
				`Server exited (${server.exitCode ?? server.signalCode}) before it was ready:\n${output()}`
			);
		}
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
			if (res.status === 200) return;
			last = `status ${res.status}`;
		} catch (e) {
			last = String(e);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`Server not ready at ${url} after ${STARTUP_TIMEOUT_MS} ms (${last}):\n${output()}`
	);
}

export default async function setup(project: TestProject) {
	const root = project.config.root;
	// Vite's own output only if it fails: a build that works says one line.
	const built = await buildIfChanged({ doing: 'testing', quiet: true });
	if (built !== 0) throw new Error(`The app did not build (vite build exited ${built}).`);
	// Started now, ready by the time the server is.
	const browser = chromium.launchServer(CHROMIUM);
	const dir = mkdtempSync(join(tmpdir(), 'nzl-e2e-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	addUser(root, join(dir, 'e2e.db'), ['--admin', ADMIN.email], ADMIN.password);
	await addOfficer(join(dir, 'e2e.db'));
	let output = ''; // the server's stdout and stderr, for error messages
	// The production entry `npm start` runs: adapter-node's server plus the security headers.
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		// npm start's environment (scripts/start.js), ORIGIN included: the form posts below would
		// be refused as cross-site if its default were wrong.
		env: serverEnv({
			...process.env,
			DATABASE_URL: join(dir, 'e2e.db'),
			// Small, so the upload-limit tests send a few megabytes, not hundreds.
			MAX_UPLOAD_MB: '8',
			UPLOAD_DIR: join(dir, 'uploads'),
			PORT: String(port),
			HOST: '127.0.0.1'
		}),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const record = (chunk: Buffer) => (output = (output + chunk).slice(-20_000));
	server.stdout!.on('data', record);
	server.stderr!.on('data', record);
	// A server that stops before the run's end fails every later test with "connection refused":
	// say when and how it stopped, with what it printed last.
	let stopping = false;
	server.once('exit', (code, signal) => {
		if (!stopping)
			console.error(`The test server exited during the run (${signal ?? code}):\n${output}`);
	});

	const stop = async () => {
		stopping = true;
		await (await browser.catch(() => null))?.close();
		if (server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			server.kill('SIGTERM');
			const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(dir, { recursive: true, force: true });
	};

	try {
		await waitUntilReady(`${baseUrl}/`, server, () => output);
	} catch (e) {
		await stop();
		throw e;
	}
	project.provide('baseUrl', baseUrl);
	project.provide('dbPath', join(dir, 'e2e.db'));
	project.provide('adminCookie', await signInCookie(baseUrl, ADMIN));
	project.provide('officerCookie', await signInCookie(baseUrl, OFFICER));
	try {
		project.provide('browserEndpoint', (await browser).wsEndpoint());
	} catch (e) {
		await stop();
		throw e;
	}
	return stop;
}

/**
 * Trafford's officer, by the same script's main() in this process: the admin before it was added
 * by the script run as a program, as a deployment's first admin is.
 */
async function addOfficer(dbPath: string) {
	const args = ['--officer', OFFICER.email, '--authority', 'TRF', '--password-stdin'];
	const run = await runMain('user-add', args, dbPath, OFFICER.password);
	if (run.code !== 0)
		throw new Error(`user:add ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
}

/** `npm run user:add -- ARGS --password-stdin` on the test database (it migrates and loads it). */
function addUser(root: string, dbPath: string, args: string[], password: string) {
	const run = spawnSync(
		process.execPath,
		[
			join(root, 'node_modules/tsx/dist/cli.mjs'),
			'scripts/user-add.ts',
			...args,
			'--password-stdin'
		],
		{ cwd: root, input: password, encoding: 'utf8', env: { ...process.env, DATABASE_URL: dbPath } }
	);
	if (run.status !== 0)
		throw new Error(`user:add ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
}
