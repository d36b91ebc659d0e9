/**
 * `npm run restore -- PATH`: put a backup back as DATABASE_URL. Refused while the server, an
 * import or any program has the database open, for a damaged backup, and for one made by a newer
 * version of the code. The database it replaces is kept as DATABASE_URL.before-restore-TIMESTAMP.
 * Exits 0 when restored, 1 when refused or failed, 2 on bad arguments (one sentence on stderr).
 */
import { parseArgs } from 'node:util';
import { describeLastImport, megabytes, BackupError } from '../src/lib/server/db/backup';
import { restoreDatabase } from '../src/lib/server/db/restore';
import { readConfig } from '../src/lib/server/config';
import { visible } from '../src/lib/server/import/report-text';
import { CliExit, exitCodeOf, runAsProgram, writeLine, type CliIo } from './cli-io';

const USAGE = 'npm run restore -- PATH';

export function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
	return exitCodeOf(async () => {
		const stop = (sentence: string, code: number): never => {
			writeLine(io.stderr, visible(sentence));
			throw new CliExit(code);
		};
		let file: string;
		try {
			const { values, positionals } = parseArgs({
				args: argv,
				allowPositionals: true,
				options: { help: { type: 'boolean', short: 'h', default: false } }
			});
			if (values.help) {
				writeLine(io.stdout, `Usage: ${USAGE}`);
				return 0;
			}
			if (positionals.length !== 1)
				stop(`${positionals.length ? 'One backup at a time' : 'No backup named'}: ${USAGE}.`, 2);
			file = positionals[0]!;
		} catch (e) {
			if (e instanceof CliExit) throw e;
			const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? 'an option';
			return stop(`Option ${option} is not understood here: ${USAGE}.`, 2);
		}

		const config = readConfig(env);
		try {
			const r = await restoreDatabase(config.DATABASE_URL, file, config.MIGRATIONS_DIR);
			writeLine(
				io.stdout,
				`Restored ${config.DATABASE_URL} from ${r.from}: ${megabytes(r.bytes)}, ${describeLastImport(r)}; integrity check: ${r.integrity}.`
			);
			writeLine(
				io.stdout,
				r.keptAs
					? `The database it replaced is kept as ${r.keptAs}.`
					: 'There was no database there before.'
			);
			if (r.pendingMigrations)
				writeLine(
					io.stdout,
					`The backup lacks ${r.pendingMigrations} of this code's migrations: they are applied when the server or an import next opens it.`
				);
		} catch (e) {
			if (e instanceof BackupError) stop(e.message, e.exitCode);
			throw e;
		}
	});
}

await runAsProgram(import.meta.url, main);
