/**
 * Telling encodings apart from a file's first bytes: Windows-1252 text from broken UTF-8, and
 * UTF-16 with or without its BOM.
 */
import { describe, expect, it } from 'vitest';
import { BadBytes } from './bad-bytes';
import { sniffEncoding } from './encoding';

const bytes = (...parts: (string | number[] | Buffer)[]) =>
	Buffer.concat(
		parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))
	);

function badBytesOf(chunk: Buffer): BadBytes {
	try {
		sniffEncoding(chunk);
	} catch (e) {
		if (e instanceof BadBytes) return e;
		throw e;
	}
	throw new Error('expected the chunk to be refused');
}

describe('sniffEncoding', () => {
	it('reads ASCII and valid UTF-8 as UTF-8, a character cut at the chunk end too', () => {
		expect(sniffEncoding(bytes('a,b\n1,2\n'))).toBe('utf-8');
		expect(sniffEncoding(bytes('wording\nCafé – £5m\n'))).toBe('utf-8');
		expect(sniffEncoding(bytes('wording\nCafé ', [0xe2, 0x80]))).toBe('utf-8');
	});

	it('reads 1252 text (’ and £ between letters, é at a word end) as Windows-1252', () => {
		const text = bytes(
			'wording\nThe council',
			[0x92],
			's plan: ',
			[0xa3],
			'5m for the caf',
			[0xe9]
		);
		expect(sniffEncoding(bytes(text, ',x\n'))).toBe('windows-1252');
	});

	// Reported: any chunk that was not valid UTF-8 was taken for 1252, so broken UTF-8 was stored
	// as mojibake ("CafÃ©") instead of being refused.
	it('refuses UTF-8 with a stray byte among valid multi-byte characters, saying where', () => {
		const chunk = bytes('wording\nCafé and Côte\nSpend ', [0xa3], '5m\n');
		const bad = badBytesOf(chunk);
		expect(bad).toMatchObject({ offset: chunk.indexOf(0xa3), bytes: [0xa3], cut: false });
	});

	it('refuses UTF-8 with a character cut short (a lead byte and part of its sequence)', () => {
		const chunk = bytes('wording\nManchester', [0xe2, 0x80], ',next\n');
		expect(badBytesOf(chunk)).toMatchObject({ bytes: [0xe2, 0x80], cut: true });
		// "Ã" or "Â" before plain text is how é or £ begin in UTF-8, not a 1252 letter in UK data.
		expect(badBytesOf(bytes('wording\nCaf', [0xc3], ',next\n'))).toMatchObject({ cut: true });
	});

	it('refuses bytes that 1252 leaves undefined', () => {
		expect(badBytesOf(bytes('wording\nx', [0x81], 'y\n'))).toMatchObject({ bytes: [0x81] });
	});

	it('reads UTF-16 by its BOM, or without one by the zero bytes of ASCII text', () => {
		const text = 'local-authority-code\tscope\n';
		expect(sniffEncoding(bytes([0xff, 0xfe], Buffer.from(text, 'utf16le')))).toBe('utf-16le');
		expect(sniffEncoding(bytes([0xfe, 0xff], Buffer.from(text, 'utf16le').swap16()))).toBe(
			'utf-16be'
		);
		expect(sniffEncoding(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
		expect(sniffEncoding(Buffer.from(text, 'utf16le').swap16())).toBe('utf-16be');
	});
});
