import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { AnyFeed } from '../rows/feed';
import {
	createTestDb,
	dataDigest,
	fixture,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { templateActionsFeed } from './template-actions';
import { templateBidsFeed } from './template-bids';

const FILE = fixture('templates/actions.csv');

let handle: DbHandle;
const load = (source: string, feed: AnyFeed = templateActionsFeed) =>
	importFile(handle, feed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await load(fixture('templates/bids.csv'), templateBidsFeed);
});
afterAll(() => handle.close());

const action = (reference: string) =>
	handle.sqlite.prepare('SELECT * FROM actions WHERE reference = ?').get(reference) as Record<
		string,
		unknown
	>;

describe('actions template', () => {
	it('imports the fixture with Excel-style values read into their stored forms', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({ status: 'committed', rowsRead: 4, rowsWritten: 4, fatal: null });
		expect(report.unmappedColumns).toEqual([]);
		expect(action('ACT-014')).toMatchObject({
			authority_code: 'LDS',
			title: 'Heat pumps in six leisure centres',
			sector: 'buildings',
			scope: 'council_operations',
			status: 'complete',
			phase: 'completed',
			percent_complete: 100,
			start_date: '2024-04-01',
			due_date: '2025-03-31',
			completed_on: '2025-03-14',
			last_updated: '2025-03-20',
			est_tco2e_per_year: 420,
			cost_gbp: 2_400_000,
			funding_status: 'Fully funded',
			owner: 'Head of Property',
			partners_text: 'Leeds Beckett University',
			rag: 'green',
			rag_note: 'Finished before the heating season',
			is_public: 1,
			is_sample: 0,
			batch_id: report.batchId
		});
		expect(action('ACT-022')).toMatchObject({
			scope: 'council_operations',
			status: 'in_progress',
			percent_complete: 45,
			est_tco2e_per_year: 1150,
			cost_gbp: 3_100_000,
			rag: 'amber',
			is_public: 1
		});
		expect(action('ACT-030')).toMatchObject({
			scope: 'whole_area',
			status: 'delayed',
			phase: 'planning',
			percent_complete: 10,
			rag: 'red',
			is_public: 0
		});
	});

	it('follows an abolished council to its successor and flags complete-but-not-100%', async () => {
		expect(action('ACT-001')).toMatchObject({ authority_code: 'CBD', status: 'complete' });
		const report = await load(FILE);
		expect(report.groups).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ severity: 'info', code: 'successor_used', rows: [5] }),
				expect.objectContaining({
					severity: 'warning',
					code: 'complete_below_100',
					column: 'percent_complete',
					values: ['80%']
				})
			])
		);
	});

	it('links the bids named in funded_by and warns about unknown ones', async () => {
		const links = handle.sqlite
			.prepare(
				'SELECT a.reference AS action, b.reference AS bid FROM action_funding f JOIN actions a ON a.id = f.action_id JOIN bids b ON b.id = f.bid_id ORDER BY 1'
			)
			.all();
		expect(links).toEqual([
			{ action: 'ACT-014', bid: 'LDS-2024-07' },
			{ action: 'ACT-022', bid: 'LDS-2024-07' }
		]);
		const report = await load(FILE);
		expect(report.groups).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				code: 'unknown_bid',
				column: 'funded_by',
				values: ['LDS-2099-01'],
				message: 'no bid "LDS-2099-01" of Leeds (LDS); not linked'
			})
		);
	});

	it('writes nothing when the same file is imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 4 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('rejects bad rows, naming row, column, value and what was expected', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'authority,reference,title,status,percent_complete,start_date,completed_on\n' +
				'LDS,ACT-900,Solar car ports,In progress,145%,,\n' +
				'LDS,ACT-901,Fleet to EV,Complete,100,01/06/2024,15/05/2024\n'
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'percent_complete',
				values: ['145%'],
				rows: [2],
				message: 'expected a percentage from 0 to 100, such as 45%'
			}),
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'completed_on',
				values: ['15/05/2024'],
				rows: [3],
				message: 'completed_on 15/05/2024 is before start_date 01/06/2024'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('accepts the documented variants of status, phase and RAG', async () => {
		const report = await load(
			'authority,reference,title,status,phase,rag\n' +
				'LDS,ACT-910,One,Not started,Not started,A\n' +
				'LDS,ACT-911,Two,on-hold,Delivery,r\n' +
				'LDS,ACT-912,Three,Cancelled,,\n'
		);
		expect(report.status).toBe('committed');
		expect([action('ACT-910'), action('ACT-911'), action('ACT-912')]).toMatchObject([
			{ status: 'planned', phase: 'not_started', rag: 'amber' },
			{ status: 'delayed', phase: 'implementation', rag: 'red' },
			{ status: 'cancelled', phase: null, rag: null }
		]);
	});
});
