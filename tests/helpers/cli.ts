/**
 * The command-line scripts in tests, two ways. `runScript` runs one as a user does (Node and tsx,
 * a process of its own): once per script, for its real exit code, streams and signals.
 * `runMain` calls the same script's main() in the test's own process, with DATABASE_URL set and
 * its output caught: the same code and the same words, without starting Node for each case.
 */
import { execFileSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import type { CliIo, CliMain } from '../../scripts/cli-io';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

const SCRIPTS = {
	import: () => import('../../scripts/import'),
	'user-add': () => import('../../scripts/user-add'),
	backup: () => import('../../scripts/backup'),
	restore: () => import('../../scripts/restore')
} satisfies Record<string, () => Promise<{ main: CliMain }>>;

export type ScriptName = keyof typeof SCRIPTS;

/** `scripts/NAME.ts ARGS…` with DATABASE_URL set; never throws on a non-zero exit. */
export function runScript(
	name: ScriptName,
	args: string[],
	dbPath: string,
	input?: string
): CliRun {
	try {
		const stdout = execFileSync(
			process.execPath,
			['--import', 'tsx', `scripts/${name}.ts`, ...args],
			{
				env: { ...process.env, DATABASE_URL: dbPath },
				encoding: 'utf8',
				// Given input is the script's stdin (a password for --password-stdin); else none.
				...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input })
			}
		);
		return { code: 0, stdout, stderr: '' };
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, stdout: err.stdout, stderr: err.stderr };
	}
}

/** A stream that keeps what is written to it, as a pipe to a test would. */
function caught(): { stream: Writable; text: () => string } {
	let text = '';
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			text += chunk;
			done();
		}
	});
	return { stream, text: () => text };
}

/**
 * `scripts/NAME.ts ARGS…` run in this process through its main(), with DATABASE_URL set and
 * `input` (if any) as its stdin, as runScript gives them; never throws on a non-zero exit.
 */
export async function runMain(
	name: ScriptName,
	args: string[],
	dbPath: string,
	input?: string
): Promise<CliRun> {
	const { main } = await SCRIPTS[name]();
	const stdout = caught();
	const stderr = caught();
	const io: CliIo = {
		stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
		stdout: stdout.stream,
		stderr: stderr.stream
	};
	const code = await main(args, io, { ...process.env, DATABASE_URL: dbPath });
	return { code, stdout: stdout.text(), stderr: stderr.text() };
}
