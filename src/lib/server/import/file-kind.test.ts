import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/helpers/db';
import { describeBytes } from './file-kind';

const text = (s: string) => Buffer.from(s, 'utf8');

// Reported: empty files, binary files, ZIP, gzip, PDF and XML all got "No feed matches its
// header row", which sends the user to map columns the file does not have.
describe('what a file is when it is not a CSV file', () => {
	it.each([
		['an empty file', Buffer.alloc(0), /^This file is empty: it has no header row and no data\.$/],
		['blank lines only', text('\uFEFF\r\n  \n\n'), /^This file is empty: it has only blank lines/],
		[
			'a ZIP archive (an .xlsx)',
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
			/^This is a ZIP archive, not a CSV file\. An Excel workbook \(\.xlsx\) is one/
		],
		['gzip', gzipSync(text('a,b\n1,2\n')), /^This is a gzip-compressed file, not a CSV file/],
		['a PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /^This is a PDF document, not a CSV file/],
		[
			'XML',
			text('<?xml version="1.0"?>\n<rows><row/></rows>'),
			/^This is an XML document, not a CSV file\.$/
		],
		[
			'XML without a declaration',
			text('\uFEFF<rows>\n<row a="1"/></rows>'),
			/^This is an XML document/
		],
		[
			'a web page',
			text('<!DOCTYPE html>\n<html><body>Sign in</body></html>'),
			/^This is a web page \(HTML\), not a CSV file/
		],
		[
			'an old Excel workbook',
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
			/^This is an old-style Excel workbook \(\.xls\)/
		],
		[
			'binary data',
			Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
			/^This is a binary file, not a CSV file/
		]
	])('%s', (_what, bytes, said) => {
		expect(describeBytes(bytes, true)).toMatch(said);
	});

	it('takes CSV files for CSV files: UTF-16, Windows-1252, one NUL, blank lines first', () => {
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from('a,b\r\n1,2\r\n', 'utf16le')
		]);
		for (const bytes of [
			utf16,
			readFileSync(fixture('promises-windows-1252.csv')),
			readFileSync(fixture('bad/nul-byte.csv')),
			text('\n\n,,\nlocal-authority-code,scope\nTRF,Whole area\n')
		])
			expect(describeBytes(bytes, true)).toBeNull();
		// Blank lines filling the first bytes of a longer file are not an empty file.
		expect(describeBytes(text(' \n'.repeat(4096)), false)).toBeNull();
	});
});
