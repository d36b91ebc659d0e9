/**
 * `npm run backup [-- --to PATH]`: a consistent copy of DATABASE_URL, safe while the server
 * serves and an import writes, by default to backups/NAME-YYYYMMDD-HHMMSS.db beside it (UK
 * time). Says what it copied: the file, its size, the last committed import and SQLite's
 * integrity check of the copy. Exits 0 when the copy is whole, 1 when it failed or is damaged,
 * 2 on bad arguments (one sentence on stderr).
 */
import { parseArgs } from 'node:util';
import { backupDatabase, backupLines, BackupError } from '../src/lib/server/db/backup';
import { readConfig } from '../src/lib/server/config';
import { visible } from '../src/lib/server/import/report-text';
import { CliExit, exitCodeOf, runAsProgram, writeLine, type CliIo } from './cli-io';

const USAGE = 'npm run backup [-- --to PATH]';

export function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
	return exitCodeOf(async () => {
		const stop = (sentence: string, code: number): never => {
			writeLine(io.stderr, visible(sentence));
			throw new CliExit(code);
		};
		let options: { to?: string; help: boolean };
		try {
			const { values, positionals } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: {
					to: { type: 'string' },
					help: { type: 'boolean', short: 'h', default: false }
				}
			});
			if (positionals.length)
				stop(`Unexpected argument "${positionals[0]}": name the copy with --to (${USAGE}).`, 2);
			options = values;
		} catch (e) {
			if (e instanceof CliExit) throw e;
			// Node's own messages run to several sentences and name internals: say it in one.
			const { code, message } = e as { code?: string; message: string };
			const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
			if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
				stop(`Option ${option} needs a path: ${USAGE}.`, 2);
			return stop(`Option ${option} is not understood here: ${USAGE}.`, 2);
		}
		if (options.help) {
			writeLine(io.stdout, `Usage: ${USAGE}`);
			return 0;
		}
		if (options.to !== undefined && !options.to.trim()) stop(`--to needs a path: ${USAGE}.`, 2);

		try {
			const result = await backupDatabase(readConfig(env).DATABASE_URL, options.to);
			writeLine(io.stdout, backupLines(result).join('\n'));
			if (result.integrity !== 'ok')
				stop(`The copy at ${result.path} failed SQLite's integrity check: do not rely on it.`, 1);
		} catch (e) {
			if (e instanceof BackupError) stop(e.message, e.exitCode);
			throw e;
		}
	});
}

await runAsProgram(import.meta.url, main);
