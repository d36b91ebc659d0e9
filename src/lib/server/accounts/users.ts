/**
 * Accounts: adding, changing and reading users and the councils an officer works for. Every change
 * is written with its audit entry in one transaction, so no change is ever left unrecorded.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, userAuthorities, users } from '../db/schema';
import { hashPassword } from './password';
import type { Viewer } from './viewer';

export type Role = 'admin' | 'officer';

export interface UserRow {
	id: number;
	email: string;
	role: Role;
	disabled: boolean;
	authorities: string[];
	createdAt: string;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Who did it, for the audit entry: a signed-in user, or the command line. */
export interface Actor {
	userId: number | null;
	actor: string;
}

export function actorOf(viewer: Viewer): Actor {
	return viewer.role === 'public'
		? { userId: null, actor: 'public' }
		: { userId: viewer.userId, actor: viewer.email };
}

export function getUser(db: Db, id: number): UserRow | null {
	const row = db.select().from(users).where(eq(users.id, id)).get();
	if (!row) return null;
	const codes = db
		.select({ code: userAuthorities.authorityCode })
		.from(userAuthorities)
		.where(eq(userAuthorities.userId, id))
		.orderBy(asc(userAuthorities.authorityCode))
		.all();
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		disabled: row.disabled,
		authorities: codes.map((c) => c.code),
		createdAt: row.createdAt
	};
}

export function findUserByEmail(db: Db, email: string) {
	return (
		db
			.select()
			.from(users)
			.where(eq(users.email, normaliseEmail(email)))
			.get() ?? null
	);
}

export function listUsers(db: Db): UserRow[] {
	return db
		.select({ id: users.id })
		.from(users)
		.orderBy(asc(users.email))
		.all()
		.map((u) => getUser(db, u.id)!);
}

/** The viewer a signed-in user is; a disabled account is the public. */
export function viewerOf(user: UserRow | null): Viewer {
	if (!user || user.disabled) return { role: 'public' };
	if (user.role === 'admin') return { role: 'admin', userId: user.id, email: user.email };
	return { role: 'officer', userId: user.id, email: user.email, authorities: user.authorities };
}

export async function addUser(
	db: Db,
	input: { email: string; password: string; role: Role; authorities: string[] },
	by: Actor,
	/** Runs the write: on the server, `whenFree`, which waits out an import's lock. */
	write: <T>(fn: () => T) => T | Promise<T> = (fn) => fn()
): Promise<UserRow> {
	const passwordHash = await hashPassword(input.password);
	const email = normaliseEmail(input.email);
	const id = await write(() =>
		db.transaction((tx) => {
			const { id } = tx
				.insert(users)
				.values({ email, passwordHash, role: input.role })
				.returning({ id: users.id })
				.get();
			for (const code of input.authorities)
				tx.insert(userAuthorities).values({ userId: id, authorityCode: code }).run();
			tx.insert(auditLog)
				.values({
					...by,
					action: 'user.add',
					summary: `Added ${email} as ${input.role}${input.authorities.length ? ` of ${input.authorities.join(', ')}` : ''}`,
					after: { email, role: input.role, authorities: input.authorities }
				})
				.run();
			return id;
		})
	);
	return getUser(db, id)!;
}

/** Change a user's role, councils or disabled flag; disabling signs them out everywhere. */
export function updateUser(
	db: Db,
	id: number,
	change: { role: Role; authorities: string[]; disabled: boolean },
	by: Actor
): UserRow | null {
	const before = getUser(db, id);
	if (!before) return null;
	db.transaction((tx) => {
		tx.update(users)
			.set({ role: change.role, disabled: change.disabled })
			.where(eq(users.id, id))
			.run();
		tx.delete(userAuthorities).where(eq(userAuthorities.userId, id)).run();
		for (const code of change.authorities)
			tx.insert(userAuthorities).values({ userId: id, authorityCode: code }).run();
		const pick = (u: UserRow) => ({
			role: u.role,
			authorities: u.authorities,
			disabled: u.disabled
		});
		tx.insert(auditLog)
			.values({
				...by,
				action: change.disabled && !before.disabled ? 'user.disable' : 'user.update',
				summary: `Changed ${before.email}`,
				before: pick(before),
				after: change
			})
			.run();
	});
	return getUser(db, id);
}
