/**
 * A council's cost of bidding, as an officer reads it on the council's funding page and the
 * funding API: two bids for Wyre are imported through the pages for it, then undone. (The rest
 * of the funding tests only read: funding.e2e.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { signInAsAdmin } from './import-page';
import { stat } from './stat-card';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('funding', () => {
	it('cost of bidding adds officer days at the day rate to other costs', async () => {
		// Two bids for Wyre: 62 officer days and £19,000 of consultants, then 6 days. At £350 a
		// day: (62 + 6) × 350 = 23,800 + 19,000 = £42,800. Imported, checked, then undone.
		const csv =
			'reference,lead_authority,scheme,round,title,status,submitted_on,decided_on,officer_days,bid_cost\n' +
			'E2E-COST-1,Wyre,Public Sector Decarbonisation Scheme,Phase 4,E2E heat pumps,lost,25/11/2024,28/03/2025,62,"£19,000"\n' +
			'E2E-COST-2,Wyre,Public Sector Decarbonisation Scheme,Phase 3c,E2E depot boilers,submitted,10/11/2023,,6,\n';
		const { page, errors, close } = await openPage(browser());
		try {
			await signInAsAdmin(page, baseUrl);
			await page.goto(`${baseUrl}/import`);
			await page.setInputFiles('input[type=file]', {
				name: 'wyre-bids.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(csv)
			});
			await page.getByRole('button', { name: 'Upload and check' }).click();
			await page.waitForURL(/\/import\/[a-f0-9]{32}$/);
			await page.getByRole('button', { name: 'Import this file' }).click();
			await page.waitForURL(/\/import\/history\/\d+/);
			const history = page.url();
			try {
				// Costs of bidding are the council's and admins' to see: asked as the admin.
				const asAdmin = { headers: { cookie: inject('adminCookie') } };
				const api = await (
					await fetch(`${baseUrl}/api/funding/metrics?authority=WYR`, asAdmin)
				).json();
				expect(api.bids).toMatchObject({
					dayRateGbp: 350,
					officerDays: 68,
					otherCostGbp: 19_000,
					costGbp: 42_800
				});
				await page.goto(`${baseUrl}/authorities/WYR/funding`);
				const cost = await stat(page, 'Cost of bidding');
				expect(cost.value).toBe('£42,800');
				expect(cost.note).toBe(
					'68 officer days × £350 a day + £19,000 other costs (consultants, fees), over 2 costed bids'
				);
			} finally {
				await page.goto(history);
				page.once('dialog', (d) => void d.accept());
				await page.getByRole('button', { name: /Undo/ }).click();
				await page.waitForURL(/undone=1/);
			}
			const after = await (await fetch(`${baseUrl}/api/funding/metrics?authority=WYR`)).json();
			expect(after.bids.bids).toBe(0);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});
});
