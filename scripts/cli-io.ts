/**
 * What a command-line script takes from its process, handed to it instead: its arguments, its
 * standard streams and its environment. Each script exports `main(argv, io, env)`, which returns
 * the exit code; run as a program it is given the process's own (`runAsProgram`), and a test
 * calls it in the test's process with streams it reads back, which is a hundred times quicker
 * than starting Node and tsx for every case.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliIo {
	stdin: NodeJS.ReadableStream & { isTTY?: boolean };
	stdout: NodeJS.WritableStream & { isTTY?: boolean };
	stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export type CliMain = (argv: string[], io: CliIo, env: NodeJS.ProcessEnv) => Promise<number>;

/** Thrown to end a script's main() with an exit code, as process.exit would end the program. */
export class CliExit extends Error {
	constructor(readonly code: number) {
		super(`exit ${code}`);
	}
}

/** main()'s body, ending with 0, the code it returns, or the code of a CliExit it throws. */
export async function exitCodeOf(body: () => Promise<number | void>): Promise<number> {
	try {
		return (await body()) ?? 0;
	} catch (e) {
		if (e instanceof CliExit) return e.code;
		throw e;
	}
}

/** `line` and a newline on a stream, as console.log and console.error write it. */
export function writeLine(stream: NodeJS.WritableStream, line: string): void {
	stream.write(`${line}\n`);
}

/**
 * When the module at `moduleUrl` is the program Node was started with, run its main with the
 * process's arguments, streams and environment and exit with the code it returns. Importing the
 * module (a test does) runs nothing.
 */
export async function runAsProgram(moduleUrl: string, main: CliMain): Promise<void> {
	if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
	const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
	await endProgram(await main(process.argv.slice(2), io, process.env));
}

/**
 * Exits with `code` once everything written to stdout and stderr is out. A pipe or socket whose
 * reader is slow takes writes asynchronously, and process.exit() drops what is still queued: a
 * refusal lost its end, final newline included. A write's callback runs once it and every write
 * before it have been handed over.
 */
export async function endProgram(code: number): Promise<never> {
	const flushed = (stream: NodeJS.WritableStream) =>
		new Promise<void>((done) => stream.write('', () => done()));
	await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
	process.exit(code);
}
