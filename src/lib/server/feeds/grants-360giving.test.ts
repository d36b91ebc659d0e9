import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { runImport, type ImportOptions, type ImportReport } from '../import/run-import';
import { countRows, createFixtureDb, dataDigest, fixture } from '../../../../tests/helpers/db';
import { financialYear } from '../../domain/financial-year';
import { grants360GivingFeed } from './grants-360giving';

const SAMPLE = fixture('360giving/grants-sample.csv');

/** The feed is not in the registry yet, so importFile (which looks feeds up by key) can't be used. */
function importGrants(handle: DbHandle, options: Partial<ImportOptions> = {}) {
	return runImport(handle, {
		feed: grants360GivingFeed,
		source: SAMPLE,
		fileName: basename(SAMPLE),
		importedBy: 'test',
		...options
	});
}

let handle: DbHandle;
let strict: ImportReport;
let report: ImportReport;
let digestBefore: Record<string, string>;
let digestAfterStrict: Record<string, string>;

beforeAll(async () => {
	handle = await createFixtureDb();
	digestBefore = dataDigest(handle);
	strict = await importGrants(handle);
	digestAfterStrict = dataDigest(handle);
	report = await importGrants(handle, { mode: 'accept-valid' });
});
afterAll(() => handle.close());

const awardsOf = (code: string) =>
	handle.sqlite
		.prepare(
			`SELECT c.scheme, c.round, a.kind, a.amount_gbp, a.award_date, a.project_title, a.recipient_name, a.notes, a.source_url
			 FROM awards a JOIN competitions c ON c.id = a.competition_id WHERE a.authority_code = ? ORDER BY a.id`
		)
		.all(code) as Record<string, unknown>[];
const competition = (scheme: string, round: string) =>
	handle.sqlite
		.prepare(
			`SELECT c.kind, f.name AS funder FROM competitions c LEFT JOIN funders f ON f.id = c.funder_id
			 WHERE c.scheme = ? AND c.round = ?`
		)
		.get(scheme, round);

describe('360giving feed', () => {
	it('rejects the file in strict mode, naming the foreign currency and the non-council', () => {
		expect(strict.status).toBe('rejected');
		expect(digestAfterStrict).toEqual(digestBefore);
		const errors = strict.groups.filter((g) => g.severity === 'error');
		expect(errors.map((g) => [g.code, g.column, g.rows, g.values, g.message])).toEqual(
			expect.arrayContaining([
				['invalid_value', 'Currency', [7], ['EUR'], 'expected GBP'],
				[
					'unknown_authority',
					'Recipient Org:Name',
					[8],
					['Test Community Energy Charity'],
					'unknown authority "Test Community Energy Charity"'
				]
			])
		);
		expect(errors).toHaveLength(2);
	});

	it('keeps the grants to councils in accept-valid mode', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 10,
			rowsAccepted: 8,
			rowsRejected: 2,
			rowsWritten: 8,
			unmappedColumns: []
		});
		expect(countRows(handle, 'awards')).toBe(8);
	});

	it('resolves GB-LAE/LAS/LAW org-ids, GSS codes and, failing those, names', () => {
		expect(awardsOf('MAN')[0]).toEqual({
			scheme: 'Community Net Zero Fund',
			round: '2023-24',
			kind: 'award',
			amount_gbp: 100000,
			award_date: '2023-06-15',
			project_title: 'Solar panels on the leisure centre',
			recipient_name: 'Manchester City Council',
			notes: '360G-TEST-0001',
			source_url: null
		});
		expect(awardsOf('LDS')).toEqual([
			expect.objectContaining({ amount_gbp: 45000, award_date: '2024-01-15', round: '2023-24' })
		]);
		expect(awardsOf('BIR')).toEqual([
			expect.objectContaining({ award_date: '2024-02-10', notes: '360G-TEST-0004' })
		]);
		expect(awardsOf('CRF')).toHaveLength(1);
		expect(awardsOf('EDH')).toEqual([expect.objectContaining({ round: '2024-25' })]);
	});

	it('names a competition after the funder when no programme is given', () => {
		expect(awardsOf('TRF')).toEqual([
			expect.objectContaining({ scheme: 'Test Climate Trust grants', amount_gbp: 25000 })
		]);
		expect(competition('Test Climate Trust grants', '2023-24')).toEqual({
			kind: null,
			funder: 'Test Climate Trust'
		});
	});

	it('marks open-call programmes competitive but never overrides the scheme catalogue', () => {
		expect(competition('Community Net Zero Fund', '2023-24')).toEqual({
			kind: 'competitive',
			funder: 'Test Climate Trust'
		});
		expect(competition('UK Shared Prosperity Fund', '2023-24')).toEqual({
			kind: 'formula',
			funder: 'MHCLG (formerly DLUHC)'
		});
		expect(countRows(handle, 'funders')).toBe(2);
	});

	it('keeps two grants that share council, competition, amount and title apart', () => {
		const trees = awardsOf('MAN').filter((a) => String(a.project_title).startsWith('Tree'));
		expect(trees.map((a) => [a.project_title, a.notes])).toEqual([
			['Tree planting', '360G-TEST-0008'],
			['Tree planting (360G-TEST-0009)', '360G-TEST-0009']
		]);
	});

	it('changes nothing when the same file is imported again', async () => {
		const digest = dataDigest(handle);
		const again = await importGrants(handle, { mode: 'accept-valid' });
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 8 });
		expect(dataDigest(handle)).toEqual(digest);
	});

	it('rounds are UK financial years, April to March', () => {
		expect(financialYear('2024-03-31')).toBe('2023-24');
		expect(financialYear('2024-04-01')).toBe('2024-25');
		expect(financialYear('1999-12-01')).toBe('1999-00');
	});
});
