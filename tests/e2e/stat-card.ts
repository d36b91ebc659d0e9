/** Reading a headline figure (a StatCard) off a page, for the browser tests. */
import type { Page } from 'playwright-core';

/** A headline figure's value and its one-line note, found by its label. */
export async function stat(page: Page, label: string) {
	const card = page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) });
	return {
		value: await card.locator('.stat-value').innerText(),
		note: await card.locator('.stat-note').innerText()
	};
}
