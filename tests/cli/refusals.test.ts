/**
 * The command-line programs' refusals reach their reader whole, ending in a newline, even when
 * the reader takes its time: console.error() followed at once by process.exit() lost the end of
 * what it wrote (here, with a slow reader, all of it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'nzl-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script whose stderr is read only after a second, as a busy terminal or pipe might. */
function readSlowly(script: string, args: string[]): Promise<{ code: number; stderr: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
		env: { ...process.env, DATABASE_URL: join(dir, `${script}.db`) },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const chunks: Buffer[] = [];
	child.stderr.pause();
	setTimeout(() => {
		child.stderr.on('data', (d: Buffer) => chunks.push(d));
		child.stderr.resume();
	}, 1000);
	return new Promise((resolve) =>
		child.on('close', (code) =>
			resolve({ code: code ?? -1, stderr: Buffer.concat(chunks).toString() })
		)
	);
}

// Reported: refusals on stderr (user:add, restore, the --no-wait busy message) lacked a final
// newline. A long option name makes a refusal longer than a pipe holds, which shows it.
describe('a refusal on stderr', () => {
	const option = `--${'x'.repeat(100_000)}`;
	it.each([
		['restore', /^Option --x+ is not understood here: npm run restore -- PATH\.\n$/],
		['import', /^Unknown option --x+: see npm run import -- --help\.\n$/],
		['user-add', /^Unknown option '--x+'.*\nUsage: npm run user:add .*\n$/s]
	])(
		'of %s arrives whole, ending in one newline',
		async (script, said) => {
			const r = await readSlowly(script, [option]);
			expect(r.code).toBe(2);
			expect(r.stderr.length).toBeGreaterThan(100_000);
			expect(r.stderr).toMatch(said);
		},
		60_000
	);
});
