/**
 * Accounts on a real migrated database: sessions (made, expired, revoked), the sign-in rate limit,
 * and the audit entries account changes leave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import type { DbHandle } from '../db/client';
import { listAudit } from './audit';
import { MAX_WAITING_PER_ADDRESS } from './address-turns';
import { MAX_FAILURES, MAX_FAILURES_PER_IP, addressDelayMs, blockedUntil } from './rate-limit';
import {
	createSession,
	revokeSession,
	revokeUserSessions,
	userForSession,
	SESSION_DAYS
} from './sessions';
import { signIn } from './sign-in';
import { addUser, updateUser, viewerOf, type UserRow } from './users';

let handle: DbHandle;
let officer: UserRow;
const CLI = { userId: null, actor: 'command line' };
const run = async <T>(fn: () => T) => fn();

beforeAll(async () => {
	handle = createTestDb();
	officer = await addUser(
		handle.db,
		{
			email: 'Officer@Trafford.example',
			password: 'a long password',
			role: 'officer',
			authorities: ['TRF']
		},
		CLI
	);
});
afterAll(() => handle.close());

describe('sessions', () => {
	it('find their user until they expire, storing only the token’s hash', () => {
		const now = new Date('2026-01-01T10:00:00Z');
		const { token, expiresAt } = createSession(handle.db, officer.id, now);
		expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_DAYS * 86_400_000);
		const stored = handle.sqlite.prepare('SELECT token_hash FROM sessions').pluck().all();
		expect(stored).not.toContain(token);
		expect(userForSession(handle.db, token, now)?.email).toBe('officer@trafford.example');
		expect(userForSession(handle.db, token, new Date(expiresAt.getTime() + 1))).toBeNull();
		expect(userForSession(handle.db, token + 'x', now)).toBeNull();
	});

	it('end when revoked, one at a time or everywhere', () => {
		const now = new Date();
		const a = createSession(handle.db, officer.id, now);
		const b = createSession(handle.db, officer.id, now);
		revokeSession(handle.db, a.token);
		expect(userForSession(handle.db, a.token)).toBeNull();
		expect(userForSession(handle.db, b.token)?.id).toBe(officer.id);
		expect(revokeUserSessions(handle.db, officer.id)).toBeGreaterThanOrEqual(1);
		expect(userForSession(handle.db, b.token)).toBeNull();
	});
});

describe('signing in', () => {
	it('blocks an account after five failures for fifteen minutes, saying until when', async () => {
		const t0 = new Date('2026-02-01T09:00:00Z');
		const email = 'officer@trafford.example';
		for (let i = 0; i < MAX_FAILURES; i++) {
			const r = await signIn(handle.db, { email, password: 'wrong', ip: `10.0.0.${i}` }, run, t0);
			expect(r).toMatchObject({ ok: false, status: 400 });
		}
		// The right password does not get through while blocked.
		const blocked = await signIn(
			handle.db,
			{ email, password: 'a long password', ip: '10.0.1.1' },
			run,
			t0
		);
		expect(blocked).toMatchObject({ ok: false, status: 429 });
		expect(blocked.ok || blocked.message).toMatch(/try again after 09:15/);
		const later = new Date(t0.getTime() + 15 * 60_000 + 1000);
		const ok = await signIn(
			handle.db,
			{ email, password: 'a long password', ip: '10.0.1.1' },
			run,
			later
		);
		expect(ok.ok).toBe(true);
	});

	it('slows an address trying many accounts, but still lets the right password in', async () => {
		const t0 = new Date('2026-03-01T09:00:00Z');
		const waits: number[] = [];
		const wait = async (ms: number) => void waits.push(ms);
		for (let i = 0; i < MAX_FAILURES_PER_IP + 3; i++)
			await signIn(
				handle.db,
				{ email: `nobody${i}@example.org`, password: 'x', ip: '192.0.2.7' },
				run,
				t0,
				wait
			);
		// The first MAX_FAILURES_PER_IP went straight through; each after waited longer.
		expect(waits).toEqual([500, 1000, 1500]);
		expect(addressDelayMs(handle.db, '192.0.2.7', t0)).toBe(2000);
		expect(addressDelayMs(handle.db, '192.0.2.8', t0)).toBe(0);
		// Another account's holder behind the same address (an office, a proxy) still signs in.
		const ok = await signIn(
			handle.db,
			{ email: 'officer@trafford.example', password: 'a long password', ip: '192.0.2.7' },
			run,
			t0,
			wait
		);
		expect(ok.ok).toBe(true);
		expect(waits.at(-1)).toBe(2000);
		expect(blockedUntil(handle.db, 'officer@trafford.example', t0)).toBeNull();
	});

	it('makes a slowed address take turns, and refuses a flood past its queue', async () => {
		const t0 = new Date('2026-03-02T09:00:00Z');
		for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
			await signIn(
				handle.db,
				{ email: `flood${i}@example.org`, password: 'x', ip: '192.0.2.9' },
				run,
				t0
			);
		let running = 0;
		let most = 0;
		const wait = async () => {
			running++;
			most = Math.max(most, running);
			await new Promise((r) => setTimeout(r, 5));
			running--;
		};
		const attempts = Array.from({ length: MAX_WAITING_PER_ADDRESS + 4 }, (_, i) =>
			signIn(
				handle.db,
				{ email: `flood-more${i}@example.org`, password: 'x', ip: '192.0.2.9' },
				run,
				t0,
				wait
			)
		);
		const results = await Promise.all(attempts);
		expect(most).toBe(1);
		const refused = results.filter((r) => !r.ok && r.status === 429);
		expect(refused).toHaveLength(4);
		expect(refused[0]).toMatchObject({ message: /from your network are waiting/ });
	});

	it('says the same for an unknown email as for a wrong password', async () => {
		const now = new Date('2026-04-01T09:00:00Z');
		const unknown = await signIn(
			handle.db,
			{ email: 'ghost@example.org', password: 'x', ip: '1.1.1.1' },
			run,
			now
		);
		const wrong = await signIn(
			handle.db,
			{ email: 'officer@trafford.example', password: 'x', ip: '1.1.1.2' },
			run,
			now
		);
		expect(unknown.ok || unknown.message).toBe(wrong.ok || wrong.message);
	});
});

describe('account changes', () => {
	it('are audited with who, what, and before and after; disabling makes the viewer the public', async () => {
		const admin = await addUser(
			handle.db,
			{ email: 'admin@example.org', password: 'another long one', role: 'admin', authorities: [] },
			CLI
		);
		const by = { userId: admin.id, actor: admin.email };
		const changed = updateUser(
			handle.db,
			officer.id,
			{ role: 'officer', authorities: ['MAN', 'TRF'], disabled: true },
			by
		)!;
		expect(viewerOf(changed)).toEqual({ role: 'public' });
		const [last, ...rest] = listAudit(handle.db);
		expect(last).toMatchObject({
			actor: 'admin@example.org',
			action: 'user.disable',
			before: { role: 'officer', authorities: ['TRF'], disabled: false },
			after: { role: 'officer', authorities: ['MAN', 'TRF'], disabled: true }
		});
		expect(rest.map((e) => e.action)).toEqual(expect.arrayContaining(['user.add']));
		expect(rest.find((e) => e.summary.includes('admin@example.org'))?.actor).toBe('command line');
	});
});
