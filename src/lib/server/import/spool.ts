/**
 * Uploads and test streams are written to a temporary file first: the pipeline then knows the
 * file's checksum and size before reading a row (for release identity and progress), and a
 * worker or a second pass can read it again.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SpooledFile {
	path: string;
	/** Computed in the background for a file already on disk, so reading can start at once. */
	checksum: Promise<string>;
	bytes: number;
	/** Removes the temporary copy (no-op for a file that was already on disk). */
	dispose(): void;
}

export async function checksumFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

export async function spool(source: string | Readable): Promise<SpooledFile> {
	if (typeof source === 'string') {
		const checksum = checksumFile(source);
		checksum.catch(() => {}); // awaited by the import; never an unhandled rejection meanwhile
		return { path: source, checksum, bytes: statSync(source).size, dispose: () => {} };
	}
	const dir = mkdtempSync(join(tmpdir(), 'nzl-import-'));
	const path = join(dir, 'upload.csv');
	const hash = createHash('sha256');
	let bytes = 0;
	await pipeline(
		source,
		new Transform({
			transform(chunk: Buffer, _e, done) {
				hash.update(chunk);
				bytes += chunk.length;
				done(null, chunk);
			}
		}),
		createWriteStream(path)
	);
	return {
		path,
		checksum: Promise.resolve(hash.digest('hex')),
		bytes,
		dispose: () => rmSync(dir, { recursive: true, force: true })
	};
}
