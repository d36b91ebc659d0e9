/**
 * Accounts, sessions and the audit trail. Kept in a module of their own (re-exported by
 * schema.ts) because they are not data an import writes: the undo triggers never cover them
 * (undo-triggers.ts names them), so undoing an import can never remove a user or an audit entry.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/** When a row was written, as an ISO timestamp in UTC, set by SQLite. */
export const timestampNow = (name: string) =>
	text(name)
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** A person who can sign in. No row for the public, who only read. */
export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Lower-cased, so "Ann@Council.gov.uk" and "ann@council.gov.uk" are one account. */
	email: text('email').notNull().unique(),
	/** "scrypt$N$r$p$salt$hash", salt and hash base64: the parameters travel with the hash. */
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ['admin', 'officer'] }).notNull(),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	createdAt: timestampNow('created_at')
});

/** The councils an officer may import for (their own, and consortia they lead through them). */
export const userAuthorities = sqliteTable(
	'user_authorities',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		authorityCode: text('authority_code').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.authorityCode] })]
);

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored: a leaked table opens nothing. */
export const sessions = sqliteTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestampNow('created_at'),
		expiresAt: text('expires_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed sign-ins, by account and by address, for the rate limit; old rows are pruned. */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		ip: text('ip').notNull(),
		at: text('at').notNull()
	},
	(t) => [
		index('login_attempts_email_idx').on(t.email, t.at),
		index('login_attempts_ip_idx').on(t.ip, t.at)
	]
);

/**
 * Every write: who, what, when, which import batch. The rows an import or undo changed are in the
 * import's own undo log (import_changes) under `batch_id`; edits to accounts carry before/after.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: timestampNow('at'),
		userId: integer('user_id'),
		/** Kept as text too: the entry still says who after the account is gone. */
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		batchId: integer('batch_id'),
		summary: text('summary').notNull(),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' })
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

/** Table names, for the undo triggers to leave out. */
export const ACCOUNT_TABLES = [
	'users',
	'user_authorities',
	'sessions',
	'login_attempts',
	'audit_log'
] as const;
