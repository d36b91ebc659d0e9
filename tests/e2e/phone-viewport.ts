/** A phone's screen for the browser tests, and how wide a page is drawn on it. */
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };

/** The page's drawn width and the screen's, in CSS pixels. */
export const pageWidth = (page: Page) =>
	page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		viewport: document.documentElement.clientWidth
	}));
