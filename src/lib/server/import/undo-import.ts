/**
 * Undo a committed import exactly, from the change log its triggers wrote: inserted rows are
 * deleted, updated and deleted rows get their previous values back, newest change first. An
 * import can only be undone while no later import has changed the same rows, because restoring
 * it then would silently throw the later import's work away.
 */
import type { DbHandle } from '../db/client';

export type UndoResult =
	| { ok: true; batchId: number; rowsRestored: number }
	| { ok: false; batchId: number; reason: string };

interface Change {
	id: number;
	table_name: string;
	op: 'insert' | 'update' | 'delete';
	row_id: number;
	before: string | null;
}

export function undoImport(handle: DbHandle, batchId: number): UndoResult {
	const { sqlite } = handle;
	const batch = sqlite
		.prepare('SELECT status, file_name FROM import_batches WHERE id = ?')
		.get(batchId) as { status: string; file_name: string } | undefined;
	if (!batch) return { ok: false, batchId, reason: `There is no import ${batchId}.` };
	if (batch.status !== 'committed') {
		return {
			ok: false,
			batchId,
			reason: `Import ${batchId} (${batch.file_name}) was ${batch.status}: there is nothing to undo.`
		};
	}
	const later = sqlite
		.prepare(
			`SELECT DISTINCT b.id, b.file_name FROM import_changes mine
			 JOIN import_changes theirs ON theirs.table_name = mine.table_name AND theirs.row_id = mine.row_id AND theirs.batch_id > mine.batch_id
			 JOIN import_batches b ON b.id = theirs.batch_id AND b.status = 'committed'
			 WHERE mine.batch_id = ? ORDER BY b.id`
		)
		.all(batchId) as { id: number; file_name: string }[];
	if (later.length) {
		const names = later.map((l) => `${l.id} (${l.file_name})`).join(', ');
		return {
			ok: false,
			batchId,
			reason: `Later imports changed the same rows: undo ${names} first.`
		};
	}

	const changes = sqlite
		.prepare(
			'SELECT id, table_name, op, row_id, before FROM import_changes WHERE batch_id = ? ORDER BY id DESC'
		)
		.all(batchId) as Change[];
	const run = sqlite.transaction(() => {
		sqlite.pragma('defer_foreign_keys = ON');
		for (const c of changes) {
			const table = `"${c.table_name.replace(/"/g, '')}"`;
			if (c.op === 'insert') {
				sqlite.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(c.row_id);
				continue;
			}
			const values = JSON.parse(c.before!) as Record<string, unknown>;
			const cols = Object.keys(values);
			const params = cols.map((k) => values[k] as unknown);
			if (c.op === 'update') {
				sqlite
					.prepare(
						`UPDATE ${table} SET ${cols.map((k) => `"${k}" = ?`).join(', ')} WHERE rowid = ?`
					)
					.run(...params, c.row_id);
			} else {
				sqlite
					.prepare(
						`INSERT INTO ${table} (rowid, ${cols.map((k) => `"${k}"`).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`
					)
					.run(c.row_id, ...params);
			}
		}
		sqlite.prepare('DELETE FROM import_changes WHERE batch_id = ?').run(batchId);
		sqlite
			.prepare(
				`UPDATE import_batches SET status = 'undone', undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
			)
			.run(batchId);
	});
	run();
	return { ok: true, batchId, rowsRestored: changes.length };
}
