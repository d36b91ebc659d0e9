/**
 * Sessions: a random token in an http-only cookie, only its SHA-256 stored, with a fixed expiry.
 * Checking a session is a read (the pages' read-only connection can do it); creating and revoking
 * one are writes on the accounts connection.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import { getUser, type UserRow } from './users';

export const SESSION_COOKIE = 'nzl_session';
export const SESSION_DAYS = 14;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for this user; returns the token for the cookie (never stored as such). */
export function createSession(db: Db, userId: number, now = new Date()) {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
	// Expired sessions are cleared as new ones are made: the table stays small without a timer.
	db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run();
	db.insert(sessions)
		.values({ tokenHash: hashToken(token), userId, expiresAt: expiresAt.toISOString() })
		.run();
	return { token, expiresAt };
}

/** The session's user when the token is known, unexpired, and the account not disabled. */
export function userForSession(db: Db, token: string, now = new Date()): UserRow | null {
	const row = db
		.select({ userId: sessions.userId })
		.from(sessions)
		.where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now.toISOString())))
		.get();
	if (!row) return null;
	const user = getUser(db, row.userId);
	return user && !user.disabled ? user : null;
}

export function revokeSession(db: Db, token: string): void {
	db.delete(sessions)
		.where(eq(sessions.tokenHash, hashToken(token)))
		.run();
}

/** "Sign out everywhere": every session of this user, this one included. */
export function revokeUserSessions(db: Db, userId: number): number {
	return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}
