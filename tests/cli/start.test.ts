/**
 * `npm start` rebuilds only when what the build is made from changed: the fingerprint is the
 * same for the same files and changes with any source file's content, name or a new file.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUTS, serverEnv, sourcesFingerprint } from '../../scripts/start.js';

const dir = mkdtempSync(join(tmpdir(), 'nzl-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourcesFingerprint', () => {
	it('stays the same for the same sources and changes with any of them', () => {
		for (const name of ['src/lib/format.ts', 'src/app.html', 'package.json', 'svelte.config.js'])
			cpSync(name, join(dir, name), { recursive: true });
		expect(INPUTS).toEqual(expect.arrayContaining(['src', 'static', 'package-lock.json']));
		const first = sourcesFingerprint(dir);
		expect(sourcesFingerprint(dir)).toBe(first);

		writeFileSync(join(dir, 'src/lib/format.ts'), '// changed\n', { flag: 'a' });
		const edited = sourcesFingerprint(dir);
		expect(edited).not.toBe(first);

		renameSync(join(dir, 'src/app.html'), join(dir, 'src/app2.html'));
		const renamed = sourcesFingerprint(dir);
		expect(renamed).not.toBe(edited);

		writeFileSync(join(dir, 'static-file.txt'), 'not an input');
		expect(sourcesFingerprint(dir)).toBe(renamed);
		writeFileSync(join(dir, 'src/new.ts'), 'export {};\n');
		expect(sourcesFingerprint(dir)).not.toBe(renamed);
	});
});

// Reported: after a plain `npm start` every form post (import, undo) got 403 "Cross-site POST
// form submissions are forbidden": without ORIGIN adapter-node took requests for https.
describe('the server environment npm start gives', () => {
	it('defaults ORIGIN to the address it serves, and keeps one that is set', () => {
		expect(serverEnv({}).ORIGIN).toBe('http://localhost:3000');
		expect(serverEnv({ PORT: '4000', HOST: '0.0.0.0' }).ORIGIN).toBe('http://localhost:4000');
		expect(serverEnv({ PORT: '4000', HOST: '127.0.0.1' }).ORIGIN).toBe('http://127.0.0.1:4000');
		expect(serverEnv({ HOST: '::1' }).ORIGIN).toBe('http://[::1]:3000');
		expect(serverEnv({ ORIGIN: 'https://netzero.example.org' }).ORIGIN).toBe(
			'https://netzero.example.org'
		);
		expect(serverEnv({}).BODY_SIZE_LIMIT).toBe('Infinity');
		// Loopback unless told otherwise: a fresh install is not open to the network.
		expect(serverEnv({}).HOST).toBe('127.0.0.1');
		expect(serverEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
	});
});
