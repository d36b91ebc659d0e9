/**
 * Signing in: the rate limit first (so a blocked account costs no hashing), then the password, then
 * a new session. The same message for an unknown email and a wrong password, so the form does not
 * tell which emails have accounts.
 */
import type { Db } from '../db/client';
import { verifyPassword } from './password';
import { blockedUntil, clearFailures, recordFailure } from './rate-limit';
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
	now = new Date()
): Promise<SignInResult> {
	const email = normaliseEmail(input.email);
	const until = blockedUntil(db, email, input.ip, now);
	if (until)
		return {
			ok: false,
			status: 429,
			message: `Too many failed sign-ins: try again after ${ukTime(until)} (UK time).`
		};
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
