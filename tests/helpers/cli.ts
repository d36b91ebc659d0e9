/**
 * Running one of the command-line scripts as a user does (tsx, a database file), for tests of
 * what it prints and its exit code.
 */
import { execFileSync } from 'node:child_process';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** `scripts/NAME.ts ARGS…` with DATABASE_URL set; never throws on a non-zero exit. */
export function runScript(name: string, args: string[], dbPath: string, input?: string): CliRun {
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
