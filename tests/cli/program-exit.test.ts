/**
 * What a command-line program says as it exits reaches a reader that is slow to read it: run as a
 * child whose stderr a Node process reads (a socket, written asynchronously), console.error()
 * followed at once by process.exit() drops what the socket has not taken; endProgram does not.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('../../scripts/cli-io.ts', import.meta.url));
const SIZE = 4 * 1024 * 1024;

/** Runs `code` (ES module text) in a child, reading its stderr only after a second's pause. */
function readSlowly(code: string): Promise<{ status: number; stderr: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const chunks: Buffer[] = [];
	child.stderr.on('data', (d: Buffer) => chunks.push(d));
	// This thread is busy for a second: the child writes more than the socket holds meanwhile.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
	return new Promise((resolve) =>
		child.on('close', (status) =>
			resolve({ status: status ?? -1, stderr: Buffer.concat(chunks).toString() })
		)
	);
}

// Reported: refusals on stderr (user:add, restore, the --no-wait busy message) lacked a final
// newline: the end of what they wrote was lost as the program exited.
describe('a refusal as a program exits', () => {
	it('arrives whole, ending in one newline, however slowly it is read', async () => {
		const r = await readSlowly(
			`import { endProgram, writeLine } from ${JSON.stringify(MODULE)}; writeLine(process.stderr, 'x'.repeat(${SIZE})); await endProgram(2);`
		);
		expect(r.status).toBe(2);
		expect(r.stderr.length).toBe(SIZE + 1);
		expect(r.stderr.endsWith('x\n')).toBe(true);
	}, 30_000);

	it('is cut short by console.error and process.exit, as the scripts once ended', async () => {
		const r = await readSlowly(`console.error('x'.repeat(${SIZE})); process.exit(2);`);
		expect(r.status).toBe(2);
		expect(r.stderr.length).toBeLessThan(SIZE + 1);
	}, 30_000);
});
