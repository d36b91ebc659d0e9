/**
 * `npm run import -- [--feed NAME] [--dry-run] [--accept-valid] [--json] FILE…`
 * Imports CSV files through the same pipeline as the server, into DATABASE_URL (migrating and
 * loading the reference data first on a fresh database). Exits 0 when every file was imported
 * (or, with --dry-run, would be), 1 when any file was rejected, 2 on bad arguments.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { FEEDS, feedByKey } from '../src/lib/server/feeds/registry';
import { detectFeed } from '../src/lib/server/import/detect-feed';
import { parseMapArgs } from '../src/lib/server/import/header-maps';
import { runImport, type ImportReport } from '../src/lib/server/import/run-import';
import { prepareDatabase } from '../src/lib/server/startup';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		feed: { type: 'string' },
		'dry-run': { type: 'boolean', default: false },
		'accept-valid': { type: 'boolean', default: false },
		json: { type: 'boolean', default: false },
		map: { type: 'string', multiple: true, default: [] },
		help: { type: 'boolean', short: 'h', default: false }
	}
});

if (values.help || positionals.length === 0) {
	console.log(
		`Usage: npm run import -- [--feed NAME] [--dry-run] [--accept-valid] [--json] FILE…\nFeeds: ${FEEDS.map((f) => f.key).join(', ')}`
	);
	process.exit(values.help ? 0 : 2);
}
const chosen = values.feed ? feedByKey(values.feed) : undefined;
if (values.feed && !chosen) {
	console.error(`Unknown feed "${values.feed}". Feeds: ${FEEDS.map((f) => f.key).join(', ')}`);
	process.exit(2);
}

let headerMap: Record<string, string>;
try {
	headerMap = parseMapArgs(values.map ?? []);
} catch (e) {
	console.error((e as Error).message);
	process.exit(2);
}

const log = values.json ? () => {} : (line: string) => console.error(line);
const handle = await prepareDatabase(undefined, log);
const reports: ImportReport[] = [];
let failed = false;
for (const file of positionals) {
	const feed = chosen ?? (await detectFeed(file));
	if (!feed) {
		console.error(
			`${file}: no feed matches its header row. Name one with --feed (${FEEDS.map((f) => f.key).join(', ')}).`
		);
		failed = true;
		continue;
	}
	const started = Date.now();
	const report = await runImport(handle, {
		feed,
		source: file,
		fileName: basename(file),
		importedBy: `cli:${process.env.USER ?? 'unknown'}`,
		mode: values['accept-valid'] ? 'accept-valid' : 'strict',
		dryRun: values['dry-run'],
		headerMap,
		parallel: true,
		onProgress: ({ rowsRead, bytesRead, bytesTotal }) => {
			if (values.json) return;
			const secs = (Date.now() - started) / 1000;
			const pct = bytesTotal ? Math.round((bytesRead / bytesTotal) * 100) : 0;
			const rate = Math.round(rowsRead / Math.max(secs, 0.001));
			const line = `  ${rowsRead.toLocaleString('en-GB')} rows, ${rate.toLocaleString('en-GB')} rows/s, ${pct}%`;
			// A live line on a terminal; one line per update in a log.
			process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
		}
	});
	if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
	reports.push(report);
	if (report.status === 'rejected') failed = true;
	if (!values.json) printReport(report, Date.now() - started);
}
if (values.json) console.log(JSON.stringify(reports, null, 2));
handle.close();
process.exit(failed ? 1 : 0);

function printReport(r: ImportReport, ms: number) {
	const verdict = {
		committed: 'imported',
		rejected: 'REJECTED: nothing written',
		'dry-run': 'checked (dry run): nothing written'
	}[r.status];
	console.log(`${r.fileName} [${r.feed}]: ${verdict}`);
	if (r.fatal) console.log(`  ${r.fatal}`);
	console.log(
		`  ${r.rowsRead} rows read, ${r.rowsAccepted} valid, ${r.rowsRejected} set aside; ${r.rowsWritten} written, ${r.rowsUnchanged} unchanged (${ms} ms)`
	);
	for (const c of r.changes) {
		console.log(`  ${c.table}: ${c.inserted} new, ${c.updated} updated, ${c.deleted} removed`);
	}
	for (const g of r.groups.filter((g) => g.severity !== 'info').slice(0, 20)) {
		console.log(
			`  ${g.severity}: ${g.count} row${g.count > 1 ? 's' : ''}: ${g.message}${g.column ? ` [${g.column}]` : ''} (rows ${g.rows.join(', ')}${g.count > g.rows.length ? ', …' : ''})`
		);
	}
}
