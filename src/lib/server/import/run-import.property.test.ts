/**
 * Property tests of the import pipeline with generated promise files: what is imported is what is
 * stored, and one bad row in strict mode leaves the table exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, importFile, tableDigest, toCsv } from '../../../../tests/helpers/db';

const HEADER = ['local-authority-code', 'scope', 'target', 'wording', 'source_name'];
const SCOPES: Record<string, string> = {
	'Council operations': 'council_operations',
	'Whole area': 'whole_area',
	'No promise': 'no_promise',
	Unclear: 'unclear',
	Other: 'other'
};
// Current councils and one abolished one (promises keep an abolished council as itself).
const CODES = ['TRF', 'MAN', 'BPL', 'WFT', 'BNE', 'KIN', 'GMCA', 'ALL'];

interface PromiseRow {
	code: string;
	codeAsWritten: string;
	label: string;
	year: number | null;
	yearAsWritten: string;
	wording: string;
	sourceName: string;
}

/** Free text as people write it: commas, semicolons, quotes, newlines, £, accents, dashes. */
const text = fc
	.string({
		unit: fc.constantFrom(
			'a',
			'b',
			'Z',
			'7',
			' ',
			',',
			';',
			'"',
			"'",
			'\n',
			'£',
			'é',
			'–',
			'’',
			'(',
			')'
		),
		maxLength: 40
	})
	.map((s) => s.trim());

const promiseRow: fc.Arbitrary<PromiseRow> = fc
	.record({
		code: fc.constantFrom(...CODES),
		lower: fc.boolean(),
		label: fc.constantFrom(...Object.keys(SCOPES)),
		labelCase: fc.constantFrom('as-is', 'upper', 'lower'),
		year: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
		pandas: fc.boolean(),
		wording: text,
		sourceName: text
	})
	.map((r) => ({
		code: r.code,
		codeAsWritten: r.lower ? r.code.toLowerCase() : r.code,
		label:
			r.labelCase === 'upper'
				? r.label.toUpperCase()
				: r.labelCase === 'lower'
					? r.label.toLowerCase()
					: r.label,
		year: r.year,
		yearAsWritten: r.year === null ? '' : r.pandas ? `${r.year}.0` : String(r.year),
		wording: r.wording,
		sourceName: r.sourceName
	}));

/** Rows distinct on the targets table's natural key (authority, scope, year, wording). */
const promiseFile = fc.uniqueArray(promiseRow, {
	minLength: 1,
	maxLength: 12,
	selector: (r) =>
		`${r.code}|${SCOPES[Object.keys(SCOPES).find((k) => k.toLowerCase() === r.label.toLowerCase())!]}|${r.year}|${r.wording}`
});

const scopeOf = (label: string) =>
	SCOPES[Object.keys(SCOPES).find((k) => k.toLowerCase() === label.toLowerCase())!]!;
const toFile = (rows: PromiseRow[]) =>
	toCsv([
		HEADER,
		...rows.map((r) => [r.codeAsWritten, r.label, r.yearAsWritten, r.wording, r.sourceName])
	]);

let handle: DbHandle;
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => handle.close());

const stored = () =>
	handle.sqlite
		.prepare(
			'SELECT authority_code, scope, target_year, wording, source_name FROM targets ORDER BY id'
		)
		.all();

describe('promise files, generated', () => {
	it('round-trip: every generated row is stored exactly as written', async () => {
		await fc.assert(
			fc.asyncProperty(promiseFile, async (rows) => {
				handle.sqlite.exec('DELETE FROM targets');
				const report = await importFile(handle, 'mysociety-promises', toFile(rows));
				expect(report.groups.filter((g) => g.severity === 'error')).toEqual([]);
				expect(report).toMatchObject({
					status: 'committed',
					rowsRead: rows.length,
					rowsAccepted: rows.length,
					rowsWritten: rows.length
				});
				expect(stored()).toEqual(
					rows.map((r) => ({
						authority_code: r.code,
						scope: scopeOf(r.label),
						target_year: r.year,
						wording: r.wording,
						source_name: r.sourceName || null
					}))
				);
				const again = await importFile(handle, 'mysociety-promises', toFile(rows));
				expect(again).toMatchObject({
					status: 'committed',
					rowsWritten: 0,
					rowsUnchanged: rows.length
				});
			}),
			{ numRuns: 60 }
		);
	});

	it('strict mode: one corrupted row in a new file leaves the targets table unchanged', async () => {
		await fc.assert(
			fc.asyncProperty(
				promiseFile,
				promiseFile,
				fc.nat(),
				fc.constantFrom('nonsense', 'Whole-area', 'council ops', ''),
				async (first, second, at, badScope) => {
					handle.sqlite.exec('DELETE FROM targets');
					expect((await importFile(handle, 'mysociety-promises', toFile(first))).status).toBe(
						'committed'
					);
					const before = tableDigest(handle, 'targets');
					const corrupted = second.map((r, i) =>
						i === at % second.length ? { ...r, label: badScope } : r
					);
					const report = await importFile(handle, 'mysociety-promises', toFile(corrupted));
					expect(report).toMatchObject({ status: 'rejected', rowsWritten: 0, rowsRejected: 1 });
					expect(report.groups.find((g) => g.severity === 'error')).toMatchObject({
						column: 'scope',
						rows: [(at % second.length) + 2]
					});
					expect(tableDigest(handle, 'targets')).toBe(before);
				}
			),
			{ numRuns: 40 }
		);
	});
});
