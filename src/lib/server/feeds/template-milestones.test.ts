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
import { templateMilestonesFeed } from './template-milestones';

const FILE = fixture('templates/milestones.csv');

let handle: DbHandle;
const load = (source: string, feed: AnyFeed = templateMilestonesFeed) =>
	importFile(handle, feed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await load(fixture('templates/actions.csv'), templateActionsFeed);
});
afterAll(() => handle.close());

const milestones = () =>
	handle.sqlite
		.prepare(
			'SELECT a.reference, m.title, m.due_date, m.done_on, m.batch_id FROM action_milestones m JOIN actions a ON a.id = m.action_id ORDER BY m.id'
		)
		.all();

describe('milestones template', () => {
	it('stores each milestone against its action, found by council and reference', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({ status: 'committed', rowsRead: 3, rowsWritten: 3, fatal: null });
		expect(report.groups).toEqual([]);
		const batch_id = report.batchId;
		expect(milestones()).toEqual([
			{
				reference: 'ACT-014',
				title: 'Contractor appointed',
				due_date: '2024-06-30',
				done_on: '2024-06-21',
				batch_id
			},
			{
				reference: 'ACT-014',
				title: 'Heat pumps commissioned',
				due_date: '2025-02-28',
				done_on: '2025-03-14',
				batch_id
			},
			{
				reference: 'ACT-022',
				title: 'First 5000 lanterns replaced',
				due_date: '2025-03-31',
				done_on: null,
				batch_id
			}
		]);
	});

	it('writes nothing when the same file is imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 3 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('updates a milestone in place when its dates change', async () => {
		const report = await load(
			'authority,action_reference,milestone,due,done_on\nLDS,ACT-022,First 5000 lanterns replaced,31/03/2025,02/04/2025\n'
		);
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(milestones()).toHaveLength(3);
		expect(milestones()[2]).toMatchObject({ done_on: '2025-04-02' });
	});

	it('rejects a milestone of an unknown action, naming the reference', async () => {
		const before = dataDigest(handle);
		const report = await load(
			'authority,action_reference,milestone,due,done_on\nLeeds,ACT-999,Survey done,31/13/2025,\n'
		);
		expect(report.status).toBe('rejected');
		expect(report.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'invalid_value',
				column: 'due',
				values: ['31/13/2025'],
				rows: [2],
				message: 'expected a date as dd/mm/yyyy or yyyy-mm-dd'
			})
		]);
		const unknown = await load('authority,action_reference,milestone\nLeeds,ACT-999,Survey done\n');
		expect(unknown.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'unknown_action',
				column: 'action_reference',
				values: ['ACT-999'],
				rows: [2],
				message: 'no action "ACT-999" of Leeds (LDS); import it with the actions template first'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});
});
