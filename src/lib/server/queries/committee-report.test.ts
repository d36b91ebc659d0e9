/**
 * The committee report's figures for one financial year, and its summary in words, from the
 * template fixtures (Leeds) and the shipped DESNZ totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { reportSummary } from '../../report-summary';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import type { MoneyScope } from '../metrics/funding';
import { getCommitteeReport } from './committee-report';

/** An admin sees every action, unpublished ones included, as the council's officers do. */
const ADMIN = { role: 'admin', userId: 1, email: 'admin@example.org' } as const;

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([
		// Rounds open to every type of council (the fixture's own are not open to a metropolitan
		// district such as Leeds), closing 45 and 136 days after 1 December 2024.
		[
			'competitions',
			'Scheme name,Round,Funder,Type,Opening date,Closing date\nSoon Fund,1,DESNZ,Competitive bid,01/11/2024,15/01/2025\nLater Fund,1,DESNZ,Competitive bid,01/11/2024,16/04/2025\n'
		]
	]);
});
afterAll(() => handle.close());

const report = (financialYear: string, today = '2025-04-01', money: MoneyScope = 'net-zero') =>
	getCommitteeReport('LDS', { financialYear, today, viewer: ADMIN, money }, handle.db)!;

describe('the committee report', () => {
	it('lists the bids decided in the financial year, won and lost, with their sums', () => {
		// LDS-2024-09 was lost on 20/12/2024 (£4m asked); LDS-2024-07 won £1.9m on 14/03/2025: both
		// in 2024-25. Nothing was decided in 2025-26. No published award to Leeds is held, so the
		// £1.9m is the council's record only.
		const r = report('2024-25', '2025-04-01', 'all');
		expect(r.period).toEqual({ from: '2024-04-01', to: '2025-03-31' });
		expect(r.funding.rows.map((x) => [x.bid?.reference, x.result, x.countedGbp])).toEqual([
			['LDS-2024-09', 'lost', null],
			['LDS-2024-07', 'won', 1_900_000]
		]);
		expect(r.funding.totals).toMatchObject({
			wonGbp: 1_900_000,
			published: { count: 0, gbp: 0 },
			council: { count: 1, gbp: 1_900_000 },
			bids: { won: 1, lost: 1, lostAskedGbp: 4_000_000 }
		});
		expect(report('2025-26', '2025-04-01', 'all').funding.rows).toEqual([]);
	});

	it('counts net-zero money by default, the schemes nobody has classified set beside', () => {
		// This database holds no scheme purposes: both bids' schemes are not classified.
		const r = report('2024-25');
		expect(r.funding.money).toBe('net-zero');
		expect(r.funding.rows).toEqual([]);
		expect(r.funding.totals.wonGbp).toBeNull();
		expect(r.funding.beside!.unclassified).toMatchObject({
			wonGbp: 1_900_000,
			bids: { won: 1, lost: 1 }
		});
	});

	it('names the release its emissions come from', () => {
		expect(report('2024-25').releases).toEqual([
			'DESNZ UK local authority greenhouse gas emissions 2005–2023 (2025 release)'
		]);
	});

	it('lists deadlines in the next 90 days only', () => {
		const ahead = (today: string) =>
			report('2024-25', today).deadlines.map((d) => [d.scheme, d.closes]);
		expect(ahead('2024-12-01')).toEqual([['Soon Fund', '2025-01-15']]);
		expect(ahead('2025-01-16')).toEqual([['Later Fund', '2025-04-16']]);
		expect(ahead('2025-04-17')).toEqual([]);
	});

	it('sums it up in plain sentences, saying what is missing', () => {
		const sentences = reportSummary(report('2024-25', '2025-04-01', 'all'));
		expect(sentences.find((x) => x.startsWith('Whole area'))).toMatch(
			/^Whole area target \(net zero by 2030\): Off track: on the current trend net zero is reached in \d{4}, \d+ years after the target of 2030\.$/
		);
		expect(sentences).toContain(
			"Council operations target (net zero by 2030): no status, because the council's own greenhouse gas report has not been imported."
		);
		expect(sentences).toContain('Of 3 actions, 1 is complete, 0 on track and 1 late.');
		expect(sentences).toContain('In 2024/25 the council won 1 of 2 bids decided.');
		expect(sentences).toContain(
			'Money (all of it, net-zero and general) won in 2024/25, each sum counted once: £1.9m (no published award; £1.9m recorded by the council only).'
		);
		const netZero = reportSummary(report('2024-25'));
		expect(netZero).toContain('No net-zero bid decided in 2024/25 is recorded.');
		expect(netZero).toContain(
			'No published net-zero award to the council is dated in 2024/25, and no other net-zero money won in the year is recorded by the council.'
		);
		expect(netZero).toContain(
			'Not counted in these figures: £1.9m from schemes not yet classified, won in 2024/25.'
		);
		expect(reportSummary(report('2025-26', '2025-04-01', 'all'))).toContain(
			'No bid decided in 2025/26 is recorded.'
		);
	});

	it('is null for a council that does not exist', () => {
		expect(
			getCommitteeReport('ZZZ', { financialYear: '2024-25', today: '2025-04-01' }, handle.db)
		).toBeNull();
	});
});
