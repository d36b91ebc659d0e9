/**
 * The columns of the API's CSV downloads (progress, funding figures, funding rounds, bids): each
 * headed in the words its page uses, with the unit, statuses and kinds in the page's words, and
 * figures rounded as the page prints them. The JSON of the same routes keeps the field names and
 * full precision; the compare table's CSV is built from its own columns (compare/download.ts).
 */
import { STATUS_LABELS as BID_STATUS_LABELS } from '../../charts/funding-config';
import type { CsvColumn } from '../../csv';
import {
	KIND_LABELS,
	STATUS_LABELS as ROUND_STATUS_LABELS,
	SHORT_WINDOW_DAYS
} from '../../deadlines';
import { roundTo } from '../../format';
import { purposeLabel } from '../../funding-purpose';
import { ROW_STATUS_WORDS } from '../../progress-filter';
import type { FragmentationSummary } from '../metrics/funding';
import type { BidRow } from '../queries/bids';
import type { CompetitionRow } from '../queries/competitions';
import type { CouncilProgressRow } from '../queries/national-progress';
import type { AuthorityFragmentation } from '../queries/national-funding';

const yesNo = (v: boolean) => (v ? 'yes' : 'no');
/** A share (0 to 1) as the whole % the pages print. */
const pct = (v: number | null) => (v === null ? null : roundTo(v * 100, 0));
const joined = (values: readonly string[]) => values.join('; ') || null;

/** The identity columns of a council row. */
function councilColumns<
	T extends { code: string; gssCode: string | null; name: string }
>(): CsvColumn<T>[] {
	return [
		{ header: 'Code', value: (r) => r.code },
		{ header: 'GSS code', value: (r) => r.gssCode },
		{ header: 'Council', value: (r) => r.name }
	];
}

/** /api/progress?format=csv: the columns of /progress's table and the figures behind them. */
export function progressCsvColumns(measureLabel: string): CsvColumn<CouncilProgressRow>[] {
	return [
		...councilColumns<CouncilProgressRow>(),
		{ header: 'Type', value: (r) => r.typeName },
		{ header: 'Nation', value: (r) => r.nation },
		{ header: 'Region', value: (r) => r.region },
		{ header: 'Target year', value: (r) => r.targetYear },
		{ header: 'Status', value: (r) => ROW_STATUS_WORDS[r.status] },
		{ header: 'Why no status', value: (r) => r.reason },
		{ header: 'Emissions measure', value: () => measureLabel },
		{ header: 'Latest year', value: (r) => r.latestYear },
		{ header: 'Latest emissions (kt)', value: (r) => roundTo(r.latestKt, 0) },
		{ header: 'Unit', value: (r) => r.unit },
		{ header: 'Projected net zero', value: (r) => r.projection },
		{ header: 'Projected net-zero year', value: (r) => r.projectedYear },
		{ header: 'Years after target', value: (r) => r.yearsAfterTarget },
		{ header: 'Emissions release', value: (r) => r.releaseLabel },
		{ header: 'Sum of the figures of', value: (r) => r.summedFrom }
	];
}

/** The funding figures, headed and rounded as the council's funding page prints them. */
const FIGURES: [keyof FragmentationSummary, string, (v: number | null) => number | null][] = [
	['awards', 'Awards led', (v) => v],
	['potsWon', 'Pots won', (v) => v],
	['funders', 'Funders', (v) => v],
	['totalGbp', '£ won (£)', (v) => roundTo(v, 0)],
	['perHeadGbp', '£ per head of awards led (£ per person)', (v) => roundTo(v, 2)],
	['medianAwardGbp', 'Median award (£)', (v) => roundTo(v, 0)],
	['competitiveShare', 'Share of £ from competitions (%)', pct],
	['hhi', 'Concentration of £ across pots (HHI, 0 to 1)', (v) => roundTo(v, 3)],
	['effectivePots', 'Effective number of pots', (v) => roundTo(v, 1)],
	['shareUnder1m', 'Awards under £1m (% of awards)', pct],
	['consortiumShare', 'Share of £ as consortium lead (%)', pct],
	['partnerAwards', 'Consortium awards as a partner', (v) => v],
	['estimatedGbp', 'Estimated £ for its residents (£)', (v) => roundTo(v, 0)],
	['estimatedPerHeadGbp', 'Estimated £ per head (£ per person)', (v) => roundTo(v, 2)]
];

function figureColumns<T extends FragmentationSummary>(): CsvColumn<T>[] {
	return FIGURES.map(([key, header, round]) => ({ header, value: (r) => round(r[key]) }));
}

/** /api/funding/metrics?format=csv: every council's figures. */
export const NATIONAL_FUNDING_CSV: CsvColumn<AuthorityFragmentation>[] = [
	...councilColumns<AuthorityFragmentation>(),
	{ header: 'Type', value: (r) => r.typeName },
	{ header: 'Tier', value: (r) => r.tier },
	...figureColumns<AuthorityFragmentation>()
];

/** /api/funding/metrics?authority=…&format=csv: one council's figures. */
export const COUNCIL_FUNDING_CSV: CsvColumn<FragmentationSummary & { code: string }>[] = [
	{ header: 'Code', value: (r) => r.code },
	...figureColumns<FragmentationSummary & { code: string }>()
];

/** /api/competitions?format=csv: one row a round, as /deadlines words it. */
export const COMPETITIONS_CSV: CsvColumn<CompetitionRow>[] = [
	{ header: 'ID', value: (c) => c.id },
	{ header: 'Scheme', value: (c) => c.scheme },
	{ header: 'Round', value: (c) => c.round },
	{ header: 'Funder', value: (c) => c.funder },
	{ header: 'Kind', value: (c) => (c.kind ? (KIND_LABELS[c.kind] ?? c.kind) : null) },
	{ header: 'What it is for', value: (c) => purposeLabel(c.purpose) },
	{ header: 'Theme', value: (c) => c.theme },
	{ header: 'Budget (£)', value: (c) => c.budgetGbp },
	{ header: 'Open to (authority types)', value: (c) => c.eligibleTypes?.join('; ') ?? null },
	{ header: 'Eligibility note', value: (c) => c.eligibilityNote },
	{ header: 'Opens', value: (c) => c.opens?.date ?? null },
	{ header: 'Opening time (UK)', value: (c) => c.opens?.time ?? null },
	{ header: 'Closes', value: (c) => c.closes?.date ?? null },
	{ header: 'Closing time (UK)', value: (c) => c.closes?.time ?? null },
	{ header: 'Deadlines', value: (c) => joined(c.deadlines.map((d) => d.date)) },
	{ header: 'Window (days)', value: (c) => c.windowDays },
	{
		header: `Under 6 weeks (${SHORT_WINDOW_DAYS} days)?`,
		value: (c) => (c.windowDays === null ? null : yesNo(c.isShortWindow))
	},
	{ header: 'Extensions', value: (c) => c.extensions },
	{
		header: 'Extended from',
		value: (c) => joined(c.history.filter((h) => h.event === 'closes').map((h) => h.date))
	},
	{ header: 'Status', value: (c) => ROUND_STATUS_LABELS[c.status] },
	{ header: 'Decision date', value: (c) => c.decisionDate },
	{ header: 'Spend by', value: (c) => c.spendByDate },
	{ header: 'Source', value: (c) => c.sourceUrl },
	{ header: 'Sample data', value: (c) => yesNo(c.isSample) }
];

/** /api/authorities/{code}/bids?format=csv: the council's bids, as its funding page words them. */
export const BIDS_CSV: CsvColumn<BidRow>[] = [
	{ header: 'Reference', value: (b) => b.reference },
	{ header: 'Bid', value: (b) => b.title },
	{ header: 'Scheme', value: (b) => b.scheme },
	{ header: 'Round', value: (b) => b.round },
	{
		header: 'Published round?',
		value: (b) => (b.competitionId === null ? 'No: the council’s own record' : 'Yes')
	},
	{ header: 'Funder', value: (b) => b.funder },
	{ header: 'Status', value: (b) => BID_STATUS_LABELS[b.status] },
	{ header: 'Submitted', value: (b) => b.submittedOn },
	{ header: 'Decided', value: (b) => b.decidedOn },
	{ header: 'Asked (£)', value: (b) => b.requestedGbp },
	{ header: 'Won (£)', value: (b) => b.awardedGbp },
	{ header: 'The same money in a published award (£)', value: (b) => b.publishedAwardGbp },
	{ header: 'Officer days', value: (b) => b.officerDays },
	{ header: 'Other costs (£)', value: (b) => b.bidCostGbp },
	{ header: 'Sample data', value: (b) => yesNo(b.isSample) },
	{ header: 'Partners', value: (b) => joined(b.partners.map((p) => p.name)) }
];
