/**
 * Row order as stored: SQLite's rowid, the order rows were inserted (the datasets manifest's
 * order, for one). Another engine would need an explicit column.
 */
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

export const insertionOrder = (table: SQLiteTable) => sql`${table}.rowid`;
