/**
 * The browser the tests drive: the one headless Debian chromium the global setup starts for the
 * whole run, which each test file connects to (its contexts are its own and closed with it); or,
 * without that setup, a chromium of the file's own. Pages record console and page errors.
 */
import {
	chromium,
	type Browser,
	type BrowserContextOptions,
	type ConsoleMessage,
	type Download,
	type Page
} from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed } from 'vitest';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * Debian's chromium-headless-shell where it is installed: the headless-only build Playwright
 * itself runs headless tests in, the same Blink as chromium, at about half the processor time per
 * page (a fresh context and page, 70 ms against 300 ms; its first page load, 460 ms against
 * 1.2 s). Else the full chromium.
 */
const SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = {
	executablePath: existsSync(SHELL) ? SHELL : '/usr/bin/chromium',
	args: CHROMIUM_ARGS
};

/** The run's chromium (closing what is returned disconnects from it), else a new one. */
export function launchBrowser(): Promise<Browser> {
	const endpoint = inject('browserEndpoint');
	return endpoint ? chromium.connect(endpoint) : chromium.launch(CHROMIUM);
}

/**
 * A download's text, read through playwright's connection: the file is on the browser's side,
 * which (connected to the run's chromium) may not be this process's.
 */
export async function downloadedText(download: Download): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser for the tests of the file that calls this: connected before them, disconnected
 * after. Returns it through a function, as it exists only once they start.
 */
export function browserForFile(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => browser!;
}

/**
 * Opens `url` and waits until the page is interactive: the layout marks `<html data-hydrated>`
 * once every component has mounted. Quicker and surer than waiting for the network to be idle.
 */
export async function gotoHydrated(page: Page, url: string) {
	const response = await page.goto(url, { waitUntil: 'load' });
	// A page served without its script (csr = false, as /authorities is) has nothing to wait for.
	await page.waitForFunction(
		() =>
			document.documentElement.hasAttribute('data-hydrated') ||
			!document.querySelector('script[type="module"], link[rel="modulepreload"]')
	);
	return response;
}

export interface WatchedPage {
	page: Page;
	/** Console messages of type "error" and uncaught page errors, in order. */
	errors: string[];
	close(): Promise<void>;
}

/**
 * The pages a test file has closed, by the browser and the options they were opened with: its next
 * openPage with the same options takes one rather than a new context. A new context costs a new
 * renderer process and a first load without any cache, about twice a load in a page already open
 * (the readers' run: about 5% of its processor time, 147 to 140 s). A kept page is put back as a
 * new one is: its cookies cleared, any other page of its context (a popup) closed, on
 * about:blank, without media emulation or dialog handlers, at its options' viewport. The server
 * answers every page with max-age=0, so a shared HTTP cache asks again each time.
 * Each test file has its own (vitest loads this module again for each file), and its contexts
 * end with its connection to the browser.
 */
const closedPages = new Map<Browser, Map<string, Page>>();

/** A page as openPage gives one: what a test may have changed, put back. */
async function putBack(page: Page, options: BrowserContextOptions) {
	const context = page.context();
	for (const other of context.pages()) if (other !== page) await other.close();
	page.removeAllListeners('dialog');
	await page.goto('about:blank');
	await context.clearCookies();
	await page.emulateMedia({ media: null });
	const viewport = options.viewport ?? { width: 1280, height: 720 };
	const now = page.viewportSize();
	if (now?.width !== viewport.width || now.height !== viewport.height)
		await page.setViewportSize(viewport);
}

export async function openPage(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<WatchedPage> {
	const key = JSON.stringify(options);
	const kept = closedPages.get(browser)?.get(key);
	closedPages.get(browser)?.delete(key);
	const page = kept ?? (await (await browser.newContext(options)).newPage());
	page.setDefaultTimeout(10_000);
	const errors: string[] = [];
	const onConsole = (msg: ConsoleMessage) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	};
	const onPageError = (err: Error) => errors.push(`pageerror: ${err.message}`);
	page.on('console', onConsole);
	page.on('pageerror', onPageError);
	// A failure says where the page was and what it logged: under load, the step that timed out
	// is often not the one that went wrong.
	onTestFailed(() => {
		console.error(
			`The page was at ${page.url()}${errors.length ? `; it logged: ${errors.join(' | ')}` : ''}`
		);
	});
	const close = async () => {
		page.off('console', onConsole);
		page.off('pageerror', onPageError);
		if (page.isClosed() || !browser.isConnected()) return;
		const closed = closedPages.get(browser) ?? new Map<string, Page>();
		closedPages.set(browser, closed);
		if (closed.has(key)) return page.context().close();
		try {
			await putBack(page, options);
			closed.set(key, page);
		} catch {
			await page.context().close();
		}
	};
	return { page, errors, close };
}

/**
 * Waits until at least one canvas matching `selector` has a pixel with alpha > 0, i.e. a chart
 * was actually drawn (Chart.js animates, so the first frames may still be blank).
 */
export async function waitForDrawnCanvas(
	page: Page,
	selector = 'figure.chart canvas',
	timeout = 10_000
) {
	await page.locator(selector).first().scrollIntoViewIfNeeded();
	const drawn = page.waitForFunction(
		(sel) =>
			Array.from(document.querySelectorAll<HTMLCanvasElement>(sel)).some((canvas) => {
				if (!canvas.width || !canvas.height) return false;
				const ctx = canvas.getContext('2d');
				if (!ctx) return false;
				const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
				return false;
			}),
		selector,
		{ timeout, polling: 100 }
	);
	await drawn.catch((e: Error) => {
		throw new Error(
			`No "${selector}" had a painted pixel within ${timeout} ms (${e.message.split('\n')[0]})`
		);
	});
}

/** Number of data rows (tbody rows, else all rows minus a header row) in each `figure.chart`. */
export function chartTableRowCounts(page: Page): Promise<number[]> {
	return page.$$eval('figure.chart', (figures) =>
		figures.map((figure) => {
			const table = figure.querySelector('table');
			if (!table) return 0;
			const body = table.querySelectorAll('tbody tr').length;
			return body || Math.max(0, table.querySelectorAll('tr').length - 1);
		})
	);
}
