/**
 * The funding deadlines page, its iCalendar feed and the competitions API, against the built
 * server with the published funding facts loaded. The server runs on the real date, when none of
 * the published rounds (2021–2024) is open.
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

	it('says plainly when nothing is open, pointing to past rounds and importing', () =>
		withPage(async (page) => {
			await page.goto(`${baseUrl}/deadlines`, { waitUntil: 'load' });
			const open = page.locator('section[aria-labelledby="open-title"]');
			if ((await open.locator('article').count()) > 0) return; // someone imported an open round
			const text = await open.textContent();
			expect(text).toContain('Nothing is open today');
			await expect(open.locator('a[href="#past-title"]').count()).resolves.toBe(1);
			await expect(open.locator('a[href^="/import"]').count()).resolves.toBe(1);
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
	it('lists each current deadline as an event, SHDF Wave 2.2 on 31 January 2024', async () => {
		const res = await fetch(`${baseUrl}/deadlines.ics`);
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
		const body = await (await fetch(`${baseUrl}/deadlines.ics?kind=formula&opens=1`)).text();
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
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('UK Shared Prosperity Fund');
		const bad = await fetch(`${baseUrl}/api/competitions?status=soon`);
		expect(bad.status).toBe(400);
	});
});
