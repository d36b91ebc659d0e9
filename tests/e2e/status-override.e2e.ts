/**
 * An officer's override of a calculated status, and the committee report saying what changed
 * since the last one, against the built server on the shipped data (Manchester, so the Trafford
 * pages other tests read stay as shipped): the public and another council's officer are refused
 * and nothing is stored; the admin records a report for a past meeting, overrides the whole-area
 * status with a reason, and the next report (and the public's) says what changed and why.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contextCookie } from './accounts';
import { launchBrowser, openPage, gotoHydrated } from './browser';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');
const adminCookie = inject('adminCookie');
const officerCookie = inject('officerCookie');

const REASON =
	'The Civic Quarter heat network (2026) cuts about 30 kt a year; not yet in the figures.';

function count(sql: string): number {
	const db = new Database(dbPath, { readonly: true });
	try {
		return db.prepare(sql).pluck().get() as number;
	} finally {
		db.close();
	}
}
const overrides = () => count("SELECT count(*) FROM status_overrides WHERE authority_code = 'MAN'");

/** The whole-area target card on a progress page. */
const wholeArea = (page: Page) =>
	page
		.locator('article.target-progress')
		.filter({ has: page.locator('h2', { hasText: /^Whole area/ }) });

/** Manchester's whole-area target id, as the page's form carries it. */
function manchesterAreaTargetId(): number {
	return count(
		"SELECT id FROM targets WHERE authority_code = 'MAN' AND scope = 'whole_area' ORDER BY target_year LIMIT 1"
	);
}

const postOverride = (cookie: string | null, fields: Record<string, string>) =>
	fetch(`${baseUrl}/authorities/MAN/progress?/override`, {
		method: 'POST',
		headers: {
			origin: baseUrl,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('status overrides and what changed since the last report', () => {
	const fields = () => ({
		targetId: String(manchesterAreaTargetId()),
		measure: 'territorial',
		colour: 'green',
		reason: REASON
	});

	it('refuses the public and another council’s officer, storing nothing', async () => {
		const before = overrides();
		expect((await postOverride(null, fields())).status).toBe(401);
		const officer = await postOverride(officerCookie, fields());
		const body = await officer.text();
		expect(body).toContain("Only MAN's officers and admins can override its statuses.");
		expect(overrides()).toBe(before);
		// The page offers Trafford's officer no form on Manchester's targets.
		const { page, close } = await openPage(browser);
		try {
			await page.context().addCookies([contextCookie(baseUrl, officerCookie)]);
			await page.goto(`${baseUrl}/authorities/MAN/progress`);
			await expect(
				page.locator('summary', { hasText: 'Override this status' }).count()
			).resolves.toBe(0);
		} finally {
			await close();
		}
	});

	it('an admin records the report, overrides the status with a reason, and the next report says what changed', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.context().addCookies([contextCookie(baseUrl, adminCookie)]);

			// 1. Record this year's report as presented to a meeting a week ago.
			await gotoHydrated(page, `${baseUrl}/authorities/MAN/report`);
			await expect(page.locator('#changes + p').textContent()).resolves.toContain(
				'No earlier report to committee is recorded for Manchester'
			);
			// The PDF is made as the public's page: the officers are told so.
			await expect(page.locator('.options').textContent()).resolves.toContain(
				'it is the public version, as committee papers are published'
			);
			await page.locator('summary', { hasText: 'Record this report' }).click();
			const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
			await page.fill('#meeting-on', weekAgo);
			await page.locator('form.record button').click();
			await page.locator('text=Recorded as the report to the meeting on').waitFor();
			expect(count("SELECT count(*) FROM report_snapshots WHERE authority_code = 'MAN'")).toBe(1);

			// 2. Override the whole-area status; a reason too short is refused first.
			await page.goto(`${baseUrl}/authorities/MAN/progress`);
			const card = wholeArea(page);
			const calculated = (await card.locator('.rag').first().textContent())!;
			expect(calculated).not.toBe('On track');
			await card.locator('summary', { hasText: 'Override this status' }).click();
			await card.locator('input[name=colour][value=green]').check();
			await card.locator('textarea[name=reason]').fill('too short');
			// The browser's own check stops a short reason; the server's is tested without it below.
			await card.locator('.override-form button').click();
			expect(overrides()).toBe(0);
			await card.locator('textarea[name=reason]').fill(REASON);
			await card.locator('.override-form button').click();
			await card.locator('.override').waitFor();
			expect((await card.locator('.headline').textContent())!.replace(/\s+/g, ' ')).toContain(
				`On track Set by the council's officers. Calculated: ${calculated}`
			);
			await expect(card.locator('.override').textContent()).resolves.toContain(REASON);
			// An admin sees who set it.
			await expect(card.locator('.override').textContent()).resolves.toContain('admin@e2e.example');
			expect(overrides()).toBe(1);
			expect(
				count(
					"SELECT count(*) FROM audit_log WHERE action = 'status.override' AND summary LIKE 'MAN %'"
				)
			).toBe(1);

			// 3. The report now leads with the officers' status and says what changed since.
			await gotoHydrated(page, `${baseUrl}/authorities/MAN/report`);
			const changes = (await page.locator('ul.changes').textContent()) ?? '';
			expect(changes).toContain(`status ${calculated.toLowerCase()} → on track`);
			expect(changes).toContain(REASON);
			await expect(page.locator('.rag-table').textContent()).resolves.toContain(
				`Set by the council's officers; calculated: ${calculated}. Reason: ${REASON}`
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('the server refuses a short reason without the browser’s help', async () => {
		const res = await postOverride(adminCookie, { ...fields(), reason: 'short' });
		expect(await res.text()).toContain('Give the reason in at least 10 characters');
		expect(overrides()).toBe(1);
	});

	it('the public read the override, its reason and what changed, but not who set it', async () => {
		const page = await (await fetch(`${baseUrl}/authorities/MAN/progress`)).text();
		expect(page).toContain(REASON);
		expect(page).not.toContain('admin@e2e.example');
		expect(page).not.toContain('Override this status');
		const report = await (await fetch(`${baseUrl}/authorities/MAN/report`)).text();
		expect(report).toContain('Since the last report');
		expect(report).toContain('→ on track');
		const api = (await (await fetch(`${baseUrl}/api/authorities/MAN/progress`)).json()) as {
			targets: { scope: string; statusOverride: { colour: string; by: string | null } | null }[];
		};
		const area = api.targets.find((t) => t.scope === 'whole_area')!;
		expect(area.statusOverride).toMatchObject({ colour: 'green', by: null });
		// The national view judges every council by the one rule, and says where overrides are.
		const national = (await (await fetch(`${baseUrl}/api/progress`)).json()) as {
			rows: { code: string; status: string }[];
		};
		const manchester = national.rows.filter((r) => r.code === 'MAN');
		expect(manchester.length).toBeGreaterThan(0);
		expect(manchester.map((r) => r.status)).not.toContain('green');
		expect(await (await fetch(`${baseUrl}/progress`)).text()).toContain(
			'Every council here is judged by this one rule'
		);
	});

	it('the public see a change as soon as the form has answered, not the page kept before', async () => {
		const publicPage = async () => (await fetch(`${baseUrl}/authorities/MAN/progress`)).text();
		// Kept by the response cache for the public, before the change.
		expect(await publicPage()).not.toContain('A second reason, recorded later on');
		const res = await postOverride(adminCookie, {
			...fields(),
			reason: 'A second reason, recorded later on'
		});
		expect(res.status).toBe(200);
		expect(await publicPage()).toContain('A second reason, recorded later on');
	});
});
