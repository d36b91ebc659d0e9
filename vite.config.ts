import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'tests/cli/**/*.test.ts'],
		environment: 'node',
		// Several suites import real files through the whole pipeline; on a busy shared machine
		// (2 cores) they can take a few times their usual second.
		testTimeout: 20_000,
		// The test databases' starting points, built once per run (tests/helpers/db.ts).
		globalSetup: ['tests/helpers/db-templates.ts']
	}
});
