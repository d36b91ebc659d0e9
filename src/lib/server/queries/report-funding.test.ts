/**
 * The committee report's funding for Leeds in 2023-24, worked by hand: published awards (a list
 * with sources) and the council's own bids, imported after them. Each sum is counted once; the
 * published figures do not move when the council imports its bids, for the public or for its
 * officers; the public report shows no draft bid. The council's profile counts the same money.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { PUBLIC, type Viewer } from '../accounts/viewer';
import type { MoneyScope } from '../metrics/funding';
import { reportSummary } from '../../report-summary';
import {
	createTestDb,
	FEED_FIXTURES,
	fixture,
	importOrThrow,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { recordReport } from '../records/report-snapshots';
import type { ReportDigest } from '../metrics/report-changes';
import { getAuthorityProfile } from './authority-profile';
import { getCommitteeReport } from './committee-report';

const OFFICER: Viewer = {
	role: 'officer',
	userId: 2,
	email: 'climate@leeds.example',
	authorities: ['LDS']
};

const FACTS = `scheme,round,fact_type,date,time,amount_gbp,recipient_or_scope,notes,source_url
Home Upgrade Grant,Phase 2 (HUG2),award,2023-05-10,,1200000,Leeds City Council,,https://www.gov.uk/hug2-awards
Public Sector Decarbonisation Scheme,Phase 3c,award,2023-09-01,,800000,Leeds City Council,,https://www.salixfinance.co.uk/psds-3c
Levelling Up Fund,Round 3,award,2023-11-20,,5000000,Leeds City Council,Town centre,https://www.gov.uk/luf-round-3
Social Housing Decarbonisation Fund,Wave 2.2,award,2024-04-15,,300000,Leeds City Council,,https://www.gov.uk/shdf-wave-2-2
Home Upgrade Grant,Phase 2 (HUG2),award,2023-05-10,,900000,Bradford Council,,https://www.gov.uk/hug2-awards
`;

const HEADER =
	'Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Amount awarded,Bid status,Status date,Submission date,Decision date,Officer days,Cost of bid,Partner councils,Other partners,Linked actions,Source,Notes';
/** Leeds's own ledger: each bid's part in 2023-24 is in the comment above the test. */
const BIDS = `${HEADER}
LDS-A,Leeds,Home Upgrade Grant,Phase 2 (HUG2),Off-gas homes,1200000,1200000,won,,01/02/2023,02/05/2023,30,,,,,,
LDS-B,Leeds,Public Sector Decarbonisation Scheme,Phase 3c,Leisure centre heat pumps,800000,800000,won,,01/03/2023,20/08/2023,25,,,,,,
LDS-C,Leeds,Council Solar Fund,,Solar on schools,250000,250000,won,,01/06/2023,01/10/2023,5,,,,,,
LDS-D,Leeds,Social Housing Decarbonisation Fund,Wave 2.2,Tower block retrofit,300000,300000,won,,01/11/2023,20/03/2024,12,,,,,,
LDS-E,Leeds,Green Heat Network Fund,Round 9,District heat,400000,400000,won,,01/07/2023,01/12/2023,8,,,,,,
LDS-F,Leeds,Home Upgrade Grant,Phase 2 (HUG2),Second phase homes,2000000,,lost,,01/02/2023,01/06/2023,10,,,,,,
LDS-G,Leeds,Public Sector Decarbonisation Scheme,Phase 4,Civic centre,9000000,,drafting,15/01/2024,,,4,,,,,,
`;

let handle: DbHandle;
/** The reports before the bids were imported, for each viewer and money. */
const before = new Map<string, ReturnType<typeof report>>();

const report = (viewer: Viewer, money: MoneyScope = 'net-zero') =>
	getCommitteeReport(
		'LDS',
		{ financialYear: '2023-24', today: '2024-06-01', viewer, money },
		handle.db
	)!;
const key = (viewer: Viewer, money: MoneyScope) => `${viewer.role} ${money}`;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await importOrThrow(handle, 'scheme-purposes', FEED_FIXTURES['scheme-purposes']);
	await importOrThrow(handle, 'competitions', fixture('templates/competitions.csv'));
	const facts = await importFile(handle, 'funding-facts', FACTS);
	if (facts.status !== 'committed') throw new Error(`facts not imported: ${facts.fatal}`);
	for (const viewer of [PUBLIC, OFFICER])
		for (const money of ['net-zero', 'all'] as const)
			before.set(key(viewer, money), report(viewer, money));
	const bids = await importFile(handle, 'bids', BIDS);
	if (bids.status !== 'committed') throw new Error(`bids not imported: ${bids.fatal}`);
});
afterAll(() => handle.close());

describe("the committee report's funding, each sum once", () => {
	it('lists net-zero money in one table: a won bid in a published list is one row', () => {
		// Net-zero rows of 2023-24, by date: LDS-A won £1.2m = the HUG2 award of 10 May (one row);
		// LDS-F lost (£2m asked); LDS-B won £800k = the PSDS 3c award (one row); LDS-E won £400k,
		// in no published list; LDS-D won on 20 March 2024, its award dated 15 April 2024, so
		// counted in 2024-25. LDS-C (a scheme not classified) and the Levelling Up Fund award
		// (general money) are set beside; LDS-G is a draft; Bradford's award is not Leeds's.
		const f = report(OFFICER).funding;
		expect(
			f.rows.map((r) => [
				r.bid?.reference ?? null,
				r.award?.amountGbp ?? null,
				r.result,
				r.countedAs,
				r.countedGbp
			])
		).toEqual([
			['LDS-A', 1_200_000, 'won', 'published', 1_200_000],
			['LDS-F', null, 'lost', null, null],
			['LDS-B', 800_000, 'won', 'published', 800_000],
			['LDS-E', null, 'won', 'council', 400_000],
			['LDS-D', 300_000, 'won', null, null]
		]);
		expect(f.rows[0]!.award!.sourceUrl).toBe('https://www.gov.uk/hug2-awards');
		expect(f.rows[4]!.countedInYear).toBe('2024-25');
		// 1,200,000 + 800,000 published; 400,000 the council's only; 2,400,000 in all.
		expect(f.totals).toEqual({
			wonGbp: 2_400_000,
			published: { count: 2, gbp: 2_000_000 },
			council: { count: 1, gbp: 400_000, withoutAmount: 0 },
			otherYear: { count: 1, gbp: 300_000 },
			bids: { won: 4, lost: 1, wonGbp: 2_700_000, lostAskedGbp: 2_000_000 }
		});
		expect(f.beside!.general).toMatchObject({ wonGbp: 5_000_000, published: { count: 1 } });
		expect(f.beside!.unclassified).toMatchObject({ wonGbp: 250_000, council: { count: 1 } });
	});

	it('counts all money when asked, general and unclassified included, still each sum once', () => {
		// 2,400,000 + 5,000,000 (Levelling Up Fund) + 250,000 (LDS-C).
		const t = report(OFFICER, 'all').funding.totals;
		expect(t.wonGbp).toBe(7_650_000);
		expect(t.published).toEqual({ count: 3, gbp: 7_000_000 });
		expect(t.council).toEqual({ count: 2, gbp: 650_000, withoutAmount: 0 });
	});

	it('says each sum once in the summary and keeps the new figures in its digest', () => {
		const r = report(OFFICER);
		expect(reportSummary(r)).toEqual(
			expect.arrayContaining([
				'In 2023/24 the council won 4 of 5 net-zero bids decided.',
				'Net-zero money won in 2023/24, each sum counted once: £2.4m (£2.0m in 2 published awards; £400,000 recorded by the council only). Not in it: £300,000 won in 1 bid counted in the year its published award is dated.',
				'Not counted in these figures: £5.0m of general money (regeneration, growth) and £250,000 from schemes not yet classified, won in 2023/24.'
			])
		);
		expect(r.digest.funding).toEqual({
			money: 'net-zero',
			wonCount: 4,
			wonGbp: 2_700_000,
			lostCount: 1,
			awardsCount: 2,
			awardsGbp: 2_000_000,
			totalGbp: 2_400_000,
			councilOnlyGbp: 400_000
		});
	});

	it("leaves the published figures as they were when the council's bids are imported", () => {
		for (const viewer of [PUBLIC, OFFICER])
			for (const money of ['net-zero', 'all'] as const) {
				const was = before.get(key(viewer, money))!.funding;
				const now = report(viewer, money).funding;
				expect(now.totals.published, key(viewer, money)).toEqual(was.totals.published);
				const published = (f: typeof now) =>
					f.rows.filter((r) => r.countedAs === 'published').map((r) => r.award!.id);
				expect(published(now)).toEqual(published(was));
			}
		// Before the bids: the two net-zero awards of the year, £2,000,000, and nothing else.
		expect(before.get(key(PUBLIC, 'net-zero'))!.funding.totals).toMatchObject({
			wonGbp: 2_000_000,
			council: { count: 0 }
		});
	});

	it('shows the public the same funding as the officers, and no draft bid', () => {
		const pub = report(PUBLIC);
		const own = report(OFFICER);
		expect(pub.funding.totals).toEqual(own.funding.totals);
		expect(pub.digest.funding).toEqual(own.digest.funding);
		const refs = (r: typeof pub) => r.funding.rows.map((x) => x.bid?.reference ?? null);
		expect(refs(pub)).toEqual(refs(own));
		expect(JSON.stringify(pub)).not.toContain('LDS-G');
		expect(JSON.stringify(pub)).not.toContain('Civic centre');
		// What bidding cost is the council's: the public rows carry none.
		expect(pub.funding.rows.map((x) => x.bid?.officerDays ?? null)).toEqual([
			null,
			null,
			null,
			null,
			null
		]);
		expect(own.funding.rows[0]!.bid!.officerDays).toBe(30);
	});

	it('reads a report recorded before each sum was counted once, and says what it can compare', () => {
		// As reports were recorded then: all money, bids won (£2.95m: LDS-A, B, C, D, E) and the
		// published awards (£7.0m) counted apart, the same £2.0m in both.
		const old = structuredClone(report(OFFICER, 'all').digest) as ReportDigest;
		old.funding = {
			wonCount: 5,
			wonGbp: 2_950_000,
			lostCount: 1,
			awardsCount: 3,
			awardsGbp: 7_000_000
		};
		recordReport(
			handle.db,
			{
				authorityCode: 'LDS',
				financialYear: '2023-24',
				meetingOn: '2024-05-01',
				digest: { council: old, public: old }
			},
			{ userId: 2, actor: 'climate@leeds.example' }
		);
		const funding = (money: MoneyScope) =>
			report(PUBLIC, money).sinceLast!.changes.filter((c) => c.topic === 'funding');
		// All money, then and now: the figures both hold are the same, so nothing changed.
		expect(funding('all')).toEqual([]);
		expect(funding('net-zero')).toEqual([
			{
				topic: 'funding',
				text: 'Funding in 2023/24: the last report counted all money, net-zero and general (5 bids won, 1 lost (£3.0m won); 3 published awards (£7.0m), counted apart from the bids); this one counts net-zero money (£2.4m won, each sum once (£2.0m in 2 published awards; £400,000 recorded by the council only); bids decided: 4 won, 1 lost), so the two are not compared.'
			}
		]);
	});
});

describe("the council's profile", () => {
	it('counts net-zero money paid as lead by default, general money beside it', () => {
		// Leeds's awards in every year: 1,200,000 + 800,000 + 300,000 net-zero; 5,000,000 general.
		const nz = getAuthorityProfile('LDS', handle.db)!.fundingFigures;
		expect(nz).toMatchObject({
			money: 'net-zero',
			totalGbp: 2_300_000,
			notCounted: {
				general: { awards: 1, totalGbp: 5_000_000 },
				unclassified: { awards: 0, totalGbp: 0 }
			}
		});
		const all = getAuthorityProfile('LDS', handle.db, 'all')!.fundingFigures;
		expect(all).toMatchObject({ money: 'all', totalGbp: 7_300_000, notCounted: null });
	});
});
