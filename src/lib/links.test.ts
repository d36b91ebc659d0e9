import { describe, expect, it } from 'vitest';
import { sourceSite, webAddress } from './links';

describe('webAddress', () => {
	it('keeps http and https addresses, trimmed', () => {
		expect(webAddress('https://www.gov.uk/example-fund')).toBe('https://www.gov.uk/example-fund');
		expect(webAddress(' HTTP://leeds.gov.uk/a b.pdf ')).toBe('HTTP://leeds.gov.uk/a b.pdf');
	});

	it('refuses other schemes, whatever their case or leading spaces', () => {
		for (const bad of [
			'javascript:alert(1)',
			' JavaScript:alert(document.cookie)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:msgbox(1)',
			'mailto:climate@leeds.gov.uk',
			'//evil.example/x',
			'www.leeds.gov.uk'
		])
			expect(webAddress(bad), bad).toBeNull();
	});

	it('refuses addresses hiding control characters or line breaks', () => {
		expect(webAddress('https://a.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT')).toBeNull();
		expect(webAddress('https://a.example/\tx')).toBeNull();
		expect(webAddress('https://a.example/\u2028x')).toBeNull();
		expect(webAddress('java\nscript:alert(1)')).toBeNull();
	});

	it('refuses placeholders, addresses without a host and empty values', () => {
		for (const bad of ['Loading...', '#ERROR!', 'https://', '', '   ', null, undefined])
			expect(webAddress(bad), String(bad)).toBeNull();
	});
});

describe('sourceSite', () => {
	it('names the site a source is on, without www, and nothing for what is not a web address', () => {
		expect(sourceSite('https://www.gov.uk/government/publications/x')).toBe('gov.uk');
		expect(sourceSite('https://salixfinance.co.uk/schemes/phase-4')).toBe('salixfinance.co.uk');
		expect(sourceSite('javascript:alert(1)')).toBeNull();
		expect(sourceSite(null)).toBeNull();
	});
});
