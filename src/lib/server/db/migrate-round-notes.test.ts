/**
 * Migration 0011 on a database made before it: rounds whose label carried a note in brackets get
 * the name the funding-facts feed now gives them (feeds/round-label.ts), the note kept as their
 * notes, so the shipped file imported again later finds them rather than making new rounds.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../../tests/helpers/db';
import { migrationsBefore } from '../../../../tests/helpers/migrations';
import { createDb, migrateDb } from './client';

const before = migrationsBefore('0011_');
afterAll(() => rmSync(before.dir, { recursive: true, force: true }));

describe('migration 0011: round names without their notes', () => {
	it('renames the rounds with notes in brackets, and leaves one whose new name is taken', () => {
		const handle = createDb(':memory:');
		migrateDb(handle, before.folder);
		handle.sqlite.exec(`
			INSERT INTO competitions (id, scheme, round, notes) VALUES
			  (1, 'Green Heat Network Fund', '2025 awards (14 Feb)', NULL),
			  (2, 'Green Heat Network Fund', '£68m round (8 projects)', 'Undated'),
			  (3, 'Public Sector Decarbonisation Scheme', '(scheme)', NULL),
			  (4, 'Great British Energy: solar for schools and NHS', '2025 (first GBE project)', NULL),
			  (5, 'Great British Energy: solar for schools and NHS', '2025', NULL);
		`);
		migrateDb(handle, MIGRATIONS_DIR);
		expect(
			handle.sqlite.prepare('SELECT id, round, notes FROM competitions ORDER BY id').all()
		).toEqual([
			{ id: 1, round: '2025 awards', notes: '14 Feb' },
			{ id: 2, round: '£68m round', notes: 'Undated' },
			{ id: 3, round: 'Whole scheme', notes: null },
			{ id: 4, round: '2025 (first GBE project)', notes: null },
			{ id: 5, round: '2025', notes: null }
		]);
		handle.close();
	});
});
