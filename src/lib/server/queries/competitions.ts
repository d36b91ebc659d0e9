/**
 * Funding competitions with their current dates, for the deadlines page, its iCalendar feed and
 * the competitions API. Dates are a history (competition_dates): the current ones are those not
 * superseded; superseded ones come back as `history`, each with the date that replaced it.
 * Status, "closing soon" and days left are relative to `today` (see `serverToday`).
 */
import type Database from 'better-sqlite3';
import { readConfig } from '../config';
import {
	CLOSING_SOON_DAYS,
	KIND_LABELS,
	SHORT_WINDOW_DAYS,
	competitionStatus,
	daysBetween,
	describeDateChange,
	ukToday,
	type CompetitionFilter,
	type CompetitionStatus
} from '../../deadlines';
import { all } from './statements';

export interface CompetitionDate {
	date: string;
	/** HH:MM, UK local time, when published. */
	time: string | null;
	precision: 'day' | 'month';
	note: string | null;
	sourceUrl: string | null;
}

export interface CompetitionDateChange {
	event: 'opens' | 'closes';
	date: string;
	time: string | null;
	replacedBy: string;
	replacedByTime: string | null;
	note: string | null;
	/** "extended from 19 January to 31 January 2024". */
	text: string;
}

export interface CompetitionRow {
	id: number;
	scheme: string;
	round: string;
	funder: string | null;
	kind: string | null;
	theme: string | null;
	budgetGbp: number | null;
	minAwardGbp: number | null;
	maxAwardGbp: number | null;
	/** Eligible authority type codes; null when the round does not state them as types. */
	eligibleTypes: string[] | null;
	eligibilityNote: string | null;
	decisionDate: string | null;
	spendByDate: string | null;
	/** The competition's page, else the source of its current deadline or opening. */
	sourceUrl: string | null;
	notes: string | null;
	isSample: boolean;
	/** The current (earliest not superseded) opening. */
	opens: CompetitionDate | null;
	/** The current final deadline: the last closing date not superseded. */
	closes: CompetitionDate | null;
	/** Every current closing date, ascending (HUG2 had two assessment deadlines). */
	deadlines: CompetitionDate[];
	/** Superseded dates, oldest first, each with what replaced it. */
	history: CompetitionDateChange[];
	/** Closing dates superseded by another (extensions, or deadlines brought forward). */
	extensions: number;
	/** Whole days from opening to final deadline; null unless both are known to the day. */
	windowDays: number | null;
	isShortWindow: boolean;
	status: CompetitionStatus;
	/** Open and the final deadline is within 28 days. */
	closingSoon: boolean;
	/** Days from today to the final deadline (negative once past); null with no deadline. */
	daysToClose: number | null;
	/** Days from today to the opening; null with no opening date. */
	daysToOpen: number | null;
}

interface DateRecord extends CompetitionDate {
	id: number;
	event: 'opens' | 'closes';
	supersededById: number | null;
}

type Raw = Omit<
	CompetitionRow,
	| 'eligibleTypes'
	| 'isSample'
	| 'opens'
	| 'closes'
	| 'deadlines'
	| 'history'
	| 'extensions'
	| 'windowDays'
	| 'isShortWindow'
	| 'status'
	| 'closingSoon'
	| 'daysToClose'
	| 'daysToOpen'
> & { eligibleTypes: string | null; isSample: number; dates: string };

const SELECT = `
	SELECT c.id, c.scheme, c.round, f.name AS funder, c.kind, c.theme, c.budget_gbp AS budgetGbp,
	       c.min_award_gbp AS minAwardGbp, c.max_award_gbp AS maxAwardGbp, c.eligible_types AS eligibleTypes,
	       c.eligibility_note AS eligibilityNote, c.decision_date AS decisionDate, c.spend_by_date AS spendByDate,
	       c.source_url AS sourceUrl, c.notes, c.is_sample AS isSample,
	       (SELECT json_group_array(json_object('id', d.id, 'event', d.event, 'date', d.date, 'precision', d.date_precision,
	                 'time', d.time, 'supersededById', d.superseded_by_id, 'note', d.note, 'sourceUrl', d.source_url))
	        FROM competition_dates d WHERE d.competition_id = c.id) AS dates
	FROM competitions c LEFT JOIN funders f ON f.id = c.funder_id
	WHERE (@theme IS NULL OR c.theme = @theme)
	  AND (@funder IS NULL OR f.name = @funder)
	  AND (@kind IS NULL OR c.kind = @kind)
	  AND (@type IS NULL OR c.eligible_types IS NULL OR json_array_length(c.eligible_types) = 0
	       OR EXISTS (SELECT 1 FROM json_each(c.eligible_types) WHERE value = @type))
	  AND (@q IS NULL OR instr(lower(c.scheme || ' ' || c.round || ' ' || coalesce(f.name, '') || ' ' ||
	       coalesce(c.theme, '') || ' ' || coalesce(c.eligibility_note, '') || ' ' || coalesce(c.notes, '')), @q) > 0)
	ORDER BY c.scheme, c.round, c.id`;

/**
 * Competitions matching the filter, with current dates, history and status on `today`
 * (YYYY-MM-DD, UK). The type filter keeps rounds that do not state eligible types: they may be
 * open to that type, and the page says so.
 */
export function listCompetitions(
	sqlite: Database.Database,
	filter: CompetitionFilter = {},
	today: string = serverToday()
): CompetitionRow[] {
	const rows = all<Raw>(sqlite, SELECT, {
		theme: filter.theme || null,
		funder: filter.funder || null,
		kind: filter.kind || null,
		type: filter.type || null,
		q: filter.q?.trim() ? filter.q.trim().toLowerCase() : null
	});
	return rows
		.map((raw) => toCompetition(raw, today))
		.filter((c) => !filter.status || c.status === filter.status);
}

function toCompetition(raw: Raw, today: string): CompetitionRow {
	const { dates: datesJson, eligibleTypes, isSample, ...rest } = raw;
	const dates = (JSON.parse(datesJson) as DateRecord[]).sort(
		(a, b) => a.date.localeCompare(b.date) || a.id - b.id
	);
	const current = (event: 'opens' | 'closes') =>
		dates.filter((d) => d.event === event && d.supersededById === null).map(plainDate);
	const opens = current('opens')[0] ?? null;
	const deadlines = current('closes');
	const closes = deadlines.at(-1) ?? null;
	const history = dates
		.filter((d) => d.supersededById !== null)
		.flatMap((d): CompetitionDateChange[] => {
			const by = dates.find((r) => r.id === d.supersededById);
			if (!by) return [];
			const change = { event: d.event, date: d.date, replacedBy: by.date };
			return [
				{
					...change,
					time: d.time,
					replacedByTime: by.time,
					note: d.note,
					text: describeDateChange(change)
				}
			];
		});
	const windowDays =
		opens?.precision === 'day' && closes?.precision === 'day'
			? daysBetween(opens.date, closes.date)
			: null;
	const status = competitionStatus(opens, closes, today);
	const daysToClose = closes ? daysBetween(today, closes.date) : null;
	return {
		...rest,
		sourceUrl: rest.sourceUrl ?? closes?.sourceUrl ?? opens?.sourceUrl ?? null,
		eligibleTypes: eligibleTypes ? (JSON.parse(eligibleTypes) as string[]) : null,
		isSample: !!isSample,
		opens,
		closes,
		deadlines,
		history,
		extensions: history.filter((h) => h.event === 'closes').length,
		windowDays,
		isShortWindow: windowDays !== null && windowDays < SHORT_WINDOW_DAYS,
		status,
		closingSoon: status === 'open' && daysToClose !== null && daysToClose <= CLOSING_SOON_DAYS,
		daysToClose,
		daysToOpen: opens ? daysBetween(today, opens.date) : null
	};
}

const plainDate = (d: DateRecord): CompetitionDate => ({
	date: d.date,
	time: d.time,
	precision: d.precision,
	note: d.note,
	sourceUrl: d.sourceUrl
});

/** How many competitions are held at all (to tell "nothing matches" from "nothing imported"). */
export function countCompetitions(sqlite: Database.Database): number {
	return all<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM competitions')[0]!.n;
}

export interface CompetitionFilterOptions {
	themes: string[];
	funders: string[];
	kinds: { value: string; label: string }[];
	/** Authority types of current councils, for "open to". */
	types: { code: string; name: string }[];
}

export function listCompetitionFilterOptions(sqlite: Database.Database): CompetitionFilterOptions {
	const values = (sql: string) => all<{ v: string }>(sqlite, sql).map((r) => r.v);
	return {
		themes: values(
			"SELECT DISTINCT theme AS v FROM competitions WHERE theme IS NOT NULL AND theme != '' ORDER BY 1"
		),
		funders: values(
			'SELECT DISTINCT f.name AS v FROM funders f JOIN competitions c ON c.funder_id = f.id ORDER BY 1'
		),
		kinds: values(
			'SELECT DISTINCT kind AS v FROM competitions WHERE kind IS NOT NULL ORDER BY 1'
		).map((v) => ({ value: v, label: KIND_LABELS[v] ?? v })),
		types: all<{ code: string; name: string }>(
			sqlite,
			'SELECT DISTINCT type AS code, type_name AS name FROM authorities WHERE is_current = 1 ORDER BY type_name'
		)
	};
}

/**
 * The date the server treats as today: the `TODAY` environment variable (YYYY-MM-DD) when set,
 * for tests and for reviewing a past state, else today's date in the UK.
 */
export function serverToday(env: Record<string, string | undefined> = process.env): string {
	return readConfig(env).TODAY ?? ukToday();
}
