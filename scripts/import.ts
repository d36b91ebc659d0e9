/**
 * `npm run import -- [--feed NAME] [--dry-run] [--accept-valid] [--allow-older] [--sample] [--no-wait] [--json] FILE…`
 * Imports CSV files through the same pipeline as the server, into DATABASE_URL (migrating and
 * loading the reference data first on a fresh database). With --sample the rows are stored as
 * generated sample data, as `npm run demo` stores its own: flagged is_sample, shown with a
 * "sample data" badge, left out of national figures, and removed by `npm run demo -- --remove`.
 * Exits 0 when every file was imported (or, with --dry-run, would be), 1 when any file was
 * rejected, 2 on bad arguments (one sentence on stderr, nothing imported), 3 with --no-wait when
 * another program is writing to the database. Without --no-wait an import waits its turn, saying
 * once whom it waits for. Each file gets a report, a file that fails included, so --json prints
 * every file's even when a later one fails.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { FEEDS, feedByKey } from '../src/lib/server/feeds/registry';
import { detectFeed } from '../src/lib/server/import/detect-feed';
import { notCsvReason } from '../src/lib/server/import/file-kind';
import { loadHeaderMaps, parseMapArgs } from '../src/lib/server/import/header-maps';
import {
	failureReport,
	reportLines,
	visible,
	type FileReport
} from '../src/lib/server/import/report-text';
import { runImport } from '../src/lib/server/import/run-import';
import { UnreadableFileError } from '../src/lib/server/import/unreadable';
import { DatabaseBusy, describeHolder } from '../src/lib/server/import/write-lock';
import { prepareDatabase } from '../src/lib/server/startup';
import { recordAudit } from '../src/lib/server/accounts/audit';
import { readConfig } from '../src/lib/server/config';
import { formatCount } from '../src/lib/format';
import { CliExit, exitCodeOf, runAsProgram, writeLine, type CliIo } from './cli-io';

const USAGE =
	'npm run import -- [--feed NAME] [--dry-run] [--accept-valid] [--allow-older] [--sample] [--map "their column=our field"]… [--no-wait] [--json] FILE…';
const FEED_KEYS = FEEDS.map((f) => f.key).join(', ');

type Options = ReturnType<typeof parse>['values'];

export function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
	return exitCodeOf(async () => {
		/** Bad arguments: one sentence, no stack trace, exit 2. */
		const refuse: (sentence: string) => never = (sentence) => {
			writeLine(io.stderr, visible(sentence));
			throw new CliExit(2);
		};
		const { values, positionals } = parse(argv, refuse);
		if (values.help) {
			writeLine(io.stdout, `Usage: ${USAGE}\nFeeds: ${FEED_KEYS}`);
			return 0;
		}
		if (positionals.length === 0) refuse(`No file given: ${USAGE} (--help for more).`);
		for (const file of positionals) {
			const stat = statSync(file, { throwIfNoEntry: false });
			if (!stat) refuse(`There is no file ${file}.`);
			if (!stat.isFile())
				refuse(`${file} is a ${stat.isDirectory() ? 'folder' : 'special file'}, not a CSV file.`);
		}
		const chosen = values.feed ? feedByKey(values.feed) : undefined;
		if (values.feed && !chosen)
			refuse(`Unknown feed "${values.feed}"; the feeds are ${FEED_KEYS}.`);
		let headerMap: Record<string, string> = {};
		try {
			headerMap = parseMapArgs(values.map ?? []);
		} catch (e) {
			refuse(`${(e as Error).message}.`);
		}

		const log = values.json ? () => {} : (line: string) => writeLine(io.stderr, line);
		const handle = await prepareDatabase(readConfig(env), log);
		const run: Run = {
			io,
			handle,
			values,
			chosen,
			headerMap,
			actor: `cli:${env.USER ?? 'unknown'}`
		};
		const reports: FileReport[] = [];
		for (const file of positionals) {
			const started = Date.now();
			let report: FileReport;
			try {
				report = await importOne(run, file, started);
			} catch (e) {
				if (!(e instanceof DatabaseBusy)) throw e;
				// Another program holds the write lock and we were told not to wait: say so and stop.
				if (values.json) writeLine(io.stdout, JSON.stringify(reports, null, 2));
				writeLine(io.stderr, visible(`${e.message} (${file} was not imported.)`));
				handle.close();
				return 3;
			}
			reports.push(report);
			if (!values.json) writeLine(io.stdout, reportLines(report, Date.now() - started).join('\n'));
		}
		if (values.json) writeLine(io.stdout, JSON.stringify(reports, null, 2));
		handle.close();
		return reports.some((r) => r.status === 'rejected') ? 1 : 0;
	});
}

function parse(argv: string[], refuse: (sentence: string) => never) {
	try {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				feed: { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				'accept-valid': { type: 'boolean', default: false },
				'allow-older': { type: 'boolean', default: false },
				sample: { type: 'boolean', default: false },
				json: { type: 'boolean', default: false },
				'no-wait': { type: 'boolean', default: false },
				map: { type: 'string', multiple: true, default: [] },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		// Node's own messages run to several sentences and name internals: say it in one.
		const { code, message } = e as { code?: string; message: string };
		const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
			refuse(`Unknown option ${option}: see npm run import -- --help.`);
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
			refuse(`Option ${option} needs a value: see npm run import -- --help.`);
		return refuse(`${message.split(/\.\s/)[0]!.replace(/\.$/, '')}: see npm run import -- --help.`);
	}
}

/** What every file of one run shares. */
interface Run {
	io: CliIo;
	handle: Awaited<ReturnType<typeof prepareDatabase>>;
	values: Options;
	chosen: ReturnType<typeof feedByKey>;
	headerMap: Record<string, string>;
	/** Who imports, in the import history and the audit trail. */
	actor: string;
}

/** One file's report; a file that cannot be imported at all gets one too, saying why. */
async function importOne(run: Run, file: string, started: number): Promise<FileReport> {
	const { io, handle, values, chosen, headerMap } = run;
	let feedKey: string | null = chosen?.key ?? null;
	try {
		// A ZIP, PDF or empty file is told what it is, not that no feed matches it.
		const notCsv = await notCsvReason(file);
		if (notCsv) return failureReport(basename(file), feedKey, notCsv);
		// A file matched by hand before is recognised through the mapping saved then.
		const feed = chosen ?? (await detectFeed(file, loadHeaderMaps(handle.sqlite)));
		if (!feed) {
			const message = `No feed matches its header row: name one with --feed (${FEED_KEYS}).`;
			return failureReport(basename(file), null, message);
		}
		feedKey = feed.key;
		let readingFrom = started;
		const report = await runImport(handle, {
			feed,
			source: file,
			fileName: basename(file),
			importedBy: run.actor,
			mode: values['accept-valid'] ? 'accept-valid' : 'strict',
			dryRun: values['dry-run'],
			allowOlder: values['allow-older'],
			isSample: values.sample,
			headerMap,
			parallel: true,
			noWait: values['no-wait'],
			onWait: (holder) => {
				if (!values.json)
					writeLine(io.stderr, visible(`Waiting for ${describeHolder(holder)} to finish writing…`));
			},
			onProgress: ({ rowsRead, bytesRead, bytesTotal }) => {
				// The rate counts from the first row read, not from a wait for the write lock.
				if (rowsRead === 0) readingFrom = Date.now();
				if (values.json || rowsRead === 0) return;
				const secs = (Date.now() - readingFrom) / 1000;
				const pct = bytesTotal ? Math.round((bytesRead / bytesTotal) * 100) : 0;
				const rate = Math.round(rowsRead / Math.max(secs, 0.001));
				const line = `  ${formatCount(rowsRead, 'row')}, ${rate.toLocaleString('en-GB')} rows/s, ${pct}%`;
				// A live line on a terminal; one line per update in a log.
				io.stderr.write(io.stderr.isTTY ? `\r${line}` : `${line}\n`);
			}
		});
		if (!values.json && io.stderr.isTTY) io.stderr.write('\n');
		// The command line is an admin by nature: its imports are in the audit trail too.
		if (report.status === 'committed')
			recordAudit(
				handle.sqlite,
				{ userId: null, actor: run.actor },
				{
					action: 'import',
					batchId: report.batchId,
					summary: `Imported ${basename(file)} (${feed.key}) from the command line${values.sample ? ' as sample data' : ''}: ${formatCount(report.rowsWritten, 'row')} written`
				}
			);
		return report;
	} catch (e) {
		if (e instanceof DatabaseBusy) throw e;
		// A file that cannot be read, or an import that failed: reported, and the next file goes on.
		const message =
			e instanceof UnreadableFileError ? e.message : `The import failed: ${(e as Error).message}`;
		return failureReport(basename(file), feedKey, message);
	}
}

await runAsProgram(import.meta.url, main);
