/**
 * `npm test`: the unit tests, one vitest run; then the app is built if its sources changed, and
 * the browser tests run as two vitest runs at the same time, each with its own server, database
 * and chromium: the files that only read (two at a time) and the files that write (one at a
 * time). Writing one file at a time left one of the two cores idle for the writers' whole stretch;
 * beside the readers, they fill it. Then the time each test project took, from every run, and the
 * whole. Stops at the unit run if it fails, with its exit code, as `a && b` would; else the exit
 * code of the first browser run that failed.
 * The build does not run beside the unit tests: their Vite configuration (the SvelteKit plugin)
 * writes .svelte-kit/generated as it loads, and a build at the same time read half-written
 * files and shipped a client that failed in the browser. Nor does each browser run build: the two
 * would build at once.
 * The readers' output is shown as it comes; the writers' is held and shown after it, whole, so
 * the two do not interleave line by line.
 * Plain JavaScript, so it runs before anything is compiled.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTimes } from '../tests/config/format-times.js';
import { buildIfChanged } from './start.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const BROWSER_CONFIG = ['--config', 'tests/e2e/vitest.config.ts'];

const dir = mkdtempSync(join(tmpdir(), 'nzl-test-times-'));
/** The project-times reporter adds each run's times to this file. */
const timesFile = join(dir, 'times.jsonl');

/**
 * One vitest run; resolves to its exit code. Its output goes to the terminal as it comes, or,
 * `held`, into a buffer that `output()` gives once it has ended.
 * @param {string[]} args
 * @param {{ held?: boolean }} [options]
 */
function vitest(args, { held = false } = {}) {
	const run = spawn(process.execPath, [VITEST, 'run', ...args], {
		cwd: ROOT,
		stdio: held ? ['inherit', 'pipe', 'pipe'] : 'inherit',
		env: { ...process.env, NZL_PROJECT_TIMES: timesFile }
	});
	/** @type {Buffer[]} */
	const chunks = [];
	run.stdout?.on('data', (chunk) => chunks.push(chunk));
	run.stderr?.on('data', (chunk) => chunks.push(chunk));
	const code = new Promise((resolve) => run.on('close', (status) => resolve(status ?? 1)));
	return { code, output: () => Buffer.concat(chunks).toString('utf8') };
}

/** Every run; the exit code of the first that failed, else 0. */
async function runAll() {
	const unit = await vitest([]).code;
	if (unit !== 0) return unit;
	const built = await buildIfChanged({ doing: 'testing', quiet: true });
	if (built !== 0) return built;
	const reading = vitest([...BROWSER_CONFIG, '--project', 'browser (reading)']);
	const writing = vitest([...BROWSER_CONFIG, '--project', 'browser (writing)'], { held: true });
	const readingCode = await reading.code;
	const writingCode = await writing.code;
	process.stdout.write(writing.output());
	return readingCode || writingCode;
}

const started = performance.now();
try {
	const status = await runAll();
	const lines = existsSync(timesFile) ? readFileSync(timesFile, 'utf8').split('\n') : [];
	const times = lines.filter(Boolean).map((line) => JSON.parse(line));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (times.length) console.log(`\n${formatTimes('npm test, time per project', times)}`);
	console.log(`npm test ${status === 0 ? 'passed' : 'failed'} in ${seconds} s.`);
	process.exitCode = status;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
