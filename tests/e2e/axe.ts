/**
 * axe-core in a page of the built server: the pages' own content-security policy forbids
 * injected scripts, so axe is evaluated in the page rather than added as a <script>. Used by
 * axe-pages.ts (the pages as they are) and axe-upload.e2e.ts (an upload's check page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { gotoHydrated } from './browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
];

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe's violations on the page as it is now, one line each ("rule (impact): where, …"). */
export async function violations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	const found = await page.evaluate(async () => {
		type Axe = { run(options: object): Promise<{ violations: Violation[] }> };
		const axe = (window as unknown as { axe: Axe }).axe;
		// Every rule, as by default; only the violations are reported whole. The other results
		// (passes, inapplicable, incomplete) are cut to one node each, which spares axe working out
		// a selector for every node that passed: axe's own advice for large pages.
		return (await axe.run({ resultTypes: ['violations'] })).violations;
	});
	return found.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}; ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(', ')}`
	);
}

export async function check(page: Page, baseUrl: string, path: string): Promise<string[]> {
	const response = await gotoHydrated(page, `${baseUrl}${path}`);
	expect(response?.status(), path).toBe(200);
	return (await violations(page)).map((v) => `${path}: ${v}`);
}
