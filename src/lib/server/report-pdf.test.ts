import { describe, expect, it } from 'vitest';
import { chromiumPath, pdfRenderer } from './report-pdf';

describe('the PDF renderer', () => {
	it('says why it cannot make a PDF when CHROMIUM_PATH names nothing', () => {
		const env = { CHROMIUM_PATH: '/nonexistent/chromium' };
		expect(chromiumPath(env)).toBeNull();
		expect(pdfRenderer(env)).toEqual({
			available: false,
			reason: 'CHROMIUM_PATH names /nonexistent/chromium, which does not exist on the server'
		});
	});

	it('uses the browser CHROMIUM_PATH names when it exists', () => {
		// Any file that exists stands in for the browser: only its presence is checked here.
		const env = { CHROMIUM_PATH: process.execPath };
		expect(chromiumPath(env)).toBe(process.execPath);
		expect(pdfRenderer(env)).toEqual({ available: true, reason: null });
	});
});
