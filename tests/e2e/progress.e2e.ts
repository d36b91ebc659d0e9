/**
 * The progress page and the committee report on the shipped data: Trafford's whole-area target
 * (2038) against the DESNZ 2005–2023 series, worked by hand in
 * src/lib/server/metrics/progress-trafford.test.ts (territorial: net zero in 2051 on the
 * 2019–2023 trend; scope of influence: 2044; both red).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForDrawnCanvas } from './browser';

const baseUrl = inject('baseUrl');

/** The card of the whole-area target (a council-operations card may mention the area too). */
const wholeArea = (page: Page) =>
	page
		.locator('article.target-progress')
		.filter({ has: page.locator('h2', { hasText: /^Whole area/ }) });
let browser: Browser;

/** "1st", "22nd": written out here, not taken from the app. */
const ordinal = (n: number) =>
	`${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('progress page /authorities/[code]/progress', () => {
	it("shows Trafford off track, with the rule, the figures and the chart's numbers", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/TRF/progress`);
			expect(response?.status()).toBe(200);
			const target = wholeArea(page);
			await expect(target.locator('h2').textContent()).resolves.toBe(
				'Whole area: net zero by 2038'
			);
			await expect(target.locator('.rag').textContent()).resolves.toBe('Off track');
			const text = (await target.textContent()) ?? '';
			expect(text).toContain(
				'on the current trend net zero is reached in 2051, 13 years after the target of 2038'
			);
			expect(text).toContain('Rule: Green when the projected net-zero year');
			expect(text).toContain('15.0% a year');
			expect(text).toContain('4.1% a year');
			expect(text).toContain('Covid years 2020 and 2021');
			expect(text).toContain('DESNZ UK local authority greenhouse gas emissions 2005–2023');
			await waitForDrawnCanvas(page);
			// The chart's table holds the published 2023 figure and the path's zero in 2038.
			const rows = await target.locator('.chart-data tbody tr').allTextContents();
			expect(rows.some((r) => r.startsWith('2023') && r.includes('1,393.1'))).toBe(true);
			expect(rows.some((r) => r.startsWith('2038') && r.includes('0.0'))).toBe(true);
			expect(await page.locator('#actions-title + *').textContent()).toContain(
				'No action plan has been imported'
			);

			await page.getByRole('link', { name: "CO2 within the council's scope of influence" }).click();
			await page.waitForURL(/measure=scope_of_influence/);
			await expect(
				page.locator('article.target-progress').first().textContent()
			).resolves.toContain('net zero is reached in 2044, 6 years after the target of 2038');
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('shows a council whose emissions rise as red and "not on the current trend"', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/LUT/progress`);
			const target = wholeArea(page);
			await expect(target.locator('.rag').textContent()).resolves.toBe('Off track');
			const text = (await target.textContent()) ?? '';
			expect(text).toContain('Not on the current trend');
			expect(text).toMatch(/Rising, \+\d+ kt a year over 2019–2023/);
		} finally {
			await close();
		}
	});

	it("judges Greater Manchester on its 10 councils' figures summed, and lists them", async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/GMCA/progress`);
			expect(response?.status()).toBe(200);
			// Territorial, 2019–2023: zero in 2044.17, so 2045, 7 years after 2038 (worked in
			// src/lib/server/queries/upper-tier-progress.test.ts).
			const target = wholeArea(page);
			await expect(target.locator('.rag').textContent()).resolves.toBe('Off track');
			const text = (await target.textContent()) ?? '';
			expect(text).toContain('net zero is reached in 2045, 7 years after the target of 2038');
			expect(text).toContain("sum of its 10 member councils' figures, DESNZ");
			const sum = page.getByTestId('area-sum');
			await expect(sum.locator('h2').textContent()).resolves.toBe(
				"Greater Manchester's figures: the sum of its 10 member councils'"
			);
			const members = sum.locator('tbody th a');
			expect(await members.count()).toBe(10);
			await expect(members.filter({ hasText: 'Trafford' }).getAttribute('href')).resolves.toBe(
				'/authorities/TRF/progress'
			);
			expect(await sum.textContent()).toContain(
				'Every member has a figure for every year, 2005–2023.'
			);
			expect(await page.getByTestId('old-figures').count()).toBe(0);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('shows Devon off track in scope of influence (2056), on its 8 districts, on the page and the report', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/DEV/progress?measure=scope_of_influence`);
			const target = wholeArea(page);
			await expect(target.locator('.rag').textContent()).resolves.toBe('Off track');
			expect(await target.textContent()).toContain(
				'net zero is reached in 2056, 6 years after the target of 2050'
			);
			const sum = page.getByTestId('area-sum');
			expect(await sum.locator('tbody th a').allTextContents()).toEqual([
				'East Devon',
				'Exeter',
				'Mid Devon',
				'North Devon',
				'South Hams',
				'Teignbridge',
				'Torridge',
				'West Devon'
			]);
			// A member's link keeps the measure.
			await expect(
				sum.locator('tbody th a', { hasText: 'Exeter' }).getAttribute('href')
			).resolves.toBe('/authorities/EXE/progress?measure=scope_of_influence');
			await page.goto(`${baseUrl}/authorities/DEV/report?fy=2025-26&measure=scope_of_influence`);
			const caption = (await page.locator('figure.report-chart figcaption').textContent()) ?? '';
			expect(caption.replace(/\s+/g, ' ')).toContain(
				'Source: the sum of the figures of its 8 districts (East Devon, Exeter, Mid Devon, North Devon, South Hams, Teignbridge, Torridge, West Devon), DESNZ'
			);
			// Its profile still shows its own 2005–2020 figures by sector, flagged as old.
			await page.goto(`${baseUrl}/authorities/DEV`);
			expect(await page.getByTestId('old-own-figures').textContent()).toMatch(
				/Old figures\. These are Devon's own figures, which end in 2020\. Progress is judged on the sum of its 8 districts' figures, which run to 2023/
			);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it("adds up Trafford's emissions to 2038 on each path and ranks its last year's change among its peers, as recomputed from the API's series", async () => {
		const res = await fetch(`${baseUrl}/api/authorities/TRF/progress`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			targets: {
				scope: string;
				targetYear: number | null;
				series: { unit: string; points: { year: number; valueKt: number }[] } | null;
			}[];
		};
		const area = body.targets.find((t) => t.scope === 'whole_area' && t.targetYear === 2038)!;
		const { unit, points } = area.series!;
		// Worked independently of the app: the last five years' least-squares line carried on to
		// 2038 (never below zero), a straight line from the latest figure, and 0.8828 a year.
		const latest = points.at(-1)!;
		const years = Array.from({ length: 2038 - latest.year }, (_, i) => latest.year + 1 + i);
		const fit = points.slice(-5);
		const meanYear = fit.reduce((s, p) => s + p.year, 0) / fit.length;
		const meanKt = fit.reduce((s, p) => s + p.valueKt, 0) / fit.length;
		const slope =
			fit.reduce((s, p) => s + (p.year - meanYear) * (p.valueKt - meanKt), 0) /
			fit.reduce((s, p) => s + (p.year - meanYear) ** 2, 0);
		const sum = (f: (y: number) => number) => years.reduce((s, y) => s + f(y), 0);
		const trend = sum((y) => Math.max(0, meanKt + slope * (y - meanYear)));
		const straight = sum((y) => (latest.valueKt * (2038 - y)) / (2038 - latest.year));
		const law = sum((y) => latest.valueKt * 0.8828 ** (y - latest.year));
		const whole = (n: number) => Math.round(n).toLocaleString('en-GB');

		const { page, errors, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/TRF/progress`);
			const budget = wholeArea(page).getByTestId('carbon-budget');
			const table = budget.locator('table.budget-table');
			await expect(table.locator('caption').textContent()).resolves.toContain(
				`Trafford: total emissions ${latest.year + 1}–2038 on each path, in ${unit}`
			);
			expect(await table.locator('thead th[scope=col]').count()).toBe(4);
			expect(await table.locator('tbody th[scope=row]').count()).toBe(4);
			const total = (path: string) =>
				table.locator(`tr[data-path=${path}] td`).first().textContent();
			await expect(total('trend')).resolves.toBe(whole(trend));
			await expect(total('straight-line')).resolves.toBe(whole(straight));
			await expect(total('carbon-law')).resolves.toBe(whole(law));
			// No budget is recorded in the shipped data: the page says so, with the unit everywhere.
			await expect(budget.getByTestId('budget-sentence').textContent()).resolves.toBe(
				'No comparison with a carbon budget: the council has not set a carbon budget.'
			);
			expect(await budget.textContent()).toContain(`${whole(trend)} ${unit} on the current trend`);

			// The change from the year before the latest, worked from the same series.
			const before = points.at(-2)!;
			const pct = ((latest.valueKt - before.valueKt) / before.valueKt) * 100;
			const sentence = (await page.getByTestId('peer-change-sentence').textContent()) ?? '';
			expect(sentence.replace(/\s+/g, ' ')).toContain(
				`Trafford's emissions fell ${Math.abs(pct).toFixed(1)}% (\u2212${whole(before.valueKt - latest.valueKt)} ${unit}) from ${before.year} to ${latest.year}`
			);
			// Its rank among itself and its 30 overall similar councils, each peer's change worked
			// from its profile's territorial series (the one reaching the latest year).
			const similar = (await (await fetch(`${baseUrl}/api/authorities/TRF/similar`)).json()) as {
				types: { overall: { peers: { code: string }[] } };
			};
			const codes = similar.types.overall.peers.map((p) => p.code);
			expect(codes).toHaveLength(30);
			const changes = await Promise.all(
				codes.map(async (code) => {
					const profile = (await (await fetch(`${baseUrl}/api/authorities/${code}`)).json()) as {
						emissions: { measure: string; byYear: { year: number; totalKt: number }[] }[];
					};
					const s = profile.emissions.find(
						(e) => e.measure === 'territorial' && e.byYear.at(-1)!.year === latest.year
					)!;
					const [a, b] = s.byYear.slice(-2);
					return ((b!.totalKt - a!.totalKt) / a!.totalKt) * 100;
				})
			);
			const rank = changes.filter((c) => c < pct).length + 1;
			expect(sentence).toContain(
				`${ordinal(rank)} of 31 among itself and its 30 most similar councils`
			);
			const own = page.locator('[data-testid=peer-change] tr.current');
			await expect(own.locator('th a').getAttribute('aria-current')).resolves.toBe('page');
			await expect(own.locator('td').first().textContent()).resolves.toBe(ordinal(rank));
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('says when a council has no whole-area target, and refuses a bad option', async () => {
		const { page, close } = await openPage(browser);
		try {
			await page.goto(`${baseUrl}/authorities/AMB/progress`);
			expect(await page.locator('main').textContent()).toMatch(
				/No council-operations or whole-area net-zero target is recorded for Amber Valley|Amber Valley has no whole-area target/
			);
			const bad = await page.goto(`${baseUrl}/authorities/TRF/progress?window=2`);
			expect(bad?.status()).toBe(400);
		} finally {
			await close();
		}
	});
});

describe('committee report /authorities/[code]/report', () => {
	it('prints purpose, recommendation, the RAG table and the trajectory with its numbers', async () => {
		const { page, errors, close } = await openPage(browser);
		try {
			const response = await page.goto(`${baseUrl}/authorities/TRF/report?fy=2025-26`);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').textContent()).resolves.toBe(
				'Net zero: progress report, 2025/26'
			);
			const text = (await page.locator('article.report').textContent()) ?? '';
			expect(text).toContain('That the committee notes the progress set out in this report.');
			expect(text).toContain(
				'Whole area target (net zero by 2038): Off track: on the current trend net zero is reached in 2051'
			);
			expect(text).toContain('No net-zero bid decided in 2025/26 is recorded.');
			await waitForDrawnCanvas(page, 'figure.report-chart canvas');
			await page.emulateMedia({ media: 'print' });
			// On paper the chart's key numbers are a visible table, not behind a toggle.
			const table = page.locator('figure.report-chart table');
			expect(await table.isVisible()).toBe(true);
			const rows = await table.locator('tbody tr').allTextContents();
			expect(rows.some((r) => r.startsWith('2023') && r.includes('1,393'))).toBe(true);
			expect(await page.locator('.options').isVisible()).toBe(false);
			// A committee paper: no site banner (with its "Sign in") and no site footer on paper.
			expect(await page.locator('.site-header').isVisible()).toBe(false);
			expect(await page.locator('.site-footer').isVisible()).toBe(false);
			// Every section of the paper is numbered, in order.
			const headings = await page
				.locator('article.report h2:not(.visually-hidden)')
				.allTextContents();
			expect(headings.length).toBeGreaterThanOrEqual(8);
			headings.forEach((h, i) => expect(h).toMatch(new RegExp(`^${i + 1}\\. `)));
			expect(headings).toContain('8. Deadlines in the next 90 days');
			// On screen the site's banner is there as on every page.
			await page.emulateMedia({ media: 'screen' });
			expect(await page.locator('.site-header').isVisible()).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	it('downloads as a PDF of at most two A4 pages', async () => {
		const response = await fetch(`${baseUrl}/authorities/TRF/report.pdf?fy=2025-26`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="net-zero-report-TRF-2025-26.pdf"'
		);
		const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(2);
		// A4 is 595 × 842 points.
		expect(pdf).toMatch(/\/MediaBox\s*\[0 0 59[56](\.\d+)? 84[12](\.\d+)?\]/);
		// No site chrome: the banner's links (home, "Sign in") and the footer's are not printed.
		const links = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => new URL(m[1]!).pathname);
		expect(links).not.toContain('/login');
		expect(links).not.toContain('/');
	});

	it('keeps a made PDF: asked again, the same file comes back', async () => {
		const get = async () =>
			Buffer.from(
				await (await fetch(`${baseUrl}/authorities/TRF/report.pdf?fy=2025-26`)).arrayBuffer()
			);
		// A new render would differ: each PDF carries the time it was made.
		expect((await get()).equals(await get())).toBe(true);
	});

	it('prints one at a time with a short queue, and says when to come back past it', async () => {
		const years = ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];
		const answers = await Promise.all(
			years.map((fy) => fetch(`${baseUrl}/authorities/MAN/report.pdf?fy=${fy}`))
		);
		const busy = answers.filter((r) => r.status === 503);
		expect(busy).toHaveLength(1);
		expect(busy[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await busy[0]!.text()).toMatch(/try again in \d+ seconds/);
		const made = answers.filter((r) => r.status === 200);
		expect(made).toHaveLength(4);
		for (const r of made) expect(r.headers.get('content-type')).toBe('application/pdf');
	}, 120_000);

	it('refuses a year that is not a financial year', async () => {
		const response = await fetch(`${baseUrl}/authorities/TRF/report?fy=2025-27`);
		expect(response.status).toBe(400);
	});
});
