/**
 * Signing in: the account's rate limit first (so a blocked account costs no hashing), then the
 * address's turn (slowed, never refused, past its allowance of failures), then the password, then
 * a new session. The same message for an unknown email and a wrong password, so the form does not
 * tell which emails have accounts.
 */
import type { Db } from '../db/client';
import { verifyPassword } from './password';
import { inTurn, sleep, type Wait } from './address-turns';
import { addressDelayMs, blockedUntil, clearFailures, recordFailure } from './rate-limit';
import { createSession } from './sessions';
import { findUserByEmail, normaliseEmail } from './users';

export type SignInResult =
	{ ok: true; token: string; expiresAt: Date } | { ok: false; status: 400 | 429; message: string };

/** A hash to check against when the email is unknown, so both cases take as long. */
const DUMMY =
	'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const ukTime = (d: Date) =>
	new Intl.DateTimeFormat('en-GB', {
		timeStyle: 'short',
		timeZone: 'Europe/London'
	}).format(d);

export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string },
	write: <T>(fn: () => T) => Promise<T>,
	now = new Date(),
	wait: Wait = sleep
): Promise<SignInResult> {
	const email = normaliseEmail(input.email);
	const blocked = accountBlocked(db, email, now);
	if (blocked) return blocked;
	const turn = await inTurn(
		input.ip,
		addressDelayMs(db, input.ip, now),
		() => check(db, email, input, write, now),
		wait
	);
	return (
		turn?.value ?? {
			ok: false,
			status: 429,
			message: 'Too many sign-ins from your network are waiting: try again in a minute.'
		}
	);
}

function accountBlocked(db: Db, email: string, now: Date): SignInResult | null {
	const until = blockedUntil(db, email, now);
	return until
		? {
				ok: false,
				status: 429,
				message: `Too many failed sign-ins: try again after ${ukTime(until)} (UK time).`
			}
		: null;
}

async function check(
	db: Db,
	email: string,
	input: { password: string; ip: string },
	write: <T>(fn: () => T) => Promise<T>,
	now: Date
): Promise<SignInResult> {
	// Again in turn: attempts queued behind a slowed address may have blocked the account since.
	const blocked = accountBlocked(db, email, now);
	if (blocked) return blocked;
	const user = findUserByEmail(db, email);
	const good = await verifyPassword(input.password, user?.passwordHash ?? DUMMY);
	if (!user || !good || user.disabled) {
		await write(() => recordFailure(db, email, input.ip, now));
		return {
			ok: false,
			status: 400,
			message:
				user?.disabled && good
					? 'This account is disabled: ask an admin.'
					: 'That email and password do not match an account.'
		};
	}
	return write(() => {
		clearFailures(db, email);
		return { ok: true as const, ...createSession(db, user.id, now) };
	});
}
