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
import { isIsoMonth, readCompetitionFilter } from '$lib/deadlines';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const today = serverToday();
	const month = url.searchParams.get('month');
	const options = listCompetitionFilterOptions();
	const filter = readCompetitionFilter(url.searchParams);
	return {
		today,
		filter,
		// Without a month in the URL the page chooses one from the rounds (calendar-month.ts).
		month: isIsoMonth(month) ? month : null,
		options,
		typeNames: Object.fromEntries(options.types.map((t) => [t.code, t.name])),
		competitions: listCompetitions(filter, today),
		heldCount: countCompetitions(),
		currency: roundsCurrency(today),
		canAddRounds: locals.viewer.role === 'admin',
		/** The import a round form just saved, to link to (and undo from). */
		savedBatch: Number(url.searchParams.get('saved')) || null
	};
};
