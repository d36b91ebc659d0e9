import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests against the built server (`node build`), driven by Debian's chromium.
// Run with `npm run test:e2e` (builds first).
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
