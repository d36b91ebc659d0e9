/**
 * The council emissions template: a council's own annual greenhouse gas report on its operations
 * (scope 1, 2 and 3 in tonnes CO2e), which a council-operations target is measured against and
 * which DESNZ does not publish. One row per council and reporting year; a re-import updates the
 * year's figures, and a column the file lacks leaves the stored figures alone.
 */
import { z } from 'zod';
import { resolveCouncil } from '../rows/council-cells';
import {
	optionalNumber,
	optionalShortText,
	optionalText,
	optionalWebAddress,
	parseYear,
	requiredText
} from '../rows/coerce';
import { councilEmissions } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { templateColumns } from './template-shared';

const YEAR_EXPECTED = 'expected a year such as 2023, or a financial year such as 2023/24';

/**
 * A reporting year: 2023, or a financial year 2023/24, 2023-24, 2023/2024, read as its first year:
 * nine of its twelve months fall in it, so the report sits beside calendar-year series (DESNZ's).
 * The second year must follow the first.
 */
export function parseReportingYear(raw: string): { year: number; financial: boolean } | null {
	const m = /^\s*(?:FY\s*)?(\d{4})\s*[/–-]\s*(\d{2}|\d{4})\s*$/i.exec(raw);
	if (!m) {
		const year = parseYear(raw);
		return year === null ? null : { year, financial: false };
	}
	const year = parseYear(m[1]!);
	if (year === null) return null;
	// 2023/24 or 2023/2024; 1999/00 too.
	const second = Number(m[2]);
	const follows = m[2]!.length === 2 ? second === (year + 1) % 100 : second === year + 1;
	return follows ? { year, financial: true } : null;
}

const FINANCIAL_YEAR = 'financial year stored as its first year (2023/24 as 2023)';

const reportingYear = z.string({ error: 'a value is required' }).transform((s, ctx) => {
	const parsed = parseReportingYear(s);
	if (!parsed) {
		ctx.addIssue({ code: 'custom', message: s.trim() ? YEAR_EXPECTED : 'a value is required' });
		return z.NEVER;
	}
	return parsed;
});

const tonnes = optionalNumber.pipe(z.number().min(0, 'expected t CO2e, 0 or more').nullable());

const RowSchema = z.object({
	authority: requiredText,
	year: reportingYear,
	scope_1_t: tonnes,
	scope_2_t: tonnes,
	scope_3_t: tonnes,
	method: optionalShortText,
	source_url: optionalWebAddress,
	notes: optionalText
});
type Row = Omit<z.output<typeof RowSchema>, 'year'> & { authority_code: string; year: number };

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
authority*  | The council: GSS code, 3-letter code or name. | Leeds | Council; Local authority; Authority name; LA
year*       | The reporting year: a year (2023) or a financial year (2023/24 or 2023-24), stored as its first year (2023/24 as 2023); with the council it identifies the report. | 2023/24 | Reporting year; Financial year; Year; Period
scope_1_t   | Scope 1 emissions (direct: gas boilers, fleet fuel), in tonnes CO2e; "12,345" works. | 12,480 | Scope 1; Scope 1 (tCO2e); Scope 1 (t CO2e); Scope 1 tCO2e; Scope 1 emissions; scope1_t
scope_2_t   | Scope 2 emissions (electricity bought), in tonnes CO2e. | 6,210 | Scope 2; Scope 2 (tCO2e); Scope 2 (t CO2e); Scope 2 tCO2e; Scope 2 emissions; scope2_t
scope_3_t   | Scope 3 emissions counted in the report (business travel, water, waste, contracted services…), in tonnes CO2e. | 2,940 | Scope 3; Scope 3 (tCO2e); Scope 3 (t CO2e); Scope 3 tCO2e; Scope 3 emissions; scope3_t
method      | How the emissions were counted, e.g. GHG Protocol or LGA GHG accounting tool. | LGA GHG accounting tool | Methodology; Method used; Reporting method
source_url  | Where the report is published. | https://www.leeds.gov.uk/example | Source; Link; URL; Report
notes       | Anything a reader should know: what is in or out, restated years. | Schools excluded (example) | Note; Comments; Comment
`
);
const SCOPES = ['scope_1_t', 'scope_2_t', 'scope_3_t'] as const;

export const templateCouncilEmissionsFeed: FeedModule<Row> = {
	key: 'council-emissions',
	template: true,
	title: "Council's own greenhouse gas report (template)",
	description:
		"A council's annual greenhouse gas report on its own operations: scope 1, 2 and 3 in tonnes CO2e, by reporting year, for its council-operations target.",
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const code = resolveCouncil(ctx, rowNumber, 'authority', record.authority ?? '');
		if (!row || !code) return null;
		if (SCOPES.every((s) => row[s] == null)) {
			const message = `row ${rowNumber} has no emissions figure: expected t CO2e in at least one of scope_1_t, scope_2_t and scope_3_t`;
			ctx.issues.error(rowNumber, null, null, 'no_emissions', message);
			return null;
		}
		const { year, financial } = row.year;
		// One wording for every row, so the report shows one line listing the years read.
		if (financial)
			ctx.issues.info(rowNumber, 'year', record.year!.trim(), 'financial_year', FINANCIAL_YEAR);
		return { ...row, year, authority_code: code };
	},
	records: (row) => [
		{
			table: councilEmissions,
			key: ['authorityCode', 'year'],
			values: {
				authorityCode: row.authority_code,
				year: row.year,
				scope1T: row.scope_1_t,
				scope2T: row.scope_2_t,
				scope3T: row.scope_3_t,
				method: row.method,
				sourceUrl: row.source_url,
				notes: row.notes
			}
		}
	]
};
