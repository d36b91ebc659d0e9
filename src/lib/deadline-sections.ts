/**
 * The deadlines page's sections (open, upcoming, past, allocations, undated), each in the order
 * an officer reads it, and how much of each the page shows: the first rows of every section, or
 * with a status chosen, that section a page at a time. The server does this, not the page: every
 * round held, sent whole to be sorted in the browser, made the page 30 MB at national scale.
 * Browser-safe; unit-tested.
 */
import type { CompetitionStatus } from './deadlines';
import { pageOf, type PageChoice, type Paged } from './paging';

export interface SectionRound {
	status: CompetitionStatus;
	isSample: boolean;
	opens: { date: string } | null;
	closes: { date: string } | null;
}

/** Rows of a section shown when every section is on the page: cards take more room than rows. */
export const FIRST_ROWS: Record<CompetitionStatus, number> = {
	open: 24,
	upcoming: 24,
	closed: 50,
	allocation: 50,
	unknown: 50
};

const byDate = (key: 'opens' | 'closes', dir: 1 | -1) => (a: SectionRound, b: SectionRound) =>
	dir * (a[key]?.date ?? '').localeCompare(b[key]?.date ?? '');

/** Each status's rounds, in reading order: open by deadline, upcoming by opening, past latest first. */
export function sortSections<T extends SectionRound>(rows: readonly T[]) {
	const of = (s: CompetitionStatus) => rows.filter((c) => c.status === s);
	return {
		open: of('open').sort(byDate('closes', 1)),
		upcoming: of('upcoming').sort(byDate('opens', 1)),
		closed: of('closed').sort(byDate('closes', -1)),
		allocation: of('allocation'),
		unknown: of('unknown')
	} satisfies Record<CompetitionStatus, T[]>;
}

export interface Section<T> {
	rows: T[];
	/** Rounds in the section, shown or not. */
	total: number;
	/** Sample rounds among them (the page says when everything open is sample). */
	samples: number;
}

/**
 * What the page shows: with no status chosen the first rows of each section; with one, that
 * section a page at a time (`paging`) and the others empty.
 */
export function deadlineSections<T extends SectionRound>(
	rows: readonly T[],
	status: CompetitionStatus | undefined,
	page: PageChoice
): { sections: Record<CompetitionStatus, Section<T>>; paging: Omit<Paged<T>, 'rows'> | null } {
	const sorted = sortSections(rows);
	let paging: Omit<Paged<T>, 'rows'> | null = null;
	const sections = Object.fromEntries(
		(Object.keys(sorted) as CompetitionStatus[]).map((s) => {
			const all = sorted[s];
			const count = { total: all.length, samples: all.filter((c) => c.isSample).length };
			if (status && status !== s) return [s, { rows: [], ...count }];
			if (!status) return [s, { rows: all.slice(0, FIRST_ROWS[s]), ...count }];
			const { rows: shown, ...rest } = pageOf(all, page);
			paging = rest;
			return [s, { rows: shown, ...count }];
		})
	) as Record<CompetitionStatus, Section<T>>;
	return { sections, paging };
}
