/**
 * GET /api/competitions: funding rounds with their current dates, window length, extensions and
 * status on the server's today (TODAY env var, else the UK date). Filters as on /deadlines: q,
 * theme, funder, kind, type (authority type code; rounds not stating eligibility are included),
 * status (open, upcoming, closed, unknown).
 *
 * JSON by default: `{ count, today, competitions: [...] }`. CSV with `?format=csv` (one route, so
 * the same query string gives either), one row per round, deadlines joined with "; ".
 */
import { json } from '@sveltejs/kit';
import {
	listCompetitions,
	serverToday,
	type CompetitionDate,
	type CompetitionRow
} from '$lib/server/queries/competitions';
import { CompetitionFilterSchema, readCompetitionFilter } from '$lib/deadlines';
import { csvResponse, toCsv } from '$lib/csv';
import { CompetitionsResponse } from '$lib/server/api/funding-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const FILTER_KEYS = Object.keys(CompetitionFilterSchema.shape);

export const GET: RequestHandler = ({ url }) => {
	const params = url.searchParams;
	const filter = readCompetitionFilter(params);
	const format = params.get('format') ?? 'json';
	const invalid = FILTER_KEYS.filter((k) => params.get(k)?.trim() && !(k in filter));
	if (!['json', 'csv'].includes(format)) invalid.push('format');
	if (invalid.length) {
		return json(
			{
				error: 'invalid query',
				issues: invalid.map((k) => `${k}: "${params.get(k)}" not allowed`)
			},
			{ status: 400 }
		);
	}
	const today = serverToday();
	const rows = listCompetitions(filter, today);
	if (format === 'csv') {
		return csvResponse(toCsv(CSV_COLUMNS, rows.map(csvRow)), 'funding-competitions.csv');
	}
	return json({
		count: rows.length,
		today,
		competitions: rows.map(jsonRow)
	} satisfies Body<typeof CompetitionsResponse>);
};

const dateOf = (d: CompetitionDate) => ({ date: d.date, time: d.time, precision: d.precision });

function jsonRow(c: CompetitionRow): Body<typeof CompetitionsResponse>['competitions'][number] {
	return {
		id: c.id,
		scheme: c.scheme,
		round: c.round,
		funder: c.funder,
		kind: c.kind,
		theme: c.theme,
		budgetGbp: c.budgetGbp,
		eligibleTypes: c.eligibleTypes,
		eligibilityNote: c.eligibilityNote,
		opens: c.opens && dateOf(c.opens),
		closes: c.closes && dateOf(c.closes),
		deadlines: c.deadlines.map((d) => dateOf(d)),
		history: c.history.map((h) => ({
			event: h.event,
			date: h.date,
			replacedBy: h.replacedBy,
			text: h.text
		})),
		windowDays: c.windowDays,
		isShortWindow: c.isShortWindow,
		extensions: c.extensions,
		status: c.status,
		closingSoon: c.closingSoon,
		decisionDate: c.decisionDate,
		spendByDate: c.spendByDate,
		sourceUrl: c.sourceUrl,
		isSample: c.isSample
	};
}

const CSV_COLUMNS = [
	'id',
	'scheme',
	'round',
	'funder',
	'kind',
	'theme',
	'budget_gbp',
	'eligible_types',
	'eligibility_note',
	'opens',
	'opens_time',
	'closes',
	'closes_time',
	'deadlines',
	'window_days',
	'is_short_window',
	'extensions',
	'extended_from',
	'status',
	'decision_date',
	'spend_by_date',
	'source_url',
	'is_sample'
] as const;

function csvRow(c: CompetitionRow): (string | number | null)[] {
	return [
		c.id,
		c.scheme,
		c.round,
		c.funder,
		c.kind,
		c.theme,
		c.budgetGbp,
		c.eligibleTypes?.join('; ') ?? null,
		c.eligibilityNote,
		c.opens?.date ?? null,
		c.opens?.time ?? null,
		c.closes?.date ?? null,
		c.closes?.time ?? null,
		c.deadlines.map((d) => d.date).join('; '),
		c.windowDays,
		c.windowDays === null ? null : c.isShortWindow ? 'yes' : 'no',
		c.extensions,
		c.history
			.filter((h) => h.event === 'closes')
			.map((h) => h.date)
			.join('; ') || null,
		c.status,
		c.decisionDate,
		c.spendByDate,
		c.sourceUrl,
		c.isSample ? 'yes' : 'no'
	];
}
