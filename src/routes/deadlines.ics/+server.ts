/**
 * GET /deadlines.ics: the funding deadlines as an iCalendar feed (RFC 5545) to subscribe to in
 * Outlook or Google Calendar: one event per current closing date, with a reminder a week before.
 * Takes the same filters as /deadlines (q, theme, funder, kind, type, status); `opens=1` adds the
 * openings too. Rounds whose final deadline has passed are left out unless `past=1` asks for
 * them: a subscriber wants what is coming, not years of closed rounds. Sample rounds (`npm run
 * demo`) are left out unless `sample=1` asks for them: a subscriber's calendar is no place for
 * fictional deadlines. Each event's UID is stable per
 * competition and date, so an extended deadline replaces the old event in subscribers' calendars.
 */
import { buildCalendar, type IcsEvent } from '$lib/server/ics';
import { listCompetitions, type CompetitionRow } from '$lib/server/queries/competitions';
import { KIND_LABELS, endOfMonth, formatDateTime, readCompetitionFilter } from '$lib/deadlines';
import { formatDate, formatGbp } from '$lib/format';
import { webAddress } from '$lib/links';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const filter = readCompetitionFilter(url.searchParams);
	const flag = (name: string) => ['1', 'true', 'yes'].includes(url.searchParams.get(name) ?? '');
	const [withOpenings, withSample, withPast] = [flag('opens'), flag('sample'), flag('past')];
	const events = listCompetitions(filter)
		.filter((c) => withSample || !c.isSample)
		.filter((c) => withPast || c.status === 'open' || c.status === 'upcoming')
		.flatMap((c) => competitionEvents(c, url.origin, withOpenings));
	const body = buildCalendar({
		name: 'Funding deadlines (Net Zero Local)',
		description: 'Opening and closing dates of national net-zero funding rounds, UK time.',
		stamp: new Date(),
		events
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="funding-deadlines.ics"',
			'cache-control': 'public, max-age=3600'
		}
	});
};

function competitionEvents(c: CompetitionRow, origin: string, withOpenings: boolean): IcsEvent[] {
	const name = `${c.scheme} ${c.round}`;
	const sample = c.isSample ? ' (sample data)' : '';
	const about = describe(c, `${origin}/deadlines#competition-${c.id}`);
	const events: IcsEvent[] = c.deadlines.map((d, i) => ({
		uid: `competition-${c.id}-closes-${d.date}@net-zero-local`,
		summary: `Closes: ${name}${sample}`,
		// A month-only deadline goes on the last day of that month, all day.
		date: d.precision === 'month' ? endOfMonth(d.date) : d.date,
		time: d.precision === 'month' ? null : d.time,
		description: [
			c.deadlines.length > 1
				? `Deadline ${i + 1} of ${c.deadlines.length}${d.note ? `: ${d.note}` : ''}`
				: null,
			d.precision === 'month' ? 'Only the month of this deadline is published.' : null,
			about
		]
			.filter(Boolean)
			.join('\n'),
		url: d.sourceUrl ?? c.sourceUrl,
		categories: ['Funding deadline'],
		alarmDaysBefore: 7
	}));
	if (withOpenings && c.opens) {
		events.push({
			uid: `competition-${c.id}-opens-${c.opens.date}@net-zero-local`,
			summary: `Opens: ${name}${sample}`,
			date: c.opens.date,
			time: c.opens.precision === 'month' ? null : c.opens.time,
			description: about,
			url: c.opens.sourceUrl ?? c.sourceUrl,
			categories: ['Funding opening']
		});
	}
	return events;
}

/** The event text: funder, kind, window, extensions, eligibility and where to read more. */
function describe(c: CompetitionRow, pageUrl: string): string {
	const window = [
		c.opens ? `Opens ${formatDateTime(c.opens.date, c.opens.time, c.opens.precision)}` : null,
		c.closes ? `closes ${formatDateTime(c.closes.date, c.closes.time, c.closes.precision)}` : null
	]
		.filter(Boolean)
		.join(', ');
	return [
		`Funder: ${c.funder ?? 'not recorded'}`,
		`Kind: ${c.kind ? (KIND_LABELS[c.kind] ?? c.kind) : 'not recorded'}${c.theme ? `; theme: ${c.theme}` : ''}`,
		c.budgetGbp !== null ? `Budget: ${formatGbp(c.budgetGbp)}` : null,
		window ? `Window: ${window}` : null,
		c.windowDays !== null
			? `Window length: ${c.windowDays} days${c.isShortWindow ? ' (short: under 6 weeks)' : ''}`
			: null,
		...c.history.map((h) => h.text[0]!.toUpperCase() + h.text.slice(1)),
		c.decisionDate ? `Decision: ${formatDate(c.decisionDate)}` : null,
		webAddress(c.sourceUrl) ? `Source: ${c.sourceUrl}` : null,
		`Net Zero Local: ${pageUrl}`
	]
		.filter(Boolean)
		.join('\n');
}
