/**
 * The no-JavaScript upload: a plain multipart form post, parsed as a stream (busboy) so the file
 * goes to disk as it arrives, under the same size limit as the streaming upload, and is never
 * held in memory (SvelteKit's `request.formData()` reads the whole body first: a 600 MB post
 * took the server to 2.45 GB).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Busboy from '@fastify/busboy';
import { discardRest, saveUpload } from './uploads';

export class BadUpload extends Error {}

export interface MultipartUpload {
	/** The saved file, or null when the form held no file (or an empty one). */
	file: { token: string; name: string; bytes: number } | null;
	fields: Record<string, string>;
}

export function receiveMultipartUpload(
	request: Request,
	dir: string,
	limitMb: number
): Promise<MultipartUpload> {
	const type = request.headers.get('content-type') ?? '';
	if (!request.body || !type.startsWith('multipart/form-data'))
		return Promise.reject(new BadUpload('Choose a CSV file to upload.'));
	return new Promise((resolve, reject) => {
		const fields: Record<string, string> = {};
		let saving: Promise<MultipartUpload['file']> = Promise.resolve(null);
		let failed = false;
		const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
		const fail = (e: unknown) => {
			if (failed) return;
			failed = true;
			reject(e);
			body.unpipe();
			discardRest(body, limitMb);
		};
		let parser: ReturnType<typeof Busboy>;
		try {
			parser = Busboy({
				headers: { 'content-type': type },
				limits: { files: 1, fields: 20, fieldSize: 10_000, parts: 30 }
			});
		} catch (e) {
			return reject(new BadUpload(`The form could not be read: ${(e as Error).message}`));
		}
		parser.on('field', (name, value) => (fields[name] = value));
		parser.on('file', (name, stream, filename) => {
			if (name !== 'file' || !filename) {
				stream.resume();
				return;
			}
			saving = saveUpload(dir, stream, limitMb).then(
				(saved) => ({ token: saved.token, name: filename, bytes: saved.bytes }),
				(e) => {
					fail(e);
					return null;
				}
			);
		});
		parser.on('error', (e) =>
			fail(new BadUpload(`The form could not be read: ${(e as Error).message}`))
		);
		parser.on('finish', () => {
			void saving.then((file) => {
				if (!failed) resolve({ file: file && file.bytes > 0 ? file : null, fields });
			});
		});
		body.on('error', fail);
		body.pipe(parser);
	});
}
