/**
 * What a command-line program says as it ends, written out in full before it exits. A refusal
 * printed with console.error() and followed at once by process.exit() can lose its end (a pipe
 * whose reader is slow takes writes asynchronously, and exiting drops what is queued), leaving it
 * without its final newline; fs.writeSync on the descriptor returns only once every byte is out.
 */
import { writeSync } from 'node:fs';

/** Writes all of `text` to stdout (1) or stderr (2), ended by exactly one newline. */
export function say(fd: 1 | 2, text: string): void {
	let bytes = Buffer.from(text.endsWith('\n') ? text : `${text}\n`, 'utf8');
	while (bytes.length) {
		try {
			bytes = bytes.subarray(writeSync(fd, bytes));
		} catch (e) {
			// A non-blocking pipe that is full: try again until the reader has taken some.
			if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
		}
	}
}

/** Ends the program with `code`, after saying `message` (one sentence or more) on stderr. */
export function exitWith(code: number, message?: string): never {
	if (message !== undefined) say(2, message);
	process.exit(code);
}
