/**
 * The undo log is only exact if every table an import can change has its triggers, with every
 * column of the table as it is now. A schema change without a regenerated trigger migration
 * would log rows without their new columns, and undo would lose them: this fails first.
 */
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { ACCOUNT_TABLES } from './schema-accounts';
import { COUNCIL_RECORD_TABLES } from './schema-council-records';
import { loggedTables, undoTriggers } from './undo-triggers';

describe('undo-log triggers', () => {
	it('the migrated database has exactly the triggers the current schema calls for', () => {
		const db = createTestDb();
		try {
			const stored = db.sqlite
				.prepare(
					"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\' ORDER BY name"
				)
				.all() as { name: string; sql: string }[];
			const wanted = undoTriggers().sort((a, b) => a.name.localeCompare(b.name));
			expect(stored.map((t) => t.name)).toEqual(wanted.map((t) => t.name));
			for (const t of wanted) {
				expect(stored.find((s) => s.name === t.name)!.sql, t.name).toBe(t.sql);
			}
		} finally {
			db.close();
		}
	});

	it('bumps the change counter on every import record and council record, never on accounts', () => {
		const db = createTestDb();
		try {
			const rows = db.sqlite
				.prepare(
					"SELECT tbl_name AS tableName, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data\\_generation\\_%' ESCAPE '\\'"
				)
				.all() as { tableName: string; name: string }[];
			const tables = [...new Set(rows.map((r) => r.tableName))].sort();
			expect(tables).toEqual(['import_batches', ...COUNCIL_RECORD_TABLES].sort());
			expect(rows).toHaveLength(tables.length * 3);
			for (const t of ACCOUNT_TABLES) expect(tables).not.toContain(t);
		} finally {
			db.close();
		}
	});

	it('logs the tables feeds write, and not the bulk emissions rows', () => {
		const names = loggedTables().map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining(['bids', 'targets', 'plans', 'awards']));
		expect(names).not.toContain('emissions');
		expect(names).not.toContain('import_changes');
		for (const t of ['users', 'user_authorities', 'sessions', 'login_attempts', 'audit_log'])
			expect(names).not.toContain(t);
	});
});
