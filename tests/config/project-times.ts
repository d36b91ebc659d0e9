/**
 * A reporter that ends a run with the time each test project took: the wall time from its first
 * file's start to its last file's end (projects run side by side, so these overlap), with its
 * files and tests. With NZL_PROJECT_TIMES set to a file, it also appends them there as JSON
 * lines, for a summary over several runs.
 */
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { formatTimes, type ProjectTime } from './format-times.js';

export default class ProjectTimes implements Reporter {
	private started = new Map<string, number>();
	private ended = new Map<string, number>();

	onTestModuleStart(module: TestModule) {
		const name = module.project.name || 'tests';
		if (!this.started.has(name)) this.started.set(name, performance.now());
	}

	onTestModuleEnd(module: TestModule) {
		this.ended.set(module.project.name || 'tests', performance.now());
	}

	onTestRunEnd(modules: readonly TestModule[]) {
		const times: ProjectTime[] = [...this.started].map(([project, start]) => {
			const own = modules.filter((m) => (m.project.name || 'tests') === project);
			const tests = own.flatMap((m) => [...m.children.allTests()]);
			return {
				project,
				seconds: ((this.ended.get(project) ?? start) - start) / 1000,
				files: own.length,
				tests: tests.length,
				failed: tests.filter((t) => t.result().state === 'failed').length
			};
		});
		if (!times.length) return;
		console.log(`\n${formatTimes('Time per project', times)}`);
		const file = process.env.NZL_PROJECT_TIMES;
		if (file) appendFileSync(file, times.map((t) => `${JSON.stringify(t)}\n`).join(''));
	}
}
