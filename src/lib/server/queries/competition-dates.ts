/**
 * Opening and closing dates of competitions, as a history: the current ones are those not
 * superseded. Read once for every competition (the table is small) and grouped here, so the
 * deadlines page, the window metrics and the pots-by-year chart agree on what "current" means.
 */
import { asc } from 'drizzle-orm';
import { competitionDates } from '../db/schema';
import { preparedQuery, type Db } from './connection';
import { groupRows } from './group-rows';

const datesQuery = preparedQuery((db) =>
	db
		.select({
			id: competitionDates.id,
			competitionId: competitionDates.competitionId,
			event: competitionDates.event,
			date: competitionDates.date,
			precision: competitionDates.datePrecision,
			time: competitionDates.time,
			supersededById: competitionDates.supersededById,
			note: competitionDates.note,
			sourceUrl: competitionDates.sourceUrl
		})
		.from(competitionDates)
		.orderBy(asc(competitionDates.date), asc(competitionDates.id))
		.prepare()
);

export type DateRecord = ReturnType<ReturnType<typeof datesQuery>['all']>[number];

/** Every competition's dates, oldest first (ties by id), by competition id. */
export function listCompetitionDates(db: Db): Map<number, DateRecord[]> {
	return groupRows(datesQuery(db).all(), (d) => d.competitionId);
}

/** Current dates of one event, oldest first. */
export const currentDates = (dates: readonly DateRecord[], event: 'opens' | 'closes') =>
	dates.filter((d) => d.event === event && d.supersededById === null);

/** The current window (first opening, last deadline) and how many dates were replaced. */
export function currentWindow(dates: readonly DateRecord[]) {
	const replaced = (event: 'opens' | 'closes') =>
		dates.filter((d) => d.event === event && d.supersededById !== null).length;
	return {
		opens: currentDates(dates, 'opens')[0]?.date ?? null,
		closes: currentDates(dates, 'closes').at(-1)?.date ?? null,
		openingChanges: replaced('opens'),
		closingChanges: replaced('closes')
	};
}
