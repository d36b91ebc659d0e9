import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

/** How a browser would read a Location header, relative to our own page. */
const landsOn = (location: string) => new URL(location, 'https://nzl.example/login').host;

describe('the path sign-in returns to', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(safeReturnPath('/import')).toBe('/import');
		expect(safeReturnPath('/authorities/TRF/report?fy=2025-26#summary')).toBe(
			'/authorities/TRF/report?fy=2025-26#summary'
		);
		expect(safeReturnPath('/authorities/St%20Helens')).toBe('/authorities/St%20Helens');
	});

	// The known bypasses, as the query string hands them to the page (decoded once) and raw.
	const bypasses = [
		'//evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/%09/evil.example',
		'/%5Cevil.example',
		'/%5cevil.example',
		'/%2F/evil.example',
		'/%2f%2fevil.example',
		'/%252F%252Fevil.example',
		'/%25255Cevil.example',
		'%2F%2Fevil.example',
		' //evil.example',
		'https://evil.example',
		'http:evil.example',
		'javascript:alert(1)',
		'/\u0000/evil.example',
		'/\u007f/evil.example',
		'/%E0%A4%A',
		'evil.example',
		''
	];
	it.each(bypasses)('refuses %j and returns home', (next) => {
		expect(safeReturnPath(next)).toBe('/');
	});

	it('never names another host, whatever it is given', () => {
		for (const next of bypasses) expect(landsOn(safeReturnPath(next))).toBe('nzl.example');
		expect(safeReturnPath(null)).toBe('/');
		expect(safeReturnPath(undefined)).toBe('/');
		expect(safeReturnPath('/' + 'a'.repeat(3000))).toBe('/');
		// A space inside a path is only a strange path on this site.
		expect(landsOn(safeReturnPath('/ /evil.example'))).toBe('nzl.example');
	});
});
