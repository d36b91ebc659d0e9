/**
 * Migration 0009 on a database made before it: bids keep their partners and status history (the
 * table is made anew, which with foreign keys on would have deleted them by cascade), take their
 * scheme and round from their competition, the awards won bids used to make go, and the rounds a
 * bids file made stop being national rounds, while a published round and its linked award stay.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../../tests/helpers/db';
import { migrationsBefore } from '../../../../tests/helpers/migrations';
import { createDb, migrateDb } from './client';

const before = migrationsBefore('0009_');
afterAll(() => rmSync(before.dir, { recursive: true, force: true }));

describe('migration 0009: a council’s bids apart from published awards', () => {
	it('keeps every bid with its partners and history, and removes what bids made', () => {
		const handle = createDb(':memory:');
		migrateDb(handle, before.folder);
		handle.sqlite.exec(`
			INSERT INTO authorities (code, official_name, nice_name, type, type_name, tier, nation, is_current)
			VALUES ('TRF', 'Trafford Council', 'Trafford', 'MD', 'Metropolitan district', 'lower', 'England', 1),
			       ('MAN', 'Manchester City Council', 'Manchester', 'MD', 'Metropolitan district', 'lower', 'England', 1);
			INSERT INTO import_batches (id, feed, file_name, checksum, imported_by, status)
			VALUES (1, 'funding-facts', 'facts.csv', 'a', 'default data', 'committed'),
			       (2, 'bids', 'bids.csv', 'b', 'o@trafford.example', 'committed');
			INSERT INTO competitions (id, scheme, round, batch_id)
			VALUES (1, 'Home Upgrade Grant', 'Phase 2 (HUG2)', 1), (2, 'LEVI', 'Capability', 2);
			INSERT INTO competition_dates (competition_id, event, date) VALUES (1, 'closes', '2022-11-18');
			INSERT INTO bids (id, competition_id, lead_authority_code, reference, title, status, awarded_gbp, batch_id)
			VALUES (1, 1, 'TRF', 'T-1', 'Warm homes', 'won', 2000000, 2),
			       (2, 2, 'TRF', 'T-2', 'Chargers', 'submitted', NULL, 2);
			INSERT INTO bid_status_history (bid_id, status, on_date) VALUES (1, 'submitted', '2022-11-01'), (1, 'won', '2023-02-01');
			INSERT INTO partners (bid_id, authority_code, name, kind) VALUES (1, 'MAN', 'Manchester', 'authority');
			INSERT INTO awards (id, competition_id, authority_code, bid_id, kind, amount_gbp, recipient_name, notes, batch_id)
			VALUES (1, 1, 'TRF', 1, 'award', 2000000, 'Trafford', NULL, 1),
			       (2, 2, 'TRF', 2, 'award', 50000, 'Trafford', 'Recorded from the council''s bid', 2);
			INSERT INTO partners (award_id, authority_code, name, kind) VALUES (2, 'MAN', 'Manchester', 'authority');
		`);
		migrateDb(handle, MIGRATIONS_DIR);
		const all = (sql: string) => handle.sqlite.prepare(sql).all();
		expect(all('SELECT id, competition_id, scheme, round FROM bids ORDER BY id')).toEqual([
			{ id: 1, competition_id: 1, scheme: 'Home Upgrade Grant', round: 'Phase 2 (HUG2)' },
			{ id: 2, competition_id: null, scheme: 'LEVI', round: 'Capability' }
		]);
		expect(all('SELECT bid_id, status FROM bid_status_history ORDER BY on_date')).toEqual([
			{ bid_id: 1, status: 'submitted' },
			{ bid_id: 1, status: 'won' }
		]);
		expect(all('SELECT bid_id, award_id, authority_code FROM partners')).toEqual([
			{ bid_id: 1, award_id: null, authority_code: 'MAN' }
		]);
		expect(all('SELECT id, bid_id FROM awards')).toEqual([{ id: 1, bid_id: 1 }]);
		expect(all('SELECT id FROM competitions')).toEqual([{ id: 1 }]);
		expect(all('PRAGMA foreign_key_check')).toEqual([]);
		expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		handle.close();
	});
});
