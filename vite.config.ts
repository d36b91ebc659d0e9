import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { unitTestFiles } from './tests/config/unit-projects.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const unit = unitTestFiles(root);

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: {
			// Rolldown's note that plugin callbacks (Svelte's compiler, SvelteKit's steps) took
			// most of the build's time: printed on every build as "[PLUGIN_TIMINGS]", reading like
			// a warning, with nothing in this project to act on.
			checks: { bundlerTimings: false }
		}
	},
	test: {
		// Modules as transformed for the tests are kept on disk (node_modules/.experimental-vitest-
		// cache, by each file's content) for the next run: the unit run's processor time, warm
		// against none, two runs each, 116 and 109 s to 101 and 100 s. `npx vitest --clearCache`
		// removes it.
		experimental: { fsModuleCache: true },
		environment: 'node',
		// Several suites import real files through the whole pipeline; on a busy shared machine
		// (2 cores) they can take a few times their usual second.
		testTimeout: 20_000,
		// A worker per core. Vitest's default leaves one core to itself, which on a two-core
		// machine ran one test file at a time; it mostly waits for the workers.
		maxWorkers: availableParallelism(),
		// A test that asserts nothing passes whatever the code does: every test must assert.
		expect: { requireAssertions: true },
		reporters: ['default', './tests/config/project-times.ts'],
		// The unit tests in three projects (the browser tests have their own configuration,
		// tests/e2e/vitest.config.ts); tests/config/unit-projects.js says which file goes where.
		projects: [
			{
				extends: true,
				test: {
					name: 'pure',
					include: unit.pure,
					// No database, no processes: worker threads, sharing loaded modules.
					pool: 'threads',
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'database',
					include: unit.database,
					// The test databases' starting points, built once per run (tests/helpers/db.ts).
					globalSetup: ['tests/helpers/db-templates.ts'],
					// Files share their worker's loaded modules (half the time of loading them for
					// each file): see tests/config/unit-projects.js.
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'command line',
					include: ['tests/cli/**/*.test.ts'],
					// The same, and a database with the shipped data loaded (tests/helpers/shipped-db.ts).
					globalSetup: ['tests/helpers/db-templates.ts', 'tests/helpers/shipped-db-setup.ts']
				}
			}
		]
	}
});
