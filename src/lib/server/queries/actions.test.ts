/**
 * One council's actions read with their milestones and funding, then judged on a given day: the
 * template fixtures (real-looking, hand-written rows for Leeds) through the real import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { actionCounts, assessAction } from '../metrics/actions-progress';
import { createTestDb, fixture, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import { countActionsByAuthority, listActions } from './actions';
import type { Viewer } from '../accounts/viewer';

/** Leeds's own officer: sees the action Leeds did not publish (ACT-030). */
const LEEDS: Viewer = {
	role: 'officer',
	userId: 1,
	email: 'o@leeds.example',
	authorities: ['LDS']
};

let handle: DbHandle;

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	for (const [feed, file] of [
		['competitions', 'competitions'],
		['bids', 'bids'],
		['actions', 'actions'],
		['milestones', 'milestones']
	]) {
		const report = await importFile(handle, feed!, fixture(`templates/${file}.csv`));
		expect(report.status).toBe('committed');
	}
});
afterAll(() => handle.close());

describe("a council's actions", () => {
	it('are the public ones only for the public and other councils, all for its officers', () => {
		const refs = (viewer?: Viewer) =>
			listActions('LDS', handle.db, viewer)
				.map((a) => a.reference)
				.sort();
		expect(refs(LEEDS)).toEqual(['ACT-014', 'ACT-022', 'ACT-030']);
		expect(refs()).toEqual(['ACT-014', 'ACT-022']);
		const manchester: Viewer = { ...LEEDS, authorities: ['MAN'] } as Viewer;
		expect(refs(manchester)).toEqual(['ACT-014', 'ACT-022']);
		expect(refs({ role: 'admin', userId: 2, email: 'a@example.org' })).toHaveLength(3);
	});

	it('come with their milestones, linked bids and linked awards', () => {
		const rows = listActions('LDS', handle.db, LEEDS);
		expect(rows.map((a) => a.reference)).toEqual(['ACT-014', 'ACT-022', 'ACT-030']);
		const led = rows.find((a) => a.reference === 'ACT-022')!;
		expect(led.milestones.map((m) => [m.title, m.dueDate, m.doneOn])).toEqual([
			['First 5000 lanterns replaced', '2025-03-31', null]
		]);
		expect(led.linkedBids.map((b) => b.reference).sort()).toEqual(['LDS-2024-07']);
		expect(rows.find((a) => a.reference === 'ACT-014')!.milestones).toHaveLength(2);
		expect(listActions('MAN', handle.db)).toEqual([]);
	});

	it('are judged on the day asked: the lantern milestone makes ACT-022 late after 31 March 2025', () => {
		const led = listActions('LDS', handle.db, LEEDS).find((a) => a.reference === 'ACT-022')!;
		expect(assessAction(led, '2025-03-31').late).toBe(false);
		expect(assessAction(led, '2025-04-01')).toMatchObject({ late: true, daysLate: 1 });
		const counts = actionCounts(listActions('LDS', handle.db, LEEDS), '2025-04-01');
		expect(counts).toMatchObject({ total: 3, complete: 1, late: 1 });
	});
});

describe("every council's action counts, for the compare table", () => {
	it('count only the actions a council publishes: the table is the same for everyone', () => {
		// Leeds has three actions; ACT-030 is not published, so the public table counts two.
		expect(listActions('LDS', handle.db, LEEDS)).toHaveLength(3);
		expect(countActionsByAuthority(handle.db).get('LDS')).toEqual({ total: 2, complete: 1 });
	});
});
