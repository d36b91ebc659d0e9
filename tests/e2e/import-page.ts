/** Importing a CSV through the web pages as a user does, and undoing it, for tests that need rows. */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { contextCookie } from './accounts';

/** Signs the page's browser in as the admin (the session the global setup made). */
export async function signInAsAdmin(page: Page, baseUrl: string): Promise<void> {
	await page.context().addCookies([contextCookie(baseUrl, inject('adminCookie'))]);
}

/** Uploads `csv` as the admin and waits for the check page (nothing imported yet). */
export async function checkThroughPage(
	page: Page,
	baseUrl: string,
	name: string,
	csv: string
): Promise<void> {
	await signInAsAdmin(page, baseUrl);
	await page.goto(`${baseUrl}/import`);
	await page.setInputFiles('input[type=file]', {
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await page.waitForURL(/\/import\/[a-f0-9]{32}$/);
}

/** Uploads and imports `csv`; returns the URL of the import's history page. */
export async function importThroughPage(
	page: Page,
	baseUrl: string,
	name: string,
	csv: string
): Promise<string> {
	await checkThroughPage(page, baseUrl, name, csv);
	await page.getByRole('button', { name: 'Import this file' }).click();
	await page.waitForURL(/\/import\/history\/\d+/);
	return page.url();
}

/** Undoes the import whose history page is `historyUrl`. */
export async function undoThroughPage(page: Page, historyUrl: string): Promise<void> {
	await page.goto(historyUrl);
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: /Undo/ }).click();
	await page.waitForURL(/undone=1/);
}
