/**
 * One timed import for bench-import.ts, in its own process so its peak memory is its own. The
 * database is prepared (migrations, the council register) before the clock starts.
 */
import { readConfig } from '../src/lib/server/config';
import { feedByKey } from '../src/lib/server/feeds/registry';
import { runImport } from '../src/lib/server/import/run-import';
import { prepareDatabase } from '../src/lib/server/startup';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) throw new Error('usage: bench-import-child DB FILE');
const handle = await prepareDatabase(
	{ ...readConfig(), DATABASE_URL: dbPath, LOAD_DEFAULT_DATA: '1' },
	() => {}
);
const feed = feedByKey('desnz-ghg');
if (!feed) throw new Error('the desnz-ghg feed is not registered');
const started = process.hrtime.bigint();
const report = await runImport(handle, {
	feed,
	source: file,
	fileName: 'bench.csv',
	importedBy: 'bench',
	parallel: true
});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
handle.close();
console.log(
	JSON.stringify({
		ms,
		status: report.status,
		written: report.rowsWritten,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		fatal: report.fatal,
		groups: report.groups.slice(0, 3)
	})
);
