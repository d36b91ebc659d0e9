/**
 * Bytes that are not text in the encoding a file is read in, and saying so to the user: which
 * bytes, on which line of the file, after what text.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UnreadableFileError } from './unreadable';

/** Bytes that are not text in the encoding the file is read in; `cut`: a character cut short. */
export class BadBytes extends Error {
	constructor(
		readonly offset: number,
		readonly bytes: number[],
		readonly cut: boolean
	) {
		super('bad bytes');
	}
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * What was wrong and where, for the user: the line of the file (counted again from the file on
 * disk, so reading never pays for it) and the text just before the bad bytes.
 */
export function describeBadBytes(path: string, bad: BadBytes): UnreadableFileError {
	const fd = openSync(path, 'r');
	const block = Buffer.alloc(64 * 1024);
	let line = 1;
	let lineStart = 0;
	try {
		for (let pos = 0; pos < bad.offset;) {
			const n = readSync(fd, block, 0, Math.min(block.length, bad.offset - pos), pos);
			if (n <= 0) break;
			for (let i = block.indexOf(10); i !== -1 && i < n; i = block.indexOf(10, i + 1)) {
				line++;
				lineStart = pos + i + 1;
			}
			pos += n;
		}
		const from = Math.max(lineStart, bad.offset - 24);
		const before = Buffer.alloc(bad.offset - from);
		readSync(fd, before, 0, before.length, from);
		// The cell's text before the bad bytes: after the last delimiter, if any.
		const context = new TextDecoder('utf-8')
			.decode(before)
			.replace(/^.*[,;\t|]/, '')
			.replace(/^\uFFFD+/, '')
			.trimStart();
		const after = context ? ` after "${context}"` : '';
		const what = bad.cut
			? `a character cut short${bad.bytes.length ? ` (${bad.bytes.map(hex).join(' ')})` : ''}${after}`
			: `the byte ${hex(bad.bytes[0]!)}${after}, which is not part of any UTF-8 character`;
		return new UnreadableFileError(
			`The file is not valid UTF-8 throughout: line ${line} has ${what}. Save it as "CSV UTF-8" and try again.`
		);
	} finally {
		closeSync(fd);
	}
}
