/**
 * Uploaded files: streamed to disk under a random token (never held whole in memory), with the
 * size limit enforced while streaming, and removed once imported or abandoned.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export class UploadTooLarge extends Error {
	constructor(readonly limitMb: number) {
		super(
			`The file is larger than the ${limitMb} MB limit. Split it, or ask the administrator to raise MAX_UPLOAD_MB.`
		);
	}
}

const TOKEN_RE = /^[a-f0-9]{32}$/;
/** Uploads not imported within a day are removed when the next one arrives. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * Past the limit, this much more is read and thrown away before answering, so that a client that
 * sends a little too much gets the 413 and its message rather than a reset connection.
 */
const DRAIN_BYTES = 16 * 1024 * 1024;

export function uploadPath(dir: string, token: string): string | null {
	if (!TOKEN_RE.test(token)) return null;
	const path = join(dir, `${token}.csv`);
	return existsSync(path) ? path : null;
}

export async function saveUpload(
	dir: string,
	body: WebReadableStream<Uint8Array> | Readable,
	limitMb: number,
	onBytes?: (bytes: number) => void
): Promise<{ token: string; path: string; bytes: number }> {
	mkdirSync(dir, { recursive: true });
	removeStaleUploads(dir);
	const token = randomBytes(16).toString('hex');
	const path = join(dir, `${token}.csv`);
	const limit = limitMb * 1024 * 1024;
	let bytes = 0;
	const source = body instanceof Readable ? body : Readable.fromWeb(body);
	try {
		await pipeline(
			source,
			new Transform({
				transform(chunk: Buffer, _e, done) {
					bytes += chunk.length;
					if (bytes > limit + DRAIN_BYTES) return done(new UploadTooLarge(limitMb));
					if (bytes > limit) return done(); // read, not kept: the file is refused at its end
					onBytes?.(bytes);
					done(null, chunk);
				},
				flush(done) {
					done(bytes > limit ? new UploadTooLarge(limitMb) : null);
				}
			}),
			createWriteStream(path)
		);
	} catch (e) {
		rmSync(path, { force: true });
		throw e;
	}
	return { token, path, bytes };
}

export function removeUpload(dir: string, token: string): void {
	const path = uploadPath(dir, token);
	if (path) rmSync(path, { force: true });
}

function removeStaleUploads(dir: string) {
	const now = Date.now();
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
	}
}
