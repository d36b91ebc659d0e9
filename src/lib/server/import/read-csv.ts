/**
 * Streams a CSV file as records, whatever Excel or a publisher wrote: UTF-8 with or without BOM,
 * or Windows-1252; comma, semicolon or tab delimited; quoted newlines; blank rows. Never holds
 * the whole file in memory. (The file's checksum is taken before, in spool.ts.)
 */
import Papa from 'papaparse';
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';

export interface CsvReadResult {
	headers: string[];
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

/**
 * Decodes as UTF-8 (strictly) or Windows-1252. The first chunk decides, but a file whose first
 * chunk is plain ASCII may still turn out to be 1252 later ("£" on row 5,000): then it switches,
 * which is exact because 1252 reads ASCII the same. A file that mixes encodings is refused rather
 * than stored with replacement characters.
 */
function decodingStream(
	onEncoding: (e: 'utf-8' | 'windows-1252') => void,
	onBytes?: (bytes: number) => void
) {
	let bytes = 0;
	let decoder: TextDecoder | null = null;
	let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
	let asciiSoFar = true;
	const decode = (chunk?: Buffer): string => {
		try {
			return chunk ? decoder!.decode(chunk, { stream: true }) : decoder!.decode();
		} catch {
			if (encoding === 'utf-8' && asciiSoFar) {
				encoding = 'windows-1252';
				onEncoding(encoding);
				decoder = new TextDecoder(encoding);
				return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
			}
			throw new Error(
				'The file is not valid UTF-8 throughout: save it as "CSV UTF-8" and try again.'
			);
		}
	};
	return new Transform({
		readableObjectMode: false,
		transform(chunk: Buffer, _enc, done) {
			bytes += chunk.length;
			onBytes?.(bytes);
			if (!decoder) {
				encoding = sniffEncoding(chunk);
				onEncoding(encoding);
				decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
			}
			try {
				const text = decode(chunk);
				if (asciiSoFar && !isAscii(chunk)) asciiSoFar = false;
				done(null, text);
			} catch (e) {
				done(e as Error);
			}
		},
		flush(done) {
			try {
				done(null, decoder ? decode() : '');
			} catch (e) {
				done(e as Error);
			}
		}
	});
}

/** The delimiter of the header row (quoted text ignored): the one that splits it most. */
export function headerDelimiter(input: string): string {
	const header = /^[^\r\n]*/.exec(input.replace(/^\uFEFF/, ''))![0].replace(/"[^"]*"/g, '');
	let best = ',';
	let bestCount = 0;
	for (const d of [',', ';', '\t', '|']) {
		const n = header.split(d).length - 1;
		if (n > bestCount) [best, bestCount] = [d, n];
	}
	return best;
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
	onRecord: (values: string[], rowNumber: number) => void,
	onBytes?: (bytesRead: number) => void
): Promise<CsvReadResult> {
	let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
	const input = typeof source === 'string' ? createReadStream(source) : source;
	const text = input.pipe(decodingStream((e) => (encoding = e), onBytes));
	let headers: string[] | null = null;
	let rowNumber = 0;
	let delimiter = ',';
	return new Promise((resolve, reject) => {
		input.on('error', reject);
		Papa.parse<string[]>(text as unknown as File, {
			header: false,
			skipEmptyLines: false,
			// Guessing from the data misreads a short comma file whose text contains ";".
			delimiter: headerDelimiter,
			// Chunks, not steps: a callback per 64 KB instead of per row is 20% faster on big files.
			chunk(result, parser) {
				for (const values of result.data) {
					rowNumber++;
					if (!headers) {
						headers = values.map((h) => h.replace(/^\uFEFF/, '').trim());
						if (result.meta.delimiter) delimiter = result.meta.delimiter;
						try {
							onHeaders(headers);
						} catch (e) {
							parser.abort();
							reject(e);
							return;
						}
						continue;
					}
					if (!values[0]?.trim() && values.every((v) => v.trim() === '')) continue;
					try {
						onRecord(values, rowNumber);
					} catch (e) {
						parser.abort();
						reject(e);
						return;
					}
				}
			},
			complete() {
				resolve({ headers: headers ?? [], encoding, delimiter });
			},
			error(err: Error) {
				reject(err);
			}
		});
	});
}
