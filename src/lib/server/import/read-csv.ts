/**
 * Streams a CSV file as records, whatever Excel or a publisher wrote: UTF-8 with or without BOM,
 * or Windows-1252; comma, semicolon or tab delimited; quoted newlines; blank rows. Never holds
 * the whole file in memory. Also hashes the bytes as they pass, for the import record.
 */
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';

export interface CsvReadResult {
	headers: string[];
	checksum: string;
	encoding: 'utf-8' | 'windows-1252';
	delimiter: string;
}

/** Decide the encoding from the first chunk: valid UTF-8 wins, anything else is Excel's 1252. */
export function sniffEncoding(firstChunk: Uint8Array): 'utf-8' | 'windows-1252' {
	// Don't judge a multi-byte character cut at the chunk's end.
	let end = firstChunk.length;
	while (end > 0 && end > firstChunk.length - 4 && (firstChunk[end - 1]! & 0xc0) === 0x80) end--;
	if (end > 0 && firstChunk[end - 1]! >= 0xc0) end--;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(firstChunk.subarray(0, end));
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

function decodingStream(onEncoding: (e: 'utf-8' | 'windows-1252') => void, hash: ReturnType<typeof createHash>) {
	let decoder: TextDecoder | null = null;
	return new Transform({
		readableObjectMode: false,
		transform(chunk: Buffer, _enc, done) {
			hash.update(chunk);
			if (!decoder) {
				const encoding = sniffEncoding(chunk);
				onEncoding(encoding);
				decoder = new TextDecoder(encoding, { ignoreBOM: false });
			}
			done(null, decoder.decode(chunk, { stream: true }));
		},
		flush(done) {
			done(null, decoder ? decoder.decode() : '');
		}
	});
}

export function canonicalHeader(h: string): string {
	return h
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
}

/**
 * Parse a CSV file, calling onRecord for each non-blank data row with its 1-based line number in
 * spreadsheet terms (the header is row 1). Resolves once the whole file has been read.
 */
export function readCsv(
	source: string | Readable,
	onHeaders: (headers: string[]) => void,
	onRecord: (values: string[], rowNumber: number) => void
): Promise<CsvReadResult> {
	const hash = createHash('sha256');
	let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
	const input = typeof source === 'string' ? createReadStream(source) : source;
	const text = input.pipe(decodingStream((e) => (encoding = e), hash));
	let headers: string[] | null = null;
	let rowNumber = 0;
	let delimiter = ',';
	return new Promise((resolve, reject) => {
		input.on('error', reject);
		Papa.parse<string[]>(text as unknown as File, {
			header: false,
			skipEmptyLines: false,
			delimitersToGuess: [',', ';', '\t', '|'],
			step(result, parser) {
				rowNumber++;
				const values = result.data;
				if (result.meta.delimiter) delimiter = result.meta.delimiter;
				if (!headers) {
					headers = values.map((h) => h.replace(/^\uFEFF/, '').trim());
					try {
						onHeaders(headers);
					} catch (e) {
						parser.abort();
						reject(e);
					}
					return;
				}
				if (values.every((v) => v.trim() === '')) return;
				try {
					onRecord(values, rowNumber);
				} catch (e) {
					parser.abort();
					reject(e);
				}
			},
			complete() {
				resolve({ headers: headers ?? [], checksum: hash.digest('hex'), encoding, delimiter });
			},
			error(err: Error) {
				reject(err);
			}
		});
	});
}
