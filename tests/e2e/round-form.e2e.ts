/**
 * An admin adds a funding round announced today in the browser, as a person would: a mistake is
 * refused with the competitions feed's own sentence under its field; the saved round is open on
 * /deadlines and in the calendar feed, in the import history with its audit entry; a changed
 * deadline is kept as an extension; undo takes it all away. Officers and the public cannot.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contextCookie } from './accounts';
import { launchBrowser, openPage, gotoHydrated } from './browser';

const baseUrl = inject('baseUrl');
const adminCookie = inject('adminCookie');
const officerCookie = inject('officerCookie');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** An ISO date `days` from today in the UK. */
const ukDay = (days: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
		new Date(Date.now() + days * 86_400_000)
	);

describe('the round form', () => {
	it('is for admins: the public is sent to sign in, an officer refused', async () => {
		const asPublic = await fetch(`${baseUrl}/deadlines/rounds/new`, { redirect: 'manual' });
		expect(asPublic.status).toBe(303);
		expect(asPublic.headers.get('location')).toBe('/login?next=%2Fdeadlines%2Frounds%2Fnew');
		const asOfficer = await fetch(`${baseUrl}/deadlines/rounds/new`, {
			headers: { cookie: officerCookie }
		});
		expect(asOfficer.status).toBe(403);
		const post = await fetch(`${baseUrl}/deadlines/rounds/new`, {
			method: 'POST',
			headers: {
				cookie: officerCookie,
				origin: baseUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'scheme=E2E+Officer+Fund&round=1'
		});
		expect(post.status).toBe(403);
		expect(await post.text()).toMatch(/Only an admin/);
	});

	it('adds a round open today, refuses a mistake in its field, and undoes', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.context().addCookies([contextCookie(baseUrl, adminCookie)]);
			await gotoHydrated(page, `${baseUrl}/deadlines/rounds/new`);
			await page.getByLabel('Scheme', { exact: true }).fill('E2E Heat Decarbonisation Fund');
			await page.getByLabel('Round', { exact: true }).fill('Round 1');
			await page
				.getByLabel('Funder (optional)')
				.fill('Department for Energy Security and Net Zero');
			await page.getByLabel('Kind (optional)').selectOption('competitive');
			await page.getByLabel('Purpose (optional)').selectOption('net_zero_specific');
			await page.getByLabel('Opens (optional)').fill(ukDay(-3));
			// A deadline before the opening: the feed's own check, said under the field.
			await page.getByLabel('Deadline (optional)').fill(ukDay(-10));
			await page.getByRole('button', { name: 'Save the round' }).click();
			const problem = page.locator('.field.invalid .problem');
			// Playwright's wait, not expect.poll's one second: under load the answer takes longer.
			await problem.first().waitFor();
			expect(await problem.first().textContent()).toMatch(/before|after/);
			await page.getByLabel('Deadline (optional)').fill(ukDay(20));
			await page.getByLabel('Deadline time (optional)').fill('12:00');
			await page.getByRole('button', { name: 'Save the round' }).click();
			await page.waitForURL(/\/deadlines\?saved=\d+/);
			const saved = page.getByRole('status').filter({ hasText: 'The round is saved' });
			const history = await saved.locator('a').getAttribute('href');
			expect(history).toMatch(/^\/import\/history\/\d+$/);
			const card = page.locator('article', { hasText: 'E2E Heat Decarbonisation Fund' });
			const text = (await card.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain('Closing soon');
			expect(text).toContain('DESNZ (formerly BEIS)');
			expect(text).toContain('Net zero');

			const feed = (await (await fetch(`${baseUrl}/deadlines.ics`)).text()).replace(/\r\n /g, '');
			expect(feed).toContain('SUMMARY:Closes: E2E Heat Decarbonisation Fund Round 1');

			// A new deadline from the change form is an extension; the earlier one is history.
			await card.getByRole('link', { name: /Change this round/ }).click();
			await page.waitForURL(/\/deadlines\/rounds\/\d+$/);
			await page.getByLabel('Deadline (optional)').fill(ukDay(40));
			await page.getByRole('button', { name: 'Save the changes' }).click();
			await page.waitForURL(/\/deadlines\?saved=\d+/);
			const api = (await (await fetch(`${baseUrl}/api/competitions`)).json()) as {
				competitions: { scheme: string; closes: { date: string }; extensions: number }[];
			};
			expect(
				api.competitions.find((c) => c.scheme === 'E2E Heat Decarbonisation Fund')
			).toMatchObject({ closes: { date: ukDay(40) }, extensions: 1 });

			// Undo both saves, newest first, from the import history.
			const secondHistory = await page
				.getByRole('status')
				.filter({ hasText: 'The round is saved' })
				.locator('a')
				.getAttribute('href');
			for (const path of [secondHistory!, history!]) {
				await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
				page.once('dialog', (d) => void d.accept());
				await page.getByRole('button', { name: /Undo/ }).click();
				await page.waitForURL(/undone=1/);
			}
			await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			expect(await page.locator('main').textContent()).not.toContain(
				'E2E Heat Decarbonisation Fund'
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	}, 60_000);
});
