import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFrom, csvResponse, toCsv } from './csv';

const body = (csv: string) => csv.split('\r\n').slice(1);

describe('toCsv', () => {
	it('quotes cells that need it and writes null as empty', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x, y', 'say "hi"'],
					[1, null]
				]
			)
		).toBe('a,b\r\n"x, y","say ""hi"""\r\n1,');
	});

	it('neutralises text a spreadsheet would run as a formula', () => {
		const cells = [
			'=HYPERLINK("http://evil.example","x")',
			'-1+2',
			'+A1*2',
			'@SUM(A1)',
			'\t=1',
			'\r=1'
		];
		expect(
			body(
				toCsv(
					['c'],
					cells.map((c) => [c])
				)
			)
		).toEqual([
			`"'=HYPERLINK(""http://evil.example"",""x"")"`,
			`"'-1+2"`,
			`"'+A1*2"`,
			`"'@SUM(A1)"`,
			`"'\t=1"`,
			`"'\r=1"`
		]);
	});

	it('keeps figures as figures: -12.5 exports as -12.5, as a number or as text', () => {
		expect(
			body(
				toCsv(
					['n', 'text'],
					[
						[-12.5, '-12.5'],
						[-3, '+4'],
						[0.5, '-.5']
					]
				)
			)
		).toEqual(['-12.5,-12.5', '-3,+4', '0.5,-.5']);
	});

	it('escapes a number followed by anything: "-1+2", "-12.5 kt" and "-" are text', () => {
		expect(body(toCsv(['c'], [['-12.5 kt'], ['-'], ['1-2']]))).toEqual([
			`"'-12.5 kt"`,
			`"'-"`,
			'1-2'
		]);
	});

	it('leaves formulae alone only when asked, for CSV our own importer reads', () => {
		const csv = toCsv(['c'], [['-1+2'], ['=x']], { newline: '\n', escapeFormulae: false });
		expect(csv).toBe('c\n-1+2\n=x');
	});

	it('reads back as the same cells (escaped ones with their leading apostrophe)', () => {
		const rows = [['Leeds, West Yorkshire', 'line 1\nline 2', '=1+1', '-7.25']];
		const parsed = Papa.parse<string[]>(toCsv(['a', 'b', 'c', 'd'], rows)).data;
		expect(parsed).toEqual([
			['a', 'b', 'c', 'd'],
			['Leeds, West Yorkshire', 'line 1\nline 2', "'=1+1", '-7.25']
		]);
	});
});

describe('csvFrom', () => {
	it('writes rows through their columns, headers first, formulas neutralised', () => {
		const rows = [{ name: '=cmd', perHead: 12.5 }];
		const csv = csvFrom(
			[
				{ header: 'Council', value: (r) => r.name },
				{ header: '£ won per head (£ per person)', value: (r) => Math.round(r.perHead) }
			],
			rows
		);
		expect(csv).toBe(`Council,£ won per head (£ per person)\r\n"'=cmd",13`);
	});
});

describe('csvResponse', () => {
	it('is a UTF-8 CSV attachment with a BOM for Excel', async () => {
		const response = csvResponse('a\r\n£1', 'x.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="x.csv"');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});
