/**
 * The funding deadlines page, its iCalendar feed and the competitions API, against the built
 * server with the published funding facts and the transcribed 2025–27 rounds loaded. The server
 * runs on the real date: of the rounds held, only the Heat Network Efficiency Scheme's 2025–28
 * programme listing is open (until 1 April 2028); the rest closed by May 2026.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Runs a test on a fresh page and checks nothing went wrong in the console. */
async function withPage(run: (page: Page) => Promise<void>, javaScriptEnabled = true) {
	const { page, errors, close } = await openPage(browser, { javaScriptEnabled });
	try {
		await run(page);
		expect(errors).toEqual([]);
	} finally {
		await close();
	}
}

const pastTable = (page: Page) => page.locator('section[aria-labelledby="past-title"] table');

describe('deadlines page /deadlines', () => {
	it('renders past rounds with the SHDF Wave 2.2 extension', () =>
		withPage(async (page) => {
			const response = await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').textContent()).resolves.toBe('Funding deadlines');
			await expect(page.locator('h2#open-title').textContent()).resolves.toContain('Open now');
			const row = pastTable(page).locator('tr', {
				has: page.locator('th', { hasText: 'Social Housing Decarbonisation Fund' }),
				hasText: 'Wave 2.2'
			});
			await expect(row.count()).resolves.toBe(1);
			const text = (await row.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain('Extended from 19 January to 31 January 2024');
			expect(text).toContain('72');
			// The Levelling Up Fund Round 2 window was 18 days: flagged as under 6 weeks.
			const luf = pastTable(page).locator('tr', { hasText: 'Levelling Up Fund' });
			const cells = await luf.filter({ hasText: 'Round 2' }).locator('td').allTextContents();
			expect(cells.slice(5, 7).map((c) => c.trim())).toEqual(['18', 'Yes']);
		}));

	it('says how current the rounds are, and lists allocations as allocations', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			const main = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
			const stale = page.getByRole('status').filter({ hasText: 'No funding round held here' });
			if ((await stale.count()) > 0) {
				// After April 2028 nothing held is open: the page says so, and how to add rounds.
				expect(await stale.textContent()).toContain('The newest deadline held was 1 April 2028');
				await expect(
					stale.locator('a[href="/import/templates#competitions"]').count()
				).resolves.toBe(1);
			} else {
				expect(main).toContain('The newest deadline held is 1 April 2028.');
				const open = page.locator('section[aria-labelledby="open-title"]');
				expect(await open.textContent()).toContain('Heat Network Efficiency Scheme');
			}
			expect(main).toMatch(/Rounds were last updated on \d{1,2} \w+ \d{4}\./);
			const allocations = page.locator('section[aria-labelledby="allocations-title"]');
			const text = (await allocations.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain('Consolidated Active Travel Fund');
			expect(text).toContain('Net-zero strand of a wider fund');
			expect(text).toContain('UK Shared Prosperity Fund');
			expect(text).toContain('General (regeneration, growth)');
			// An allocation is not a round missing its dates.
			const undated = page.locator('section[aria-labelledby="undated-title"]');
			if ((await undated.count()) > 0)
				expect(await undated.textContent()).not.toContain('Consolidated Active Travel Fund');
		}));

	it('navigates the calendar to January 2024 and shows the SHDF deadline on the 31st', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			await page.locator('nav.jump a', { hasText: 'January 2024' }).click();
			await page.waitForURL(/month=2024-01/);
			await expect(page.locator('#calendar-title').textContent()).resolves.toContain(
				'January 2024'
			);
			const cell = page.locator('table.month td[data-date="2024-01-31"]');
			await expect(cell.textContent()).resolves.toContain('Wednesday 31 January 2024');
			const link = cell.locator('a', {
				hasText: 'Closes: Social Housing Decarbonisation Fund Wave 2.2'
			});
			const target = await link.getAttribute('href');
			expect(target).toMatch(/^#competition-\d+$/);
			await expect(page.locator(target!).count()).resolves.toBe(1);
			// Previous and next months keep working from here.
			await page.locator('nav.month-nav a[rel="next"]').click();
			await page.waitForURL(/month=2024-02/);
			await page.locator('nav.month-nav a[rel="prev"]').click();
			await page.waitForURL(/month=2024-01/);
			await expect(page.locator('td[data-date="2024-01-31"] a').count()).resolves.toBe(1);
		}));

	it('opens the calendar on a month with deadlines and says why', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			const calendar = page.locator('#calendar');
			// Whatever today is, the month shown has an opening or deadline in it.
			await expect(
				calendar.locator('ol.agenda li, table.month li').count()
			).resolves.toBeGreaterThan(0);
			await expect(calendar.locator('[data-empty-month]').count()).resolves.toBe(0);
			const title = (await page.locator('#calendar-title').textContent())!;
			const reason = calendar.locator('[data-month-reason]');
			if ((await reason.count()) > 0) {
				// Not this month: the notice names the month shown and this month.
				const text = (await reason.textContent())!.replace(/\s+/g, ' ');
				expect(text).toContain(`Showing ${title.replace('Calendar: ', '')}`);
				expect(text).toMatch(/the (next|latest) month with a deadline/);
			}
		}));

	it('says an empty month is empty and links to the nearest month with deadlines', () =>
		withPage(async (page) => {
			// June 2021: no published round opens or closes then; October 2021 (PSDS 3a) is nearest.
			await page.goto(`${baseUrl}/deadlines?month=2021-06`, { waitUntil: 'load' });
			const empty = page.locator('#calendar [data-empty-month]');
			const text = (await empty.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain('No round held here opens or closes in June 2021.');
			await empty.locator('a', { hasText: 'October 2021' }).click();
			await page.waitForURL(/month=2021-10/);
			await expect(page.locator('#calendar-title').textContent()).resolves.toContain(
				'October 2021'
			);
			await expect(page.locator('#calendar [data-empty-month]').count()).resolves.toBe(0);
		}));

	it('filters by kind with the form, keeping the calendar month', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines?month=2022-08`, { waitUntil: 'load' });
			await page.selectOption('#dl-kind', 'formula');
			await page.getByRole('button', { name: 'Show rounds' }).click();
			await page.waitForURL(/kind=formula/);
			expect(page.url()).toContain('month=2022-08');
			const text = await pastTable(page).textContent();
			expect(text).toContain('UK Shared Prosperity Fund');
			expect(text).not.toContain('Social Housing Decarbonisation Fund');
			const august = page.locator('table.month td[data-date="2022-08-01"]');
			await expect(august.textContent()).resolves.toContain('UK Shared Prosperity Fund');
			await expect(page.locator('table.month td[data-date="2022-08-02"] a').count()).resolves.toBe(
				0
			);
		}));

	it('filters by council type without JavaScript, keeping rounds that do not say', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines?type=SCO`, { waitUntil: 'load' });
			const text = await page.locator('main').textContent();
			expect(text).not.toContain('Home Upgrade Grant');
			expect(await pastTable(page).textContent()).toContain('Public Sector Decarbonisation Scheme');
			expect(text).toContain('do not say which councils may bid are included');
		}, false));
});

describe('iCalendar feed /deadlines.ics', () => {
	it('leaves past rounds out unless asked: what is open or coming', async () => {
		const body = (await (await fetch(`${baseUrl}/deadlines.ics`)).text()).replace(/\r\n /g, '');
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
			.format(new Date())
			.replaceAll('-', '');
		const starts = body.match(/^DTSTART[^:]*:(\d{8})/gm) ?? [];
		for (const line of starts) expect(line.slice(-8) >= today, line).toBe(true);
		expect(body).not.toContain('Social Housing Decarbonisation Fund Wave 2.2');
	});

	it('lists each current deadline as an event, SHDF Wave 2.2 on 31 January 2024', async () => {
		const res = await fetch(`${baseUrl}/deadlines.ics?past=1`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const body = await res.text();
		expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(body).toContain('BEGIN:VEVENT');
		expect(body).toContain('VERSION:2.0');
		const unfolded = body.replace(/\r\n /g, '');
		expect(unfolded).toMatch(/UID:competition-\d+-closes-2024-01-31@net-zero-local/);
		expect(unfolded).toContain('DTSTART:20240131T235900Z');
		expect(unfolded).toContain('SUMMARY:Closes: Social Housing Decarbonisation Fund Wave 2.2');
		expect(unfolded).toContain('20240131');
		// The superseded deadline is not an event.
		expect(unfolded).not.toMatch(/closes-2024-01-19/);
		expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
	});

	it('takes the page filters', async () => {
		const body = await (await fetch(`${baseUrl}/deadlines.ics?kind=formula&opens=1&past=1`)).text();
		const summaries = body.match(/^SUMMARY:.*$/gm) ?? [];
		expect(summaries).toEqual([
			'SUMMARY:Closes: UK Shared Prosperity Fund 2022-25',
			'SUMMARY:Opens: UK Shared Prosperity Fund 2022-25'
		]);
	});
});

describe('competitions API /api/competitions', () => {
	interface Competition {
		scheme: string;
		round: string;
		closes: { date: string } | null;
		deadlines: { date: string }[];
		windowDays: number | null;
		extensions: number;
		status: string;
	}

	it('returns JSON with HUG2 and its two deadlines', async () => {
		const res = await fetch(`${baseUrl}/api/competitions`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		const body = (await res.json()) as { count: number; competitions: Competition[] };
		expect(body.count).toBe(body.competitions.length);
		const hug2 = body.competitions.find((c) => c.round === 'Phase 2 (HUG2)');
		expect(hug2).toMatchObject({ scheme: 'Home Upgrade Grant', closes: { date: '2023-01-27' } });
		expect(hug2!.deadlines.map((d) => d.date)).toEqual(['2022-11-18', '2023-01-27']);
		const shdf = body.competitions.find((c) => c.round === 'Wave 2.2');
		expect(shdf).toMatchObject({ windowDays: 72, extensions: 1 });
	});

	it('filters, gives CSV with ?format=csv and rejects a bad filter', async () => {
		const filtered = (await (await fetch(`${baseUrl}/api/competitions?q=levelling`)).json()) as {
			competitions: Competition[];
		};
		expect(new Set(filtered.competitions.map((c) => c.scheme))).toEqual(
			new Set(['Levelling Up Fund'])
		);
		const csv = await fetch(`${baseUrl}/api/competitions?format=csv&kind=formula`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = (await csv.text()).split('\r\n');
		expect(lines[0]).toMatch(/^ID,Scheme,Round,Funder,Kind,/);
		const text = lines.join('\n');
		expect(text).toContain('UK Shared Prosperity Fund');
		// The 2025–27 allocations are formula money too.
		expect(text).toContain('Consolidated Active Travel Fund');
		expect(text).not.toContain('Levelling Up Fund');
		const bad = await fetch(`${baseUrl}/api/competitions?status=soon`);
		expect(bad.status).toBe(400);
	});
});
