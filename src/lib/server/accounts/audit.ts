/**
 * The audit trail: one entry per write (imports, undos, account changes), read by admins at
 * /admin/audit. Entries about an import name its batch, whose undo log holds every row it changed.
 */
import { desc } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from './users';

export interface AuditEntry {
	action: string;
	summary: string;
	batchId?: number | null;
	before?: unknown;
	after?: unknown;
}

/**
 * Written with better-sqlite3 directly: the import writer calls this on its own connection inside
 * its transaction, where the Drizzle instance of the request thread is not at hand.
 */
export function recordAudit(sqlite: Database.Database, by: Actor, entry: AuditEntry): void {
	sqlite
		.prepare(
			'INSERT INTO audit_log (user_id, actor, action, batch_id, summary, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)'
		)
		.run(
			by.userId,
			by.actor,
			entry.action,
			entry.batchId ?? null,
			entry.summary,
			entry.before === undefined ? null : JSON.stringify(entry.before),
			entry.after === undefined ? null : JSON.stringify(entry.after)
		);
}

export function listAudit(db: Db, limit = 500) {
	return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
