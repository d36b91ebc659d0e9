/**
 * A council's own bids never change a public figure, and a bid naming another council as partner
 * changes nothing of that council's until its officer accepts. Leeds' bids (one won for £900m
 * naming Trafford as partner, one draft) and a Trafford bid are imported through the pages as
 * the admin, then undone. Reported: a Leeds officer's won bid naming Trafford moved Trafford's
 * estimated share from £50,000 to £200m and added £900m to Leeds' published total; ten Trafford
 * bids turned into five "published awards" and six national rounds.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './browser';
import { contextCookie } from './accounts';
import { importThroughPage, signInAsAdmin, undoThroughPage } from './import-page';

const baseUrl = inject('baseUrl');
const officerCookie = inject('officerCookie');
const browser = browserForFile();

/**
 * What the public reads of the funding figures, nationally and for the councils involved. A
 * council's own bid ledger (`bids`, its decided bids) is its record, apart from the published
 * figures: returned beside them.
 */
async function publicFigures() {
	const json = async (path: string) => (await fetch(`${baseUrl}${path}`)).json();
	const council = async (code: string) => {
		const { bids, ...published } = await json(`/api/funding/metrics?authority=${code}`);
		return { published, bids };
	};
	const [leeds, trafford] = [await council('LDS'), await council('TRF')];
	return {
		published: {
			national: await json('/api/funding/metrics'),
			nationalAll: await json('/api/funding/metrics?money=all'),
			leeds: leeds.published,
			trafford: trafford.published,
			competitions: await json('/api/competitions'),
			compare: await json('/api/compare')
		},
		ledgers: { leeds: leeds.bids, trafford: trafford.bids }
	};
}

describe('a council’s bids and the public figures', () => {
	it('leave every public figure as it was, and a partner is one only once it accepts', async () => {
		const csv =
			'reference,lead_authority,scheme,round,title,status,submitted_on,decided_on,amount_requested,amount_awarded,partner_councils\n' +
			'E2E-LDS-1,Leeds,Public Sector Decarbonisation Scheme,Phase 4,E2E Leeds heat network,won,25/11/2024,28/03/2025,"£900,000,000","£900,000,000",Trafford\n' +
			'E2E-LDS-2,Leeds,Local Electric Vehicle Infrastructure,Capability,E2E Leeds chargers,drafting,,,"£200,000",,\n' +
			'E2E-TRF-1,Trafford,Public Sector Decarbonisation Scheme,Phase 4,E2E Trafford schools,won,25/11/2024,28/03/2025,"£5,000,000","£5,000,000",\n';
		const before = await publicFigures();
		const { page, errors, close } = await openPage(browser());
		const history = await importThroughPage(page, baseUrl, 'leeds-trafford-bids.csv', csv);
		try {
			// No published figure moved: totals, Leeds', Trafford's, the rounds, the compare table.
			const after = await publicFigures();
			expect(after.published).toEqual(before.published);
			// Each council's ledger holds its own decided bids only: Trafford's its £5m, not the
			// £900m of Leeds' bid naming it; Leeds' draft is its officers' alone.
			expect(after.ledgers.trafford).toMatchObject({
				bids: before.ledgers.trafford.bids + 1,
				wonGbp: before.ledgers.trafford.wonGbp + 5_000_000
			});
			expect(after.ledgers.leeds).toMatchObject({
				bids: before.ledgers.leeds.bids + 1,
				wonGbp: before.ledgers.leeds.wonGbp + 900_000_000
			});

			// Trafford's officer sees Leeds' bid waiting for an answer; Leeds is not yet a partner.
			await page.context().clearCookies();
			await page.context().addCookies([contextCookie(baseUrl, officerCookie)]);
			await page.goto(`${baseUrl}/authorities/TRF`);
			expect(await page.locator('#partners').innerText()).not.toContain('Leeds');
			await page.goto(`${baseUrl}/authorities/TRF/funding`);
			const requests = page.locator('#partner-requests');
			const request = requests.locator('li', { hasText: 'E2E Leeds heat network' });
			expect(await request.innerText()).toContain('Waiting for your answer');
			await request.getByRole('button', { name: /^Accept/ }).click();
			await requests.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();
			expect(await request.innerText()).toContain('Accepted');

			// Accepted, Leeds is among Trafford's partners on its page (for its officer, whose
			// council's ledger it now is), and still no public figure moved.
			await page.goto(`${baseUrl}/authorities/TRF`);
			expect(await page.locator('#partners').innerText()).toContain('Leeds');
			expect((await publicFigures()).published).toEqual(before.published);
			expect(errors).toEqual([]);
		} finally {
			await page.context().clearCookies();
			await signInAsAdmin(page, baseUrl);
			await undoThroughPage(page, history);
			await close();
		}
	});
});
