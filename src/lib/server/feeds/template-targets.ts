/**
 * The targets template: a council's net-zero targets, one per scope (council operations, whole
 * area), with baseline, interim targets ("2030: 68%; 2040: 85%" → interim_targets rows) and a
 * carbon budget. A target is found by council, scope, year (which may be blank: matched
 * NULL-safely, as in the record writer) and wording; its baseline, budget and source are updated,
 * its interim targets replaced only when they differ.
 */
import { z } from 'zod';
import { resolveCouncil } from '../rows/council-cells';
import {
	optionalNumber,
	optionalText,
	optionalWebAddress,
	optionalYear,
	parseYear,
	requiredText
} from '../rows/coerce';
import { interimTargets as interimTargetRows, targets } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import {
	requiredChoice,
	rowError,
	rowTally,
	SCOPE_EXPECTED,
	SCOPE_VARIANTS,
	splitList,
	templateColumns
} from './template-shared';

const INTERIM_EXPECTED = 'expected interim targets as year: % cut, such as 2030: 68%; 2040: 85%';

/** "2030: 68%; 2040: 85%" (or "68% by 2030", commas between) → [[2030, 68], [2040, 85]]. */
const interimTargets = z
	.string()
	.optional()
	.transform((s, ctx) => {
		const out: [number, number][] = [];
		for (const item of splitList(s?.trim() || null, true)) {
			const a = /^(\d{4})\s*[:=–-]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(item);
			const b = /^(\d+(?:\.\d+)?)\s*%?\s*(?:by|in)\s*(\d{4})$/i.exec(item);
			const [year, pct] = a
				? [parseYear(a[1]!), Number(a[2])]
				: b
					? [parseYear(b[2]!), Number(b[1])]
					: [];
			if (!year || pct === undefined || pct > 100 || out.some(([y]) => y === year)) {
				ctx.addIssue({ code: 'custom', message: INTERIM_EXPECTED });
				return z.NEVER;
			}
			out.push([year, pct]);
		}
		return out.sort((x, y) => x[0] - y[0]);
	});

const RowSchema = z.object({
	authority: requiredText,
	scope: requiredChoice(SCOPE_VARIANTS, SCOPE_EXPECTED),
	target_year: optionalYear,
	baseline_year: optionalYear,
	baseline_value: optionalNumber.pipe(z.number().min(0, 'expected kt CO2e, 0 or more').nullable()),
	interim_targets: interimTargets,
	carbon_budget_kt: optionalNumber.pipe(
		z.number().gt(0, 'expected a carbon budget in kt CO2e, more than 0').nullable()
	),
	budget_start_year: optionalYear,
	wording: optionalText,
	source_url: optionalWebAddress
});
type Row = z.output<typeof RowSchema> & { authority_code: string };

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
authority*      | The council: GSS code, 3-letter code or name. | Leeds | Council; Local authority; Authority name; LA
scope*          | Council operations (the council's own emissions) or Whole area. | Whole area | Target scope; Emissions scope
target_year     | Year of net zero; blank if the target names none. | 2050 | Net zero year; Net zero target year; Target; Target date
baseline_year   | Year the cuts are measured from. | 2005 | Baseline; Base year
baseline_value  | Emissions in the baseline year, in kt CO2e. | 4,210 | Baseline emissions (kt CO2e); Baseline emissions; Baseline (ktCO2e); Baseline kt
interim_targets | Interim targets as year: % cut from the baseline, separated by semicolons. | 2030: 68%; 2040: 85% | Interim target; Interim
carbon_budget_kt | Carbon budget in kt CO2e for the whole period, from budget_start_year to the target year, e.g. a Tyndall Centre budget. | 42,000 | Carbon budget (kt CO2e); Carbon budget; Carbon budget kt; Budget (kt CO2e)
budget_start_year | First year the carbon budget covers; not after target_year. | 2020 | Budget start year; Budget start; Budget from; Carbon budget start
wording         | The target in the council's words, as adopted; with council, scope and year it identifies the target. | Net zero across the district by 2050 (example) | Target wording; Target text; Commitment; Text
source_url      | Where the target is published (motion, strategy, plan). | https://www.leeds.gov.uk/example | Source; Link; URL
`
);

export const templateTargetsFeed: FeedModule<Row> = {
	key: 'targets',
	template: true,
	title: 'Net-zero targets (template)',
	description:
		"A council's net-zero targets by scope, with baseline, interim targets, wording and source.",
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const code = resolveCouncil(ctx, rowNumber, 'authority', record.authority ?? '');
		if (!row || !code) return null;
		const { baseline_year: base, target_year: target } = row;
		if (base && target && base >= target) {
			const message = `baseline_year ${base} is not before target_year ${target}`;
			rowError(ctx, rowNumber, record, 'baseline_year', message);
			return null;
		}
		const start = row.budget_start_year;
		if (start && target && start > target) {
			const message = `budget_start_year ${start} is after target_year ${target}`;
			rowError(ctx, rowNumber, record, 'budget_start_year', message);
			return null;
		}
		// A file without the interim_targets column has none to check (undefined, not []).
		const late = (row.interim_targets ?? []).find(
			([y]) => (target && y > target) || (base && y <= base)
		);
		if (late) {
			const message = `interim year ${late[0]} is not between baseline_year and target_year`;
			rowError(ctx, rowNumber, record, 'interim_targets', message);
			return null;
		}
		return { ...row, authority_code: code };
	},
	createWriter(ctx) {
		const tally = rowTally(ctx);
		return {
			write(row, rowNumber) {
				const key = {
					authorityCode: row.authority_code,
					scope: row.scope,
					targetYear: row.target_year,
					wording: row.wording ?? ''
				};
				const repeat = `${key.authorityCode} ${key.scope} ${key.targetYear} ${key.wording}`;
				if (!tally.repeat(repeat, rowNumber, 'wording', key.wording, row)) return;
				let changed = ctx.write.upsert({
					table: targets,
					key: ['authorityCode', 'scope', 'targetYear', 'wording'],
					values: {
						...key,
						baselineYear: row.baseline_year,
						baselineKt: row.baseline_value,
						carbonBudgetKt: row.carbon_budget_kt,
						budgetStartYear: row.budget_start_year,
						sourceUrl: row.source_url
					}
				});
				// A file without the interim_targets column leaves those stored alone.
				if (row.interim_targets !== undefined) {
					const interim = row.interim_targets.map(([year, reductionPct]) => ({
						year,
						reductionPct
					}));
					const targetId = ctx.write.idOf(targets, key)!;
					changed = ctx.write.replaceChildren(interimTargetRows, { targetId }, interim) || changed;
				}
				tally.add(changed);
			},
			finish: () => tally.counts()
		};
	}
};
