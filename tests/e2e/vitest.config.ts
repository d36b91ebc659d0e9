import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { browserTestFiles } from '../config/browser-projects.js';

// End-to-end tests against the built server (`node build`), driven by Debian's chromium.
// Run with `npm run test:e2e`: the global setup builds the app first when its sources changed,
// and starts the server and the one chromium every file uses.
const root = fileURLToPath(new URL('../..', import.meta.url));
const files = browserTestFiles(root);

/**
 * A project of browser test files, run in group `order` (groups one after another), at most
 * `workers` files at a time. It does not extend this configuration: that would run the global
 * setup again for each project.
 */
const project = (
	name: string,
	include: string[],
	order: number,
	workers: number
): TestProjectInlineConfiguration => ({
	test: {
		name,
		root,
		include,
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true },
		sequence: { groupOrder: order },
		maxWorkers: workers
	}
});

export default defineConfig({
	root,
	test: {
		globalSetup: ['tests/e2e/global-setup.ts'],
		expect: { requireAssertions: true },
		reporters: ['default', './tests/config/project-times.ts'],
		// Readers first, two files at a time against the one server, then the files that change
		// what it holds, one at a time (tests/config/browser-projects.js says which is which).
		projects: [
			project('browser (reading)', files.reading, 0, 2),
			project('browser (writing)', files.writing, 1, 1)
		]
	}
});
