/**
 * `npm test`: the unit tests, then the browser tests (whose setup builds the app first when its
 * sources changed), each one vitest run; then the time each test project took, from both runs,
 * and the whole. Stops at the first run that fails, with its exit code, as `a && b` would.
 * The build does not run beside the unit tests: their Vite configuration (the SvelteKit plugin)
 * writes .svelte-kit/generated as it loads, and a build at the same time read half-written
 * files and shipped a client that failed in the browser.
 * Plain JavaScript, so it runs before anything is compiled.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTimes } from '../tests/config/format-times.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

const dir = mkdtempSync(join(tmpdir(), 'nzl-test-times-'));
/** The project-times reporter adds each run's times to this file. */
const timesFile = join(dir, 'times.jsonl');

/**
 * One vitest run with the terminal as its output; resolves to its exit code.
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function vitest(args) {
	const run = spawn(process.execPath, [VITEST, 'run', ...args], {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, NZL_PROJECT_TIMES: timesFile }
	});
	return new Promise((resolve) => run.on('close', (code) => resolve(code ?? 1)));
}

/** Both runs; the exit code of the first that failed, else 0. */
async function runAll() {
	const unit = await vitest([]);
	if (unit !== 0) return unit;
	return vitest(['--config', 'tests/e2e/vitest.config.ts']);
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
