/**
 * The sign-in rate limit: after MAX_FAILURES failed attempts for one account, or
 * MAX_FAILURES_PER_IP from one address (higher: a council's office shares one address), within
 * WINDOW_MINUTES, sign-in is refused until the oldest of them is out of the window, and
 * the message says when that is. A success clears the account's failures.
 */
import { and, count, eq, gt, lte, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from '../db/schema';

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 20;
export const WINDOW_MINUTES = 15;
const WINDOW_MS = WINDOW_MINUTES * 60_000;

/** Null when a sign-in may be tried; else the time it may be tried again. */
export function blockedUntil(db: Db, email: string, ip: string, now = new Date()): Date | null {
	const since = new Date(now.getTime() - WINDOW_MS).toISOString();
	for (const [who, max] of [
		[eq(loginAttempts.email, email), MAX_FAILURES],
		[eq(loginAttempts.ip, ip), MAX_FAILURES_PER_IP]
	] as const) {
		const row = db
			.select({ n: count(), first: min(loginAttempts.at) })
			.from(loginAttempts)
			.where(and(who, gt(loginAttempts.at, since)))
			.get();
		if (row && row.n >= max && row.first)
			return new Date(new Date(row.first).getTime() + WINDOW_MS);
	}
	return null;
}

export function recordFailure(db: Db, email: string, ip: string, now = new Date()): void {
	const old = new Date(now.getTime() - WINDOW_MS).toISOString();
	db.delete(loginAttempts).where(lte(loginAttempts.at, old)).run();
	db.insert(loginAttempts).values({ email, ip, at: now.toISOString() }).run();
}

export function clearFailures(db: Db, email: string): void {
	db.delete(loginAttempts).where(eq(loginAttempts.email, email)).run();
}
