/**
 * Which text encoding a CSV file is in, and decoding it as a stream. Spreadsheets write UTF-8
 * (with or without BOM), Windows-1252 (Excel's "CSV" on Windows) and UTF-16 with a BOM (Excel's
 * "Unicode Text"). Any byte sequence decodes as 1252, so "not UTF-8" alone does not make a file
 * 1252: broken UTF-8 (a stray byte among valid multi-byte characters, a character cut short) is
 * refused with where it was found, rather than stored as mojibake.
 */
import { isAscii } from 'node:buffer';
import { Transform } from 'node:stream';
import { BadBytes } from './bad-bytes';
import { UnreadableFileError } from './unreadable';
import { ODD_CHARACTER } from './cells';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Bytes 1252 leaves undefined: a file that has them is not 1252 text. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export interface Utf8Scan {
	/** Complete, valid multi-byte characters. */
	valid: number;
	/** Characters cut short: a lead byte with some but not all of its continuation bytes. */
	cut: number;
	/** Single bytes that start no UTF-8 character (what 1252 text is made of). */
	lone: number;
	/** The first invalid sequence, if any. */
	bad: { at: number; length: number; cut: boolean } | null;
}

/**
 * Counts what a chunk holds, read as UTF-8 (the same maximal-subpart rule as TextDecoder). A
 * sequence running into the chunk's end is left unjudged: the next chunk may complete it.
 */
export function scanUtf8(b: Uint8Array): Utf8Scan {
	const scan: Utf8Scan = { valid: 0, cut: 0, lone: 0, bad: null };
	const note = (at: number, length: number, cut: boolean) => {
		if (cut) scan.cut++;
		else scan.lone++;
		scan.bad ??= { at, length, cut };
	};
	let i = 0;
	while (i < b.length) {
		const c = b[i]!;
		if (c < 0x80) {
			i++;
			continue;
		}
		let need = 0;
		let [lo, hi] = [0x80, 0xbf];
		if (c >= 0xc2 && c <= 0xdf) need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			if (c === 0xe0) lo = 0xa0;
			if (c === 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			if (c === 0xf0) lo = 0x90;
			if (c === 0xf4) hi = 0x8f;
		}
		if (need === 0) {
			// 1252 leaves a few bytes undefined: such a byte is damage, not 1252 text.
			note(i, 1, UNDEFINED_1252.has(c));
			i++;
			continue;
		}
		let j = i + 1;
		while (j < b.length && j - i <= need && b[j]! >= lo && b[j]! <= hi) {
			[lo, hi] = [0x80, 0xbf];
			j++;
		}
		if (j - i === need + 1) scan.valid++;
		else if (j === b.length) break;
		// "Â" and "Ã" (0xC2, 0xC3) before plain text are rare in 1252 but are how UTF-8's
		// commonest characters (£, é…) start: most likely one cut short.
		else note(i, j - i, j - i > 1 || c === 0xc2 || c === 0xc3);
		i = j;
	}
	return scan;
}

/** Whether a chunk that is not valid UTF-8 reads as 1252 text or as damaged UTF-8. */
function isWindows1252(scan: Utf8Scan): boolean {
	return scan.valid + scan.cut < scan.lone;
}

/** UTF-16 by its BOM, or (no BOM) by every other byte of mostly-ASCII text being zero. */
function utf16Of(b: Uint8Array): Encoding | null {
	if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
	if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
	const n = Math.min(b.length, 4096) & ~1;
	if (n < 8) return null;
	let [even, odd] = [0, 0];
	for (let i = 0; i < n; i += 2) {
		if (b[i] === 0) even++;
		if (b[i + 1] === 0) odd++;
	}
	const half = n / 2;
	if (odd > half * 0.6 && even === 0) return 'utf-16le';
	if (even > half * 0.6 && odd === 0) return 'utf-16be';
	return null;
}

/**
 * The encoding of a file from its first chunk: UTF-16 (BOM), valid UTF-8, or 1252 when the
 * non-ASCII bytes read as 1252 text; throws BadBytes for UTF-8 that is broken.
 */
export function sniffEncoding(firstChunk: Uint8Array): Encoding {
	const utf16 = utf16Of(firstChunk);
	if (utf16) return utf16;
	if (isAscii(firstChunk)) return 'utf-8';
	const scan = scanUtf8(firstChunk);
	if (!scan.bad) return 'utf-8';
	if (isWindows1252(scan)) return 'windows-1252';
	throw badBytesAt(firstChunk, 0, scan.bad);
}

function badBytesAt(chunk: Uint8Array, chunkOffset: number, bad: NonNullable<Utf8Scan['bad']>) {
	const bytes = [...chunk.subarray(bad.at, bad.at + bad.length)];
	return new BadBytes(chunkOffset + bad.at, bytes, bad.cut);
}

/**
 * Decodes the file in the encoding its first chunk shows. A file whose first chunk is plain ASCII
 * may still turn out to be 1252 later ("£" on row 5,000): then it switches, which is exact because
 * 1252 reads ASCII the same. Says once when the text first holds a character that is not text
 * (NUL, a control character, a bidirectional override: cells.ts), so cells are searched only then.
 */
export function decodingStream(
	onEncoding: (e: Encoding) => void,
	onBytes?: (bytes: number) => void,
	onOddCharacter?: () => void
) {
	let bytes = 0;
	let decoder: TextDecoder | null = null;
	let encoding: Encoding = 'utf-8';
	let asciiSoFar = true;
	let oddSeen = false;
	let last: Buffer | null = null;
	const use = (e: Encoding) => {
		encoding = e;
		onEncoding(e);
		decoder = new TextDecoder(e, { fatal: e !== 'windows-1252', ignoreBOM: false });
	};
	const decode = (chunk: Buffer | undefined, offset: number): string => {
		try {
			return chunk ? decoder!.decode(chunk, { stream: true }) : decoder!.decode();
		} catch {
			if (encoding.startsWith('utf-16'))
				throw new UnreadableFileError(
					`The file is not valid ${encoding.toUpperCase()} throughout: save it as "CSV UTF-8" and try again.`
				);
			// The file ended inside a character (a download cut off mid-character).
			if (!chunk) throw cutAtEnd(last, offset);
			const scan = scanUtf8(chunk);
			if (encoding === 'utf-8' && asciiSoFar && isWindows1252(scan)) {
				use('windows-1252');
				return decoder!.decode(chunk, { stream: true });
			}
			// A character begun at the end of the previous chunk, completed wrongly here.
			throw scan.bad ? badBytesAt(chunk, offset, scan.bad) : new BadBytes(offset, [], true);
		}
	};
	return new Transform({
		readableObjectMode: false,
		transform(chunk: Buffer, _enc, done) {
			const offset = bytes;
			bytes += chunk.length;
			onBytes?.(bytes);
			try {
				if (!decoder) use(sniffEncoding(chunk));
				last = chunk;
				const text = decode(chunk, offset);
				if (asciiSoFar && !isAscii(chunk)) asciiSoFar = false;
				// One search per chunk (fast), not one per cell.
				if (!oddSeen && ODD_CHARACTER.test(text)) {
					oddSeen = true;
					onOddCharacter?.();
				}
				done(null, text);
			} catch (e) {
				done(e as Error);
			}
		},
		flush(done) {
			try {
				done(null, decoder ? decode(undefined, bytes) : '');
			} catch (e) {
				done(e as Error);
			}
		}
	});
}

/** The character left incomplete at the end of the file: its lead byte and what followed. */
function cutAtEnd(last: Buffer | null, end: number): BadBytes {
	let i = last ? last.length - 1 : -1;
	while (i >= 0 && i > last!.length - 4 && last![i]! >= 0x80 && last![i]! < 0xc0) i--;
	if (!last || i < 0 || last[i]! < 0xc0) return new BadBytes(end - 1, [], true);
	return new BadBytes(end - (last.length - i), [...last.subarray(i)], true);
}
