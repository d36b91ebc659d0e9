/**
 * The file a worker thread (the writer, the parse worker) starts from. In the built server each
 * worker is the bundled JavaScript module itself. Run from the TypeScript source (development,
 * the command line through tsx, the tests), a worker cannot load TypeScript on its own (loader
 * hooks are not inherited by workers on Node 20), and registering tsx in every worker compiled
 * the whole import graph again each time, a second or more per worker. Instead the entry is
 * bundled once with esbuild into node_modules/.cache/net-zero-local/ and bundled again only when
 * one of the files it is made from has changed (their hashes are kept beside the bundle).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BundleRecord {
	/** Each file the bundle was made from (relative to the project), with its content's hash. */
	inputs: Record<string, string>;
}

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Whether every file the bundle was made from is still as it was. */
function upToDate(root: string, recordPath: string, bundlePath: string): boolean {
	if (!existsSync(recordPath) || !existsSync(bundlePath)) return false;
	try {
		const record = JSON.parse(readFileSync(recordPath, 'utf8')) as BundleRecord;
		return Object.entries(record.inputs).every(([file, hash]) => {
			const path = join(root, file);
			return existsSync(path) && hashOf(path) === hash;
		});
	} catch {
		return false;
	}
}

/**
 * The URL to start a worker from for the module at `moduleUrl`: the module itself when it is
 * JavaScript, else its bundle (made now if missing or out of date).
 */
export function workerEntry(moduleUrl: string): URL {
	if (!moduleUrl.endsWith('.ts')) return new URL(moduleUrl);
	const entry = fileURLToPath(moduleUrl);
	// This file is src/lib/server/: the project is three folders up.
	const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
	const cache = join(root, 'node_modules', '.cache', 'net-zero-local');
	const name = basename(entry, '.ts');
	const bundlePath = join(cache, `${name}.mjs`);
	const recordPath = join(cache, `${name}.json`);
	if (upToDate(root, recordPath, bundlePath)) return pathToFileURL(bundlePath);

	mkdirSync(cache, { recursive: true });
	// esbuild comes with the development tools (tsx is built on it); a production server never
	// gets here. Required only now, so the built server does not load it.
	const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
	// Written under a name of its own, then renamed: two processes bundling at once each leave
	// a whole file, and a reader never sees half of one.
	const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
	const result = esbuild.buildSync({
		entryPoints: [entry],
		outfile: `${bundlePath}.${unique}`,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		absWorkingDir: root,
		metafile: true,
		logLevel: 'silent'
	});
	// The metafile names its inputs relative to absWorkingDir: the project.
	const inputs = Object.fromEntries(
		Object.keys(result.metafile.inputs).map((file) => [file, hashOf(join(root, file))])
	);
	writeFileSync(`${recordPath}.${unique}`, JSON.stringify({ inputs } satisfies BundleRecord));
	renameSync(`${bundlePath}.${unique}`, bundlePath);
	renameSync(`${recordPath}.${unique}`, recordPath);
	return pathToFileURL(bundlePath);
}
