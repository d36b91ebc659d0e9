/**
 * The sign-in rate limit, in two parts. After MAX_FAILURES failed attempts for one account within
 * WINDOW_MINUTES, that account's sign-in is refused until the oldest of them is out of the window,
 * and the message says when. Failures from one address are treated differently: a council's
 * office, or every user behind a reverse proxy that is not configured to pass the client's
 * address, shares one, so past MAX_FAILURES_PER_IP the address is slowed down (its attempts wait
 * their turn, each a little longer: see address-turns.ts), never refused: the right password of
 * another account still signs in. A success clears the account's failures.
 */
import { and, count, eq, gt, lte, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from '../db/schema';

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 20;
export const WINDOW_MINUTES = 15;
const WINDOW_MS = WINDOW_MINUTES * 60_000;
/** Each failure past the address's allowance adds this much wait, up to MAX_ADDRESS_DELAY_MS. */
const ADDRESS_DELAY_STEP_MS = 500;
export const MAX_ADDRESS_DELAY_MS = 10_000;

function failuresSince(db: Db, who: ReturnType<typeof eq>, now: Date) {
	const since = new Date(now.getTime() - WINDOW_MS).toISOString();
	return db
		.select({ n: count(), first: min(loginAttempts.at) })
		.from(loginAttempts)
		.where(and(who, gt(loginAttempts.at, since)))
		.get();
}

/** Null when this account may try to sign in; else the time it may try again. */
export function blockedUntil(db: Db, email: string, now = new Date()): Date | null {
	const row = failuresSince(db, eq(loginAttempts.email, email), now);
	if (row && row.n >= MAX_FAILURES && row.first)
		return new Date(new Date(row.first).getTime() + WINDOW_MS);
	return null;
}

/** How long an attempt from this address waits before it is checked: 0 within its allowance. */
export function addressDelayMs(db: Db, ip: string, now = new Date()): number {
	const n = failuresSince(db, eq(loginAttempts.ip, ip), now)?.n ?? 0;
	if (n < MAX_FAILURES_PER_IP) return 0;
	return Math.min(MAX_ADDRESS_DELAY_MS, ADDRESS_DELAY_STEP_MS * (n - MAX_FAILURES_PER_IP + 1));
}

export function recordFailure(db: Db, email: string, ip: string, now = new Date()): void {
	const old = new Date(now.getTime() - WINDOW_MS).toISOString();
	db.delete(loginAttempts).where(lte(loginAttempts.at, old)).run();
	db.insert(loginAttempts).values({ email, ip, at: now.toISOString() }).run();
}

export function clearFailures(db: Db, email: string): void {
	db.delete(loginAttempts).where(eq(loginAttempts.email, email)).run();
}
