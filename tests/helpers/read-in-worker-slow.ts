/**
 * For tests/cli/read-parallel.test.ts: reads a file through the worker while handling the header
 * row slowly, as a busy importer does (it awaits the file's checksum), so the worker has posted
 * everything and exited before the main thread reads its messages. Prints rows read, or the error.
 */
import { readInWorker } from '../../src/lib/server/import/read-parallel';

const [dbPath, path, delayMs] = process.argv.slice(2);
let rows = 0;
try {
	await readInWorker(
		{
			dbPath: dbPath!,
			feedKey: 'mysociety-promises',
			path: path!,
			headerMap: {},
			batchId: 0,
			checksum: '',
			fileName: 'x',
			isSample: false
		},
		{
			onHeaders: async () => {
				await new Promise((r) => setTimeout(r, Number(delayMs)));
				return true;
			},
			onIssues: () => {},
			onRejected: () => {},
			onRows: (r) => (rows += r.length),
			onProgress: () => {}
		}
	);
	console.log(JSON.stringify({ rows }));
} catch (e) {
	console.log(JSON.stringify({ error: (e as Error).message }));
}
