/**
 * /deadlines: funding rounds open now, a month calendar of openings and deadlines, upcoming and
 * past rounds, filtered by GET parameters (q, theme, funder, kind, type, status; month for the
 * calendar) so the form works without JavaScript.
 *
 * "Today" is the server's: the TODAY environment variable (YYYY-MM-DD) when set, for tests and for
 * reviewing a past state (e.g. TODAY=2024-01-25 shows SHDF Wave 2.2 open), else the UK date.
 */
import {
	countCompetitions,
	listCompetitionFilterOptions,
	listCompetitions,
	roundsCurrency,
	serverToday
} from '$lib/server/queries/competitions';
import { error } from '@sveltejs/kit';
import { chooseCalendarMonth } from '$lib/calendar-month';
import { deadlineSections } from '$lib/deadline-sections';
import { calendarEntries, deadlineMonths, isIsoMonth, readCompetitionFilter } from '$lib/deadlines';
import { readPage } from '$lib/page-param';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const today = serverToday();
	const month = url.searchParams.get('month');
	const options = listCompetitionFilterOptions();
	const filter = readCompetitionFilter(url.searchParams);
	const page = readPage(url.searchParams);
	if (!page.success) error(400, page.message);
	const competitions = listCompetitions(filter, today);
	// Sorted, cut and counted here: every round sent to the browser was 30 MB at national scale.
	const { sections, paging } = deadlineSections(competitions, filter.status, page.data);
	const entries = calendarEntries(competitions);
	const months = deadlineMonths(entries);
	// Without a month in the URL the page chooses one from the rounds (calendar-month.ts).
	const shown = chooseCalendarMonth(isIsoMonth(month) ? month : null, today, entries, months);
	return {
		today,
		filter,
		month: isIsoMonth(month) ? month : null,
		options,
		typeNames: Object.fromEntries(options.types.map((t) => [t.code, t.name])),
		count: competitions.length,
		sections,
		paging,
		calendar: {
			month: shown.month,
			reason: shown.reason,
			// Only the month drawn, and how many deadlines each month has for its navigation.
			entries: entries.filter((e) => e.date.startsWith(shown.month)),
			months
		},
		heldCount: countCompetitions(),
		currency: roundsCurrency(today),
		canAddRounds: locals.viewer.role === 'admin',
		/** The import a round form just saved, to link to (and undo from). */
		savedBatch: Number(url.searchParams.get('saved')) || null
	};
};
