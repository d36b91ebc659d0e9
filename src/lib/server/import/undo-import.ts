/**
 * Undo a committed import exactly, from the change log its triggers wrote: inserted rows are
 * deleted, updated and deleted rows get their previous values back, newest change first. An
 * import can only be undone while no later import has changed the same rows or built on them (a
 * bid on a competition it created, a deadline added to its round), because restoring it then
 * would silently throw the later import's work away. Such an undo is refused, naming the later
 * imports to undo first.
 */
import type { DbHandle } from '../db/client';
import { refreshSimilarCouncils, SIMILARITY_INPUT_FEEDS } from './similar-councils-refresh';
import { beginWrite, type WaitOptions } from './write-lock';

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

type Sqlite = DbHandle['sqlite'];

export async function undoImport(
	handle: DbHandle,
	batchId: number,
	options: WaitOptions = {}
): Promise<UndoResult> {
	const { sqlite } = handle;
	const lock = await beginWrite(sqlite, handle.url, `the undo of import ${batchId}`, options);
	try {
		const { result, removedFrom } = undoInTransaction(sqlite, batchId);
		if (!result.ok) {
			sqlite.exec('ROLLBACK');
			return result;
		}
		// Peers are not in the undo log: they are recomputed from the inputs as they now are.
		if (SIMILARITY_INPUT_FEEDS.has(feedOf(sqlite, batchId))) refreshSimilarCouncils(handle);
		try {
			sqlite.exec('COMMIT');
		} catch (e) {
			// A row of a later import still points at one this undo removes (deferred foreign keys
			// are checked here, and the transaction stays open to find out which).
			if (!/FOREIGN KEY/.test((e as Error).message)) throw e;
			const names = laterImports(sqlite, batchId, referencingRows(sqlite, removedFrom));
			sqlite.exec('ROLLBACK');
			return { ok: false, batchId, reason: dependsMessage(names) };
		}
		return result;
	} catch (e) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		throw e;
	} finally {
		lock.release();
	}
}

/** The undo itself, inside the caller's transaction; says which tables it removed rows from. */
function undoInTransaction(
	sqlite: Sqlite,
	batchId: number
): { result: UndoResult; removedFrom: Set<string> } {
	const removedFrom = new Set<string>();
	const refuse = (reason: string) => ({
		result: { ok: false as const, batchId, reason },
		removedFrom
	});
	const batch = sqlite
		.prepare('SELECT status, file_name FROM import_batches WHERE id = ?')
		.get(batchId) as { status: string; file_name: string } | undefined;
	if (!batch) return refuse(`There is no import ${batchId}.`);
	if (batch.status !== 'committed')
		return refuse(
			`Import ${batchId} (${batch.file_name}) was ${batch.status}: there is nothing to undo.`
		);
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
		return refuse(`Later imports changed the same rows: undo ${names} first.`);
	}

	const changes = sqlite
		.prepare(
			'SELECT id, table_name, op, row_id, before FROM import_changes WHERE batch_id = ? ORDER BY id DESC'
		)
		.all(batchId) as Change[];
	sqlite.pragma('defer_foreign_keys = ON');
	// The undo's own changes are logged under a negative id, so that rows removed by a cascade
	// (another import's deadline on a round this one created) can be seen and the undo refused.
	sqlite.prepare('UPDATE import_context SET batch_id = ? WHERE id = 1').run(-batchId);
	for (const c of changes) {
		applyReverse(sqlite, c);
		if (c.op === 'insert') removedFrom.add(c.table_name);
	}
	sqlite.prepare('UPDATE import_context SET batch_id = NULL WHERE id = 1').run();
	const cascaded = sqlite
		.prepare(
			`SELECT c.table_name AS tableName, c.row_id AS rowId, c.before FROM import_changes c
			 WHERE c.batch_id = ? AND c.op = 'delete' AND NOT EXISTS (
			   SELECT 1 FROM import_changes m WHERE m.batch_id = ? AND m.op = 'insert'
			     AND m.table_name = c.table_name AND m.row_id = c.row_id)`
		)
		.all(-batchId, batchId) as { tableName: string; rowId: number; before: string }[];
	sqlite.prepare('DELETE FROM import_changes WHERE batch_id = ?').run(-batchId);
	if (cascaded.length) {
		const names = laterImports(
			sqlite,
			batchId,
			cascaded.map((c) => ({
				table: c.tableName,
				rowId: c.rowId,
				writtenBy: (JSON.parse(c.before) as { batch_id?: number | null }).batch_id ?? null
			}))
		);
		return refuse(dependsMessage(names));
	}
	sqlite.prepare('DELETE FROM import_changes WHERE batch_id = ?').run(batchId);
	sqlite
		.prepare(
			`UPDATE import_batches SET status = 'undone', undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
		)
		.run(batchId);
	return { result: { ok: true, batchId, rowsRestored: changes.length }, removedFrom };
}

function feedOf(sqlite: Sqlite, batchId: number): string {
	return sqlite
		.prepare('SELECT feed FROM import_batches WHERE id = ?')
		.pluck()
		.get(batchId) as string;
}

function applyReverse(sqlite: Sqlite, c: Change) {
	const table = `"${c.table_name.replace(/"/g, '')}"`;
	if (c.op === 'insert') {
		sqlite.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(c.row_id);
		return;
	}
	const values = JSON.parse(c.before!) as Record<string, unknown>;
	const cols = Object.keys(values);
	const params = cols.map((k) => values[k] as unknown);
	if (c.op === 'update') {
		sqlite
			.prepare(`UPDATE ${table} SET ${cols.map((k) => `"${k}" = ?`).join(', ')} WHERE rowid = ?`)
			.run(...params, c.row_id);
	} else {
		sqlite
			.prepare(
				`INSERT INTO ${table} (rowid, ${cols.map((k) => `"${k}"`).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`
			)
			.run(c.row_id, ...params);
	}
}

interface DependentRow {
	table: string;
	rowId: number;
	/** The batch the row names as its writer, where the table keeps one. */
	writtenBy: number | null;
}

/** Rows that still reference a row this undo removed (found once COMMIT has refused). */
function referencingRows(sqlite: Sqlite, parents: Set<string>): DependentRow[] {
	const rows: DependentRow[] = [];
	const tables = sqlite
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
		.pluck()
		.all() as string[];
	for (const table of tables) {
		const fks = sqlite.pragma(`foreign_key_list("${table}")`) as { table: string }[];
		if (!fks.some((fk) => parents.has(fk.table))) continue;
		const violations = sqlite.pragma(`foreign_key_check("${table}")`) as {
			rowid: number;
			parent: string;
		}[];
		const hasBatch = (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).some(
			(c) => c.name === 'batch_id'
		);
		for (const v of violations) {
			if (!parents.has(v.parent)) continue;
			const writtenBy = hasBatch
				? ((sqlite
						.prepare(`SELECT batch_id FROM "${table}" WHERE rowid = ?`)
						.pluck()
						.get(v.rowid) as number | null) ?? null)
				: null;
			rows.push({ table, rowId: v.rowid, writtenBy });
		}
	}
	return rows;
}

/** The later committed imports that wrote the dependent rows, as "7 (bids.csv)". */
function laterImports(sqlite: Sqlite, batchId: number, rows: DependentRow[]): string[] {
	const logged = sqlite.prepare(
		`SELECT max(batch_id) FROM import_changes WHERE table_name = ? AND row_id = ? AND batch_id > ?`
	);
	const ids = new Set<number>();
	for (const r of rows) {
		const id = (logged.pluck().get(r.table, r.rowId, batchId) as number | null) ?? r.writtenBy;
		if (id !== null && id !== batchId) ids.add(id);
	}
	const name = sqlite.prepare('SELECT file_name FROM import_batches WHERE id = ?').pluck();
	const names = [...ids].sort((a, b) => a - b).map((id) => `${id} (${name.get(id) ?? '?'})`);
	if (names.length) return names;
	// Rows with no import of their own: say which table, rather than nothing.
	return [...new Set(rows.map((r) => `the ${r.table.replace(/_/g, ' ')} that point to its rows`))];
}

function dependsMessage(names: string[]): string {
	return `Later imports depend on rows this import added: undo ${names.join(', ')} first.`;
}
