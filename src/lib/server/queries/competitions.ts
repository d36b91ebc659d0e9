/**
 * Funding competitions with their current dates, for the deadlines page, its iCalendar feed and
 * the competitions API. Dates are a history (competition_dates): the current ones are those not
 * superseded; superseded ones come back as `history`, each with the date that replaced it.
 * Status, "closing soon" and days left are relative to `today` (see `serverToday`).
 */
import { and, asc, count, eq, inArray, isNotNull, max, ne } from 'drizzle-orm';
import { readConfig } from '../config';
import { competitions, funders, importBatches, schemes } from '../db/schema';
import {
	CLOSING_SOON_DAYS,
	KIND_LABELS,
	SHORT_WINDOW_DAYS,
	competitionStatus,
	describeDateChange,
	type CompetitionFilter,
	type CompetitionStatus
} from '../../deadlines';
import { daysBetween, ukToday } from '../../domain/dates';
import { listAuthorityTypes } from './authorities';
import { currentDates, listCompetitionDates, type DateRecord } from './competition-dates';
import { preparedQuery, serverDb, type Db } from './connection';
import { cachedByDataVersion } from './data-version-cache';

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

export interface CompetitionRow extends Competition {
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

const competitionsQuery = preparedQuery((db) =>
	db
		.select({
			id: competitions.id,
			scheme: competitions.scheme,
			round: competitions.round,
			funder: funders.name,
			kind: competitions.kind,
			/** The scheme's purpose (schemes table); null when not classified. */
			purpose: schemes.purpose,
			theme: competitions.theme,
			budgetGbp: competitions.budgetGbp,
			minAwardGbp: competitions.minAwardGbp,
			maxAwardGbp: competitions.maxAwardGbp,
			eligibleTypes: competitions.eligibleTypes,
			eligibilityNote: competitions.eligibilityNote,
			decisionDate: competitions.decisionDate,
			spendByDate: competitions.spendByDate,
			sourceUrl: competitions.sourceUrl,
			notes: competitions.notes,
			isSample: competitions.isSample
		})
		.from(competitions)
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.orderBy(asc(competitions.scheme), asc(competitions.round), asc(competitions.id))
		.prepare()
);

type Competition = ReturnType<ReturnType<typeof competitionsQuery>['all']>[number];

/**
 * Every round with its current dates, history and status on `today`: the same for every viewer
 * and read whole by /deadlines, its calendar and the API, so kept per day until the data changes
 * (data-version-cache.ts) rather than read and worked through on every request (20,000 rounds
 * and 40,000 dates at national scale).
 */
const allCompetitions = cachedByDataVersion(
	'competitions',
	(today: string, db: Db): CompetitionRow[] => {
		const dates = listCompetitionDates(db);
		return competitionsQuery(db)
			.all()
			.map((c) => toCompetition(c, dates.get(c.id) ?? [], today));
	},
	(today) => today,
	2
);

/**
 * Competitions matching the filter, with current dates, history and status on `today`
 * (YYYY-MM-DD, UK). The type filter keeps rounds that do not state eligible types: they may be
 * open to that type, and the page says so. Words are matched as a literal substring (no LIKE
 * wildcards). A new list each time; its rows are shared with other requests, and frozen.
 */
export function listCompetitions(
	filter: CompetitionFilter = {},
	today: string = serverToday(),
	db: Db = serverDb()
): CompetitionRow[] {
	const q = filter.q?.trim().toLowerCase();
	return allCompetitions(today, db).filter(
		(c) =>
			(!filter.theme || c.theme === filter.theme) &&
			(!filter.funder || c.funder === filter.funder) &&
			(!filter.kind || c.kind === filter.kind) &&
			(!filter.type || isOpenToType(c, filter.type)) &&
			(!q || searchText(c).includes(q)) &&
			(!filter.status || c.status === filter.status)
	);
}

const isOpenToType = (c: Competition, type: string) =>
	!c.eligibleTypes?.length || c.eligibleTypes.includes(type);

const searchText = (c: Competition) =>
	[c.scheme, c.round, c.funder, c.theme, c.eligibilityNote, c.notes]
		.map((v) => v ?? '')
		.join(' ')
		.toLowerCase();

function toCompetition(row: Competition, dates: DateRecord[], today: string): CompetitionRow {
	const current = (event: 'opens' | 'closes') => currentDates(dates, event).map(plainDate);
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
	const status = competitionStatus(opens, closes, today, row.kind);
	const daysToClose = closes ? daysBetween(today, closes.date) : null;
	return {
		...row,
		sourceUrl: row.sourceUrl ?? closes?.sourceUrl ?? opens?.sourceUrl ?? null,
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

const countQuery = preparedQuery((db) => db.select({ n: count() }).from(competitions).prepare());

const lastRoundsImportQuery = preparedQuery((db) =>
	db
		.select({ at: max(importBatches.finishedAt) })
		.from(importBatches)
		.where(
			and(
				inArray(importBatches.feed, ['competitions', 'funding-facts']),
				eq(importBatches.status, 'committed'),
				eq(importBatches.isSample, false)
			)
		)
		.prepare()
);

/**
 * How current the rounds held are, for the deadlines page to say plainly when they are old: the
 * newest deadline of a real (not sample) round, whether any real round is open or opens later,
 * and when rounds were last imported. No public machine-readable list of council funding rounds
 * exists, so the rounds are as current as their last import.
 */
export function roundsCurrency(today: string = serverToday(), db: Db = serverDb()) {
	const real = listCompetitions({}, today, db).filter((c) => !c.isSample);
	const deadlines = real.flatMap((c) => (c.closes ? [c.closes.date] : []));
	return {
		newestDeadline: deadlines.length ? deadlines.reduce((a, b) => (a > b ? a : b)) : null,
		openOrUpcoming: real.filter((c) => c.status === 'open' || c.status === 'upcoming').length,
		lastImported: lastRoundsImportQuery(db).get()?.at?.slice(0, 10) ?? null
	};
}

export type RoundsCurrency = ReturnType<typeof roundsCurrency>;

/** How many competitions are held at all (to tell "nothing matches" from "nothing imported"). */
export function countCompetitions(db: Db = serverDb()): number {
	return countQuery(db).get()!.n;
}

const themesQuery = preparedQuery((db) =>
	db
		.selectDistinct({ v: competitions.theme })
		.from(competitions)
		.where(and(isNotNull(competitions.theme), ne(competitions.theme, '')))
		.orderBy(asc(competitions.theme))
		.prepare()
);
const fundersQuery = preparedQuery((db) =>
	db
		.selectDistinct({ v: funders.name })
		.from(funders)
		.innerJoin(competitions, eq(competitions.funderId, funders.id))
		.orderBy(asc(funders.name))
		.prepare()
);
const kindsQuery = preparedQuery((db) =>
	db
		.selectDistinct({ v: competitions.kind })
		.from(competitions)
		.where(isNotNull(competitions.kind))
		.orderBy(asc(competitions.kind))
		.prepare()
);

export function listCompetitionFilterOptions(db: Db = serverDb()) {
	return {
		themes: themesQuery(db)
			.all()
			.map((r) => r.v!),
		funders: fundersQuery(db)
			.all()
			.map((r) => r.v),
		kinds: kindsQuery(db)
			.all()
			.map((r) => ({ value: r.v!, label: KIND_LABELS[r.v!] ?? r.v! })),
		/** Authority types of current councils, for "open to". */
		types: listAuthorityTypes(db)
	};
}

export type CompetitionFilterOptions = ReturnType<typeof listCompetitionFilterOptions>;

/**
 * The date the server treats as today: the `TODAY` environment variable (YYYY-MM-DD) when set,
 * for tests and for reviewing a past state, else today's date in the UK.
 */
export function serverToday(env: Record<string, string | undefined> = process.env): string {
	return readConfig(env).TODAY ?? ukToday();
}

/** One round with its current dates and status, or null. */
export function getCompetition(
	id: number,
	today: string = serverToday(),
	db: Db = serverDb()
): CompetitionRow | null {
	return listCompetitions({}, today, db).find((c) => c.id === id) ?? null;
}
