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
import { exitWith } from '../src/lib/server/cli-output';

const USAGE = 'npm run restore -- PATH';

function stop(sentence: string, code: number): never {
	exitWith(code, visible(sentence));
}

let file: string;
try {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { help: { type: 'boolean', short: 'h', default: false } }
	});
	if (values.help) {
		console.log(`Usage: ${USAGE}`);
		process.exit(0);
	}
	if (positionals.length !== 1)
		stop(`${positionals.length ? 'One backup at a time' : 'No backup named'}: ${USAGE}.`, 2);
	file = positionals[0]!;
} catch (e) {
	const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? 'an option';
	stop(`Option ${option} is not understood here: ${USAGE}.`, 2);
}

const config = readConfig();
try {
	const r = await restoreDatabase(config.DATABASE_URL, file, config.MIGRATIONS_DIR);
	console.log(
		`Restored ${config.DATABASE_URL} from ${r.from}: ${megabytes(r.bytes)}, ${describeLastImport(r)}; integrity check: ${r.integrity}.`
	);
	console.log(
		r.keptAs
			? `The database it replaced is kept as ${r.keptAs}.`
			: 'There was no database there before.'
	);
	if (r.pendingMigrations)
		console.log(
			`The backup lacks ${r.pendingMigrations} of this code's migrations: they are applied when the server or an import next opens it.`
		);
} catch (e) {
	if (e instanceof BackupError) stop(e.message, e.exitCode);
	throw e;
}
