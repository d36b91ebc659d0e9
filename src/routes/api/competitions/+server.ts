/**
 * GET /api/competitions: funding rounds with their current dates, window length, extensions and
 * status on the server's today (TODAY env var, else the UK date). Filters as on /deadlines: q,
 * theme, funder, kind, type (authority type code; rounds not stating eligibility are included),
 * status (open, upcoming, closed, unknown).
 *
 * JSON by default: `{ count, offset, limit, next, today, competitions: [...] }`, 500 rounds at a
 * time (`limit` up to 5,000, `offset`; `next` is the address of the next window, null after the
 * last; `count` is every round matching). CSV with `?format=csv` (one route, so the same query
 * string gives either), one row per round, headed and worded as on /deadlines, deadlines joined
 * with "; ": every round matching unless `limit` or `offset` is given.
 */
import { json } from '@sveltejs/kit';
import {
	listCompetitions,
	serverToday,
	type CompetitionDate,
	type CompetitionRow
} from '$lib/server/queries/competitions';
import { CompetitionFilterSchema, readCompetitionFilter } from '$lib/deadlines';
import { csvFrom, csvResponse } from '$lib/csv';
import { COMPETITIONS_CSV } from '$lib/server/api/csv-columns';
import { readListWindow, windowOf } from '$lib/server/api/list-window';
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
	const listWindow = readListWindow(params);
	if (invalid.length || !listWindow.ok) {
		const issues = invalid.map((k) => `${k}: "${params.get(k)}" not allowed`);
		if (!listWindow.ok) issues.push(...listWindow.issues);
		return json({ error: 'invalid query', issues }, { status: 400 });
	}
	const today = serverToday();
	const rows = listCompetitions(filter, today);
	const { window } = listWindow;
	if (format === 'csv') {
		const shown = listWindow.asked ? windowOf(rows, window, url).rows : rows;
		return csvResponse(csvFrom(COMPETITIONS_CSV, shown), 'funding-competitions.csv');
	}
	const shown = windowOf(rows, window, url);
	return json({
		count: rows.length,
		offset: window.offset,
		limit: window.limit,
		next: shown.next,
		today,
		competitions: shown.rows.map(jsonRow)
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
		purpose: c.purpose,
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
