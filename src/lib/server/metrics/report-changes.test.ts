import { describe, expect, it } from 'vitest';
import { reportChanges, type ReportDigest, type TargetDigest } from './report-changes';

const area: TargetDigest = {
	targetId: 4,
	scope: 'whole_area',
	targetYear: 2038,
	status: 'red',
	calculated: 'red',
	overrideReason: null,
	latestYear: 2022,
	latestKt: 1000,
	unit: 'kt CO2e',
	projectedYear: 2051,
	onTrend: true,
	neededPct: 15,
	achievedPct: 4.1
};

const digest = (over: Partial<ReportDigest> = {}): ReportDigest => ({
	financialYear: '2025-26',
	measure: 'territorial',
	windowYears: 5,
	targets: [area],
	actions: { total: 40, complete: 10, onTrack: 20, late: 6, delayed: 2, cancelled: 2 },
	funding: { wonCount: 2, wonGbp: 1_200_000, lostCount: 1, awardsCount: 0, awardsGbp: 0 },
	...over
});
/** Funding as reports now record it: net-zero money, each sum once. */
const counted: ReportDigest['funding'] = {
	money: 'net-zero',
	wonCount: 2,
	wonGbp: 1_200_000,
	lostCount: 1,
	awardsCount: 1,
	awardsGbp: 1_200_000,
	totalGbp: 1_200_000,
	councilOnlyGbp: 0
};
const texts = (before: ReportDigest, now: ReportDigest) =>
	reportChanges(before, now).map((c) => c.text);

describe('what changed since the last report', () => {
	it('says nothing changed when nothing did', () => {
		expect(reportChanges(digest(), digest())).toEqual([]);
	});

	it("names a status change and, for an override, the officers' reason and the rule's status", () => {
		const now = digest({
			targets: [{ ...area, status: 'amber', overrideReason: 'Heat network from 2026.' }]
		});
		expect(texts(digest(), now)).toEqual([
			"Whole area target (net zero by 2038): status off track → behind, by up to 5 years (set by the council's officers, the rule gives off track: “Heat network from 2026.”)."
		]);
	});

	it('says when an override was withdrawn', () => {
		const before = digest({ targets: [{ ...area, status: 'green', overrideReason: 'Funded.' }] });
		expect(texts(before, digest())[0]).toContain(
			'status on track → off track (the officers’ override was withdrawn'
		);
	});

	it('says when the rule moved under an override that still stands', () => {
		const held = { ...area, status: 'amber' as const, overrideReason: 'Heat network.' };
		const now = digest({ targets: [{ ...held, calculated: 'green' }] });
		expect(texts(digest({ targets: [held] }), now)).toEqual([
			'Whole area target (net zero by 2038): the rule now gives on track (was off track); the status printed is still the officers’ behind, by up to 5 years.'
		]);
	});

	it('reports a new year of figures with the change from the last figure, and the new projection', () => {
		const now = digest({
			targets: [{ ...area, latestYear: 2023, latestKt: 950, projectedYear: 2049 }]
		});
		expect(texts(digest(), now)).toEqual([
			'Whole area target (net zero by 2038): 2023 figures published since: 950 kt CO2e, 5.0% below the 2022 figure the last report gave (1,000).',
			'Whole area target (net zero by 2038): net zero on the current trend 2051 → 2049.'
		]);
	});

	it('reports a revision of the same year only when it moved by 0.5% or more', () => {
		const small = digest({ targets: [{ ...area, latestKt: 1004 }] });
		expect(texts(digest(), small)).toEqual([]);
		const revised = digest({ targets: [{ ...area, latestKt: 980 }] });
		expect(texts(digest(), revised)).toEqual([
			'Whole area target (net zero by 2038): the 2022 figure was revised from 1,000 to 980 kt CO2e.'
		]);
	});

	it('says when the trend stopped reaching net zero, and when the cuts needed and achieved moved', () => {
		const now = digest({
			targets: [{ ...area, projectedYear: null, onTrend: false, neededPct: 16.2, achievedPct: -1 }]
		});
		expect(texts(digest(), now)).toEqual([
			'Whole area target (net zero by 2038): net zero on the current trend 2051 → not on the current trend.',
			'Whole area target (net zero by 2038): cut needed a year 15.0% → 16.2%; cut achieved a year 4.1% → -1.0%.'
		]);
	});

	it('matches a re-imported target by scope and year, and names added and removed targets', () => {
		const reimported = digest({ targets: [{ ...area, targetId: 99 }] });
		expect(texts(digest(), reimported)).toEqual([]);
		const ops: TargetDigest = {
			...area,
			targetId: 5,
			scope: 'council_operations',
			targetYear: 2030
		};
		expect(texts(digest(), digest({ targets: [ops] }))).toEqual([
			'Council operations target (net zero by 2030): new since the last report.',
			'Whole area target (net zero by 2038): in the last report, no longer in the data held.'
		]);
	});

	it('does not compare targets judged on another measure or window, and says so', () => {
		const now = digest({ measure: 'scope_of_influence', targets: [{ ...area, status: 'green' }] });
		const changes = reportChanges(digest(), now);
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ topic: 'options' });
		expect(changes[0]!.text).toContain("so targets' figures are not compared");
	});

	it('counts actions completed and late since', () => {
		const now = digest({
			actions: { total: 41, complete: 13, onTrack: 20, late: 4, delayed: 2, cancelled: 2 }
		});
		expect(texts(digest(), now)).toEqual([
			'Actions: 13 complete of 41 (was 10 of 40); 4 late (was 6).'
		]);
	});

	it("compares funding within one year, and sets a different year's beside this one's", () => {
		const more = digest({ funding: { ...counted, totalGbp: 1_500_000, councilOnlyGbp: 300_000 } });
		expect(texts(digest({ funding: counted }), more)).toEqual([
			'Funding in 2025/26, net-zero money: £1.5m won, each sum once (£1.2m in 1 published award; £300,000 recorded by the council only); bids decided: 2 won, 1 lost (the last report: £1.2m won, each sum once (£1.2m in 1 published award; none recorded by the council only); bids decided: 2 won, 1 lost).'
		]);
		const lastYear = digest({ financialYear: '2024-25', funding: counted });
		expect(texts(lastYear, digest({ funding: counted }))[0]).toMatch(
			/^Funding: the last report covered 2024\/25, net-zero money: £1\.2m won, each sum once .*This one covers 2025\/26, net-zero money: £1\.2m won/
		);
	});

	it('says none was listed or recorded rather than £0', () => {
		const none = { ...counted, wonCount: 0, wonGbp: 0, awardsCount: 0, awardsGbp: 0 };
		expect(
			texts(digest({ funding: counted }), digest({ funding: { ...none, totalGbp: null } }))[0]
		).toContain(
			'net-zero money: no net-zero money won listed or recorded; bids decided: 0 won, 1 lost (the last report'
		);
	});

	it('reads a report recorded before each sum was counted once, and compares what both hold', () => {
		// Recorded then: all money, bids and published awards counted apart (the same £1.2m in both).
		const old = digest({
			funding: {
				wonCount: 2,
				wonGbp: 1_200_000,
				lostCount: 1,
				awardsCount: 1,
				awardsGbp: 1_200_000
			}
		});
		const nowAll = digest({ funding: { ...counted, money: 'all' } });
		expect(texts(old, nowAll)).toEqual([]);
		const moreAll = digest({ funding: { ...counted, money: 'all', lostCount: 2 } });
		expect(texts(old, moreAll)).toEqual([
			'Funding in 2025/26, all money, net-zero and general: £1.2m won, each sum once (£1.2m in 1 published award; none recorded by the council only); bids decided: 2 won, 2 lost (the last report: 2 bids won, 1 lost (£1.2m won); 1 published award (£1.2m), counted apart from the bids).'
		]);
		// Net-zero money now, all money then: not the same sums, so not compared.
		expect(texts(old, digest({ funding: counted }))).toEqual([
			'Funding in 2025/26: the last report counted all money, net-zero and general (2 bids won, 1 lost (£1.2m won); 1 published award (£1.2m), counted apart from the bids); this one counts net-zero money (£1.2m won, each sum once (£1.2m in 1 published award; none recorded by the council only); bids decided: 2 won, 1 lost), so the two are not compared.'
		]);
	});
});
