/**
 * What a file is when it is not a CSV file at all, from its first bytes: empty, a ZIP archive (an
 * Excel .xlsx is one), gzip, PDF, an old Excel workbook, an image, XML or a web page, or other
 * binary data. Such a file used to get "No feed matches its header row", which sends the user to
 * map columns it does not have; it is now told what the file is, once, before any feed is tried.
 */
import { open } from 'node:fs/promises';
import { sniffEncoding } from './encoding';

const SAVE_AS_CSV = 'open it in Excel and save it as "CSV UTF-8", then import that';

/** By the bytes a format starts with. */
const MAGIC: { bytes: number[]; says: string }[] = [
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		says: `This is a ZIP archive, not a CSV file. An Excel workbook (.xlsx) is one: ${SAVE_AS_CSV}; any other archive, unpack it first.`
	},
	{ bytes: [0x50, 0x4b, 0x05, 0x06], says: 'This is an empty ZIP archive, not a CSV file.' },
	{
		bytes: [0x1f, 0x8b],
		says: 'This is a gzip-compressed file, not a CSV file: decompress it first (gunzip), then import the CSV inside.'
	},
	{
		bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
		says: 'This is a PDF document, not a CSV file: a table in a PDF must be exported to CSV first.'
	},
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
		says: `This is an old-style Excel workbook (.xls) or Word file, not a CSV file: ${SAVE_AS_CSV}.`
	},
	{ bytes: [0x89, 0x50, 0x4e, 0x47], says: 'This is a PNG image, not a CSV file.' },
	{ bytes: [0xff, 0xd8, 0xff], says: 'This is a JPEG image, not a CSV file.' }
];

const SAMPLE_BYTES = 8192;
/** Past this share of control bytes (not tab or line breaks) the file is not text. */
const BINARY_SHARE = 0.05;

/** Why the file is not a CSV file, as one sentence, or null when it may be one. */
export async function notCsvReason(path: string): Promise<string | null> {
	const file = await open(path, 'r');
	let b: Buffer;
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
		b = buffer.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
	return describeBytes(b, b.length < SAMPLE_BYTES);
}

/** The reading of a file's first bytes (`whole`: they are all of it); exported for tests. */
export function describeBytes(b: Buffer, whole: boolean): string | null {
	if (b.length === 0) return 'This file is empty: it has no header row and no data.';
	const magic = MAGIC.find((m) => m.bytes.every((x, i) => b[i] === x));
	if (magic) return magic.says;
	let encoding: string | null;
	try {
		encoding = sniffEncoding(b);
	} catch {
		encoding = null; // broken UTF-8, unless binary: said, with where, when the file is read
	}
	if (!encoding?.startsWith('utf-16')) {
		let control = 0;
		for (const byte of b)
			if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
		if (control / b.length > BINARY_SHARE)
			return 'This is a binary file, not a CSV file: it holds bytes that are not text.';
	}
	if (!encoding) return null;
	const text = new TextDecoder(encoding).decode(b).replace(/^\uFEFF/, '');
	if (whole && !text.trim())
		return 'This file is empty: it has only blank lines or spaces, no header row and no data.';
	const start = text.trimStart().slice(0, 200).toLowerCase();
	if (/^<!doctype html|^<html/.test(start))
		return 'This is a web page (HTML), not a CSV file: was a download link saved instead of the file?';
	if (start.startsWith('<?xml') || /^<[a-z][\w:.-]*[\s>]/.test(start))
		return 'This is an XML document, not a CSV file.';
	return null;
}
