import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	countRows,
	createFixtureDb,
	FEED_FIXTURES,
	importFile,
	tableDigest
} from '../../../../tests/helpers/db';
import { SCOPE_BY_LABEL } from './promises-mysociety';

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'mysociety-promises', FEED_FIXTURES['mysociety-promises']);
});
afterAll(() => handle.close());

interface Target {
	authority_code: string;
	scope: string;
	target_year: number | null;
	wording: string;
	source_url: string | null;
	notes: string | null;
}
const targetsOf = (code: string) =>
	handle.sqlite
		.prepare('SELECT * FROM targets WHERE authority_code = ? ORDER BY id')
		.all(code) as Target[];

describe('mysociety-promises feed', () => {
	it('commits all 12 fixture rows as 12 targets', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 12,
			rowsAccepted: 12,
			rowsRejected: 0,
			rowsWritten: 12,
			fatal: null
		});
		expect(countRows(handle, 'targets')).toBe(12);
	});

	it('reads "2030.0" as the year 2030', () => {
		expect(targetsOf('BPL')).toEqual([
			expect.objectContaining({ scope: 'whole_area', target_year: 2030 })
		]);
		expect(targetsOf('TRF')[0]!.target_year).toBe(2038);
	});

	it('maps the published scope labels to scope codes', () => {
		expect(SCOPE_BY_LABEL['council operations']).toBe('council_operations');
		expect(targetsOf('KIN')[0]!.scope).toBe('council_operations');
		expect(targetsOf('WFT')[0]!.scope).toBe('whole_area');
		expect(targetsOf('BNE')[0]!.scope).toBe('no_promise');
		const scopes = handle.sqlite
			.prepare('SELECT DISTINCT scope FROM targets ORDER BY scope')
			.pluck()
			.all();
		expect(scopes).toEqual(['council_operations', 'no_promise', 'whole_area']);
	});

	it('keeps a promise with no year, with a null year', () => {
		const abe = targetsOf('ABE');
		expect(abe.map((t) => [t.scope, t.target_year])).toEqual([
			['council_operations', 2045],
			['whole_area', null]
		]);
		expect(abe[1]!.wording).toMatch(/^Our aim is to be a true national and international exemplar/);
	});

	it('stores "no promise" rows with empty wording and trimmed notes', () => {
		expect(targetsOf('BNE')).toEqual([
			expect.objectContaining({
				target_year: null,
				wording: '',
				source_url: null,
				notes: 'No notes'
			})
		]);
	});

	it('keeps a quoted newline inside the wording', () => {
		expect(targetsOf('ABD')[0]!.wording).toContain('Net \nZero by 2045');
	});

	it('keeps an abolished council as itself (historical) and notes it', () => {
		expect(targetsOf('ALL')).toHaveLength(1);
		expect(targetsOf('CBD')).toHaveLength(0);
		const notes = report.groups.filter((g) => g.code === 'abolished_council');
		expect(notes.map((g) => [g.severity, g.rows])).toEqual([
			['info', [4]],
			['info', [6]]
		]);
	});

	it('re-import writes nothing: every accepted row is unchanged', async () => {
		const before = tableDigest(handle, 'targets');
		const again = await importFile(
			handle,
			'mysociety-promises',
			FEED_FIXTURES['mysociety-promises']
		);
		expect(again.status).toBe('committed');
		expect(again.rowsWritten).toBe(0);
		expect(again.rowsUnchanged).toBe(again.rowsAccepted);
		expect(again.rowsAccepted).toBe(12);
		expect(countRows(handle, 'targets')).toBe(12);
		expect(tableDigest(handle, 'targets')).toBe(before);
	});
});
