/**
 * `npm run user:add` as an admin runs it: the first admin from stdin, an officer with their
 * councils; never without a password, never a short one, never an unknown council. The first
 * admin is added by the script run as a program (tsx, a process of its own); the other cases
 * call its main() in this process. (The browser tests' setup adds its first admin to a new
 * database file, as a deployment does.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/accounts/password';
import { runMain, runScript } from '../helpers/cli';
import { shippedDb } from '../helpers/shipped-db';

const dir = mkdtempSync(join(tmpdir(), 'nzl-user-'));
const dbPath = join(dir, 'users.db');
beforeAll(() => shippedDb(dbPath), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const userAdd = (args: string[], input?: string) => runMain('user-add', args, dbPath, input);

describe('npm run user:add', () => {
	it('adds the first admin with the password from stdin, hashed', async () => {
		const r = runScript(
			'user-add',
			['--admin', 'First@Example.org', '--password-stdin'],
			dbPath,
			'a strong password\n'
		);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Added first@example.org as admin.');
		const db = new Database(dbPath, { readonly: true });
		const row = db.prepare('SELECT role, password_hash FROM users').get() as {
			role: string;
			password_hash: string;
		};
		db.close();
		expect(row.role).toBe('admin');
		expect(await verifyPassword('a strong password', row.password_hash)).toBe(true);
	}, 120_000);

	it('adds an officer of the councils named, by code', async () => {
		const r = await userAdd(
			['--officer', 'ann@trafford.example', '--authority', 'TRF,E08000003', '--password-stdin'],
			'another strong one'
		);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('as officer of MAN, TRF');
	}, 60_000);

	it('refuses no password, a short one, an unknown council, and a second account', async () => {
		expect((await userAdd(['--admin', 'b@example.org'])).stderr).toMatch(/--password-stdin/);
		expect(
			(await userAdd(['--admin', 'b@example.org', '--password-stdin'], 'short')).stderr
		).toMatch(/at least 12 characters/);
		const breached = await userAdd(
			['--admin', 'b@example.org', '--password-stdin'],
			'password1234'
		);
		expect(breached.code).toBe(2);
		expect(breached.stderr).toMatch(/most common passwords in published breaches/);
		expect(
			(await userAdd(['--admin', 'b@example.org', '--password-stdin'], 'b@example.org')).stderr
		).toMatch(/email address/);
		const unknown = await userAdd(
			['--officer', 'c@example.org', '--authority', 'TRF,XYZ', '--password-stdin'],
			'a strong password'
		);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/Unknown council code "XYZ"/);
		const again = await userAdd(
			['--admin', 'first@example.org', '--password-stdin'],
			'a strong password'
		);
		expect(again.stderr).toMatch(/has an account already/);
	}, 60_000);
});
