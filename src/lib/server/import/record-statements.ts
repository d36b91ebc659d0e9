/**
 * The record writer's SQL, built from the Drizzle table objects (never from table names written
 * as strings) and prepared once per table and set of columns: an upsert by natural key that
 * rewrites a row only when a value differs, and select, insert, update and delete by fields.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A name quoted for SQL. */
export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableInfo {
	name: string;
	columns: Record<string, SQLiteColumn>;
	hasBatch: boolean;
	hasSample: boolean;
}

export type TableStatements = ReturnType<typeof tableStatements>;

export function tableStatements(sqlite: Database.Database) {
	const tables = new Map<SQLiteTable, TableInfo>();
	const statements = new Map<string, Database.Statement>();

	function info(table: SQLiteTable): TableInfo {
		let t = tables.get(table);
		if (!t) {
			const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
			t = {
				name: getTableConfig(table).name,
				columns,
				hasBatch: 'batchId' in columns,
				hasSample: 'isSample' in columns
			};
			tables.set(table, t);
		}
		return t;
	}

	function column(t: TableInfo, field: string): SQLiteColumn {
		const c = t.columns[field];
		if (!c) throw new Error(`${t.name} has no column ${field}`);
		return c;
	}

	function upsertStatement(
		t: TableInfo,
		fields: string[],
		key: readonly string[],
		addOnly = false
	) {
		const id = `${t.name}|${fields.join(',')}|${key.join(',')}|${addOnly}`;
		let stmt = statements.get(id);
		if (stmt) return stmt;
		for (const k of key) {
			if (!fields.includes(k)) throw new Error(`a ${t.name} record needs its key ${k}`);
		}
		const names = fields.map((f) => column(t, f).name);
		const keyNames = key.map((k) => column(t, k).name);
		const updatable = names.filter((n) => !keyNames.includes(n));
		// batch_id follows the data (the last import that changed a row) but is not itself a change.
		const compared = updatable.filter((n) => n !== 'batch_id');
		const table = q(t.name);
		const sql =
			`INSERT INTO ${table} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
			`ON CONFLICT (${keyNames.map(q).join(', ')}) ` +
			(compared.length && !addOnly
				? `DO UPDATE SET ${updatable.map((n) => `${q(n)} = excluded.${q(n)}`).join(', ')} WHERE ${compared
						.map((n) => `${table}.${q(n)} IS NOT excluded.${q(n)}`)
						.join(' OR ')}`
				: 'DO NOTHING');
		statements.set(id, (stmt = sqlite.prepare(sql)));
		return stmt;
	}

	function selectStatement(t: TableInfo, fields: string[], what: string) {
		const id = `${t.name}|select ${what}|${fields.join(',')}`;
		let stmt = statements.get(id);
		if (!stmt) {
			const where = fields.map((f) => `${q(column(t, f).name)} IS ?`).join(' AND ');
			stmt = sqlite.prepare(`SELECT ${what} FROM ${q(t.name)} WHERE ${where}`);
			statements.set(id, stmt);
		}
		return stmt;
	}

	function deleteStatement(t: TableInfo, fields: string[]) {
		const id = `${t.name}|delete|${fields.join(',')}`;
		let stmt = statements.get(id);
		if (!stmt) {
			const where = fields.map((f) => `${q(column(t, f).name)} IS ?`).join(' AND ');
			statements.set(id, (stmt = sqlite.prepare(`DELETE FROM ${q(t.name)} WHERE ${where}`)));
		}
		return stmt;
	}

	function insertStatement(t: TableInfo, fields: string[]) {
		const id = `${t.name}|insert|${fields.join(',')}`;
		let stmt = statements.get(id);
		if (!stmt) {
			const names = fields.map((f) => q(column(t, f).name));
			const sql = `INSERT INTO ${q(t.name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
			statements.set(id, (stmt = sqlite.prepare(sql)));
		}
		return stmt;
	}

	function updateStatement(t: TableInfo, fields: string[], by: 'id' | 'rowid' = 'id') {
		const id = `${t.name}|update by ${by}|${fields.join(',')}`;
		let stmt = statements.get(id);
		if (!stmt) {
			const names = fields.map((f) => column(t, f).name);
			const compared = names.filter((n) => n !== 'batch_id');
			const sql =
				`UPDATE ${q(t.name)} SET ${names.map((n, i) => `${q(n)} = @p${i}`).join(', ')} ` +
				`WHERE ${by} = @id AND (` +
				(compared.length
					? compared.map((n) => `${q(n)} IS NOT @p${names.indexOf(n)}`).join(' OR ')
					: '0') +
				')';
			statements.set(id, (stmt = sqlite.prepare(sql)));
		}
		return stmt;
	}

	return {
		info,
		column,
		upsertStatement,
		selectStatement,
		deleteStatement,
		insertStatement,
		updateStatement
	};
}
