/**
 * Uploaded files: streamed to disk under a random token (never held whole in memory), with the
 * size limit enforced while streaming, and removed once imported or abandoned.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
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
 * After a refusal, what is left of the body is read and thrown away, so that the client reads our
 * 413 and its sentence instead of a reset connection (closing a socket with unread data resets
 * it). Bounded, so a client that never stops sending is cut off in the end: at most this long,
 * and at most this many times the upload limit.
 */
const DISCARD_MAX_MS = 60_000;
const DISCARD_MAX_LIMITS = 10;

export function uploadPath(dir: string, token: string): string | null {
	if (!TOKEN_RE.test(token)) return null;
	const path = join(dir, `${token}.csv`);
	return existsSync(path) ? path : null;
}

/**
 * Reads and drops the rest of a refused body (see DISCARD_MAX_MS), then lets the connection go.
 * The caller stops listening first; the refusal is answered meanwhile.
 */
export function discardRest(body: Readable, limitMb: number): void {
	const maxBytes = DISCARD_MAX_LIMITS * limitMb * 1024 * 1024;
	let discarded = 0;
	const stop = () => body.destroy();
	const timer = setTimeout(stop, DISCARD_MAX_MS);
	timer.unref();
	body.once('close', () => clearTimeout(timer));
	body.on('error', () => {}); // the client going away while we discard is no error of ours
	body.on('data', (chunk: Buffer) => {
		discarded += chunk.length;
		if (discarded > maxBytes) stop();
	});
	body.resume();
}

/**
 * Streams the body to a new file under a random token. Refused (UploadTooLarge) as soon as it
 * passes the limit, the file removed and the rest of the body discarded.
 */
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
	const source = body instanceof Readable ? body : Readable.fromWeb(body);
	const file = createWriteStream(path);
	let bytes = 0;
	try {
		await new Promise<void>((resolve, reject) => {
			const refuse = (e: unknown) => {
				source.off('data', onData);
				discardRest(source, limitMb);
				reject(e);
			};
			const onData = (chunk: Buffer) => {
				bytes += chunk.length;
				if (bytes > limit) return refuse(new UploadTooLarge(limitMb));
				onBytes?.(bytes);
				if (!file.write(chunk)) {
					source.pause();
					file.once('drain', () => source.resume());
				}
			};
			source.on('data', onData);
			source.once('end', () => file.end());
			source.once('error', reject);
			file.once('finish', resolve);
			file.once('error', refuse);
		});
	} catch (e) {
		file.destroy();
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
