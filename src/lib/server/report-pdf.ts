/**
 * "Download PDF" for the committee report: the same page, printed by headless Chromium where it
 * is installed (Debian's `chromium` package, or the browser CHROMIUM_PATH names). Where it is
 * not, the page says so and the browser's own Print → Save as PDF gives the same result: the
 * report's print styles are what both use.
 */
import { existsSync } from 'node:fs';
import { createPdfQueue } from './pdf-queue';

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome'
];

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];

/** A render waits this long at most for the page to load and its charts to draw. */
const RENDER_TIMEOUT_MS = 30_000;

export function chromiumPath(env: Record<string, string | undefined> = process.env) {
	if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
	return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function pdfRenderer(env: Record<string, string | undefined> = process.env) {
	const path = chromiumPath(env);
	return path
		? { available: true as const, reason: null }
		: {
				available: false as const,
				reason: env.CHROMIUM_PATH
					? `CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which does not exist on the server`
					: 'Chromium is not installed on the server (apt-get install chromium)'
			};
}

/**
 * The server's PDFs: one render at a time (each starts a browser), a short queue, and each PDF
 * kept under the key its caller gives (see pdf-queue.ts).
 */
export const reportPdfs = createPdfQueue((url) => renderPdf(url));

/** The page at `url` printed to A4, with page numbers in the footer. */
export async function renderPdf(
	url: string,
	env: Record<string, string | undefined> = process.env
): Promise<Uint8Array> {
	const executablePath = chromiumPath(env);
	if (!executablePath) throw new Error(pdfRenderer(env).reason!);
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath, args: ARGS, timeout: RENDER_TIMEOUT_MS });
	try {
		const page = await browser.newPage();
		page.setDefaultTimeout(RENDER_TIMEOUT_MS);
		await page.emulateMedia({ media: 'print' });
		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`the report page answered ${response?.status()}`);
		// Charts are drawn after hydration: wait until every canvas has been given its size.
		await page.waitForFunction(() =>
			Array.from(document.querySelectorAll('canvas')).every((c) => c.width > 0)
		);
		return await page.pdf({
			format: 'A4',
			printBackground: true,
			margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate:
				'<div style="font-size:8px;width:100%;text-align:center;color:#555">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
		});
	} finally {
		await browser.close();
	}
}
