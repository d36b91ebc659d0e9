/**
 * The competitions template: one funding round per row, as an officer records it from the funder's
 * prospectus. Upserts competitions by (scheme, round), finding or adding the funder by name; cells
 * left blank keep what is already stored (the scheme catalogue or published facts may know it).
 * Opening and closing dates go to competition_dates as a history: a new date for a round whose
 * current date differs is an extension (or a date brought forward), stored as a new row that
 * supersedes the old one, never overwriting it.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { competitionDates, competitions, funders, schemes } from '../db/schema';
import {
	optionalGbp,
	optionalShortText,
	optionalText,
	optionalTime,
	optionalUkDate,
	optionalUkDateTime,
	optionalWebAddress,
	requiredText,
	type ParsedDate
} from '../rows/coerce';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule, ImportContext } from '../rows/feed';
import { purposeChoice } from './purpose-choices';
import { funderName } from './funder-names';
import {
	checkDateOrder,
	choice,
	foldChoice,
	variantLookup,
	rowError,
	rowTally,
	templateColumns,
	ukDate
} from './template-shared';

// "Yes" and "No" are how a column headed "Competitive" says it (the transcribed rounds do).
const KIND_VARIANTS = {
	competitive: [
		'competitive bid',
		'competitive bidding',
		'competition',
		'bid',
		'challenge fund',
		'yes'
	],
	formula: [
		'formula allocation',
		'formula funding',
		'allocation',
		'allocated',
		'non competitive',
		'no'
	],
	expression_of_interest: ['eoi', 'expression of interest', 'expressions of interest', 'eoi stage']
} as const;

const RowSchema = z.object({
	scheme: requiredText,
	round: requiredText,
	funder: optionalShortText,
	kind: choice(KIND_VARIANTS, '"Competitive", "Formula" or "Expression of interest"'),
	purpose: purposeChoice,
	theme: optionalShortText,
	budget: optionalGbp,
	min_award: optionalGbp,
	max_award: optionalGbp,
	match_funding: optionalText,
	eligible: optionalText,
	opens: optionalUkDateTime,
	opens_time: optionalTime,
	closes: optionalUkDateTime,
	closes_time: optionalTime,
	decision_date: optionalUkDate,
	spend_by: optionalUkDate,
	source_url: optionalWebAddress,
	notes: optionalText
});
type Checked = z.output<typeof RowSchema>;
/** A row as written: the opening and closing dates with any time in their cells moved to *_time. */
type Row = Omit<Checked, 'opens' | 'closes'> & {
	opens: ParsedDate | null | undefined;
	closes: ParsedDate | null | undefined;
	eligibleTypes: string[] | null;
};

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
scheme*       | The funding scheme, as the funder names it. | Example Decarbonisation Fund | Scheme name; Programme; Fund; Fund name; Funding scheme
round*        | The round, phase or year; with the scheme it names the competition. | Phase 2 | Round name; Phase; Window; Funding round
funder        | Department or agency running the scheme; matched by name to funders already known. | DESNZ | Funder name; Funding body; Department; Funding organisation
kind          | How the money is given: Competitive, Formula (allocated, no bid) or Expression of interest; Yes or No under a "Competitive" heading. | Competitive | Type; Competition type; Funding type; Allocation type; Competitive
purpose       | What the scheme is for, which decides whether its money counts as net-zero money: net_zero_specific (it exists to cut emissions or use energy better), net_zero_partial (a wider fund with an explicit net-zero strand) or general (regeneration, growth). Set for the scheme, all its rounds. | net_zero_specific | Scheme purpose; Money for
theme         | What the money is for: buildings, housing retrofit, transport, energy, nature, skills… | public buildings | Category
budget        | Total money in the round, in pounds: £1,234,567, 1.2m and 250k all work. | £230,000,000 | Total budget; Pot size; Total funding; Programme budget; Budget GBP
min_award     | Smallest award a bid may ask for, in pounds. | £100,000 | Minimum award; Min award; Minimum grant; Min grant
max_award     | Largest award a bid may ask for, in pounds. | £5m | Maximum award; Max award; Maximum grant; Max grant
match_funding | The match-funding rule, in words. | 12% from the applicant | Match funding rule; Match; Co-funding
eligible      | Who may bid. Authority types (District, Unitary, County, Metropolitan district, London borough, Combined authority…) are stored as types; anything else as a note. | District, Unitary, County | Eligibility; Eligible authorities; Who can apply; Eligible applicants
opens         | Date the window opens, dd/mm/yyyy; a time after it (01/10/2024 09:00) is read as opens_time. | 01/10/2024 | Opening date; Open date; Opens on; Launch date
opens_time    | Time it opens, HH:MM UK time; blank if not stated. | 09:00 | Opening time; Open time
closes        | Deadline, dd/mm/yyyy; a time after it (28/11/2024 23:59) is read as closes_time. A new date in a later upload is recorded as an extension; the earlier one stays as history. | 28/11/2024 | Closing date; Close date; Deadline; Closes on; Deadline date; Application deadline
closes_time   | Deadline time, HH:MM UK time. | 12:00 | Closing time; Deadline time; Close time
decision_date | When decisions are expected or were announced, dd/mm/yyyy. | 31/03/2025 | Decisions expected; Announcement date; Outcome date
spend_by      | Date by which the money must be spent, dd/mm/yyyy. | 31/03/2026 | Spend by date; Spend deadline; Delivery deadline
source_url    | Web page where the competition is published. | https://www.gov.uk/example-fund | Source; Link; URL; Web link; Website
notes         | Anything else worth knowing. | Applicant webinar on 15/10/2024 | Comments
`
);

/** Authority types as officers write them ("District, Unitary, County") → register type codes. */
const typeCode = variantLookup({
	NMD: ['district', 'non metropolitan district', 'shire district', 'lower tier'],
	UA: ['unitary', 'unitary authority', 'english unitary'],
	MD: ['metropolitan district', 'metropolitan borough', 'metropolitan'],
	LBO: ['london borough'],
	CTY: ['county'],
	COMB: ['combined authority', 'mayoral combined authority'],
	SRA: ['gla', 'greater london authority', 'strategic regional authority'],
	SCO: ['scottish', 'scottish unitary', 'scottish unitary authority'],
	WPA: ['welsh', 'welsh unitary', 'welsh unitary authority'],
	NID: ['ni district', 'northern ireland district'],
	CC: ['city corporation', 'city of london']
});

/** Type codes when every listed item is an authority type, else null (the text becomes a note). */
export function eligibleTypeCodes(text: string): string[] | null {
	const codes = text
		.split(/\s*(?:[,;/&+]|\band\b)\s*/i)
		.filter(Boolean)
		.map((item) => {
			const w = foldChoice(item).replace(/^(the|all) | councils?$/g, '');
			return typeCode(w) ?? typeCode(w.replace(/ies$/, 'y').replace(/s$/, ''));
		});
	return codes.length && codes.every(Boolean) ? [...new Set(codes as string[])] : null;
}

export const templateCompetitionsFeed: FeedModule<Row> = {
	key: 'competitions',
	template: true,
	title: 'Funding competitions (template)',
	description:
		'Funding rounds with their funder, kind, money, eligibility and dates. Blank cells keep what is already stored; a changed deadline is kept as an extension, with the earlier date as history.',
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const checked = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!checked) return null;
		// null (a blank cell) and undefined (no such column) are kept apart, as the writer needs.
		const dateOf = (cell: Checked['opens']) => (cell === null ? null : cell?.date);
		const row = { ...checked, opens: dateOf(checked.opens), closes: dateOf(checked.closes) };
		let ok = true;
		// A time written in the date cell fills the time column, and must agree with one given.
		for (const event of ['opens', 'closes'] as const) {
			const inCell = checked[event]?.time;
			const inColumn = checked[`${event}_time`];
			if (!inCell) continue;
			if (inColumn && inColumn !== inCell)
				ok = rowError(
					ctx,
					rowNumber,
					record,
					`${event}_time`,
					`${event}_time ${inColumn} differs from the time in ${event} (${inCell})`
				);
			else row[`${event}_time`] = inCell;
		}
		ok = checkDateOrder(ctx, rowNumber, record, row, 'opens', 'closes') && ok;
		for (const event of ['opens', 'closes'] as const) {
			if (row[`${event}_time`] && !row[event])
				ok = rowError(ctx, rowNumber, record, `${event}_time`, `a time needs a date in ${event}`);
		}
		if (row.min_award !== null && row.max_award !== null && row.min_award > row.max_award) {
			const max = record.max_award!.trim();
			ok = rowError(ctx, rowNumber, record, 'min_award', `min_award is more than max_award ${max}`);
		}
		const eligibleTypes = row.eligible ? eligibleTypeCodes(row.eligible) : null;
		return ok ? { ...row, eligibleTypes } : null;
	},
	createWriter(ctx) {
		const tally = rowTally(ctx);
		const funderId = funderFinder(ctx);
		const writeDate = dateHistory(ctx);
		return {
			write(row, rowNumber) {
				if (!tally.repeat(`${row.scheme}\u0000${row.round}`, rowNumber, 'round', row.round, row))
					return;
				// A blank cell keeps the stored value (undefined: not written); eligibility is one fact,
				// types or a note, set together.
				const kept = <T>(v: T | null | undefined) => v ?? undefined;
				const eligibility = row.eligible
					? {
							eligibleTypes: row.eligibleTypes,
							eligibilityNote: row.eligibleTypes ? null : row.eligible
						}
					: {};
				let changed = ctx.write.upsert({
					table: competitions,
					key: ['scheme', 'round'],
					// Eligibility is types or a note: giving one clears the other.
					mayClear: ['eligibleTypes', 'eligibilityNote'],
					values: {
						scheme: row.scheme,
						round: row.round,
						funderId: row.funder ? funderId(row.funder, rowNumber) : undefined,
						kind: kept(row.kind),
						theme: kept(row.theme),
						budgetGbp: kept(row.budget),
						minAwardGbp: kept(row.min_award),
						maxAwardGbp: kept(row.max_award),
						matchFundingRule: kept(row.match_funding),
						...eligibility,
						decisionDate: kept(row.decision_date?.date),
						spendByDate: kept(row.spend_by?.date),
						sourceUrl: kept(row.source_url),
						notes: kept(row.notes)
					}
				});
				// A purpose is the scheme's, stated on any of its rounds.
				if (row.purpose)
					changed =
						ctx.write.upsert({
							table: schemes,
							key: ['name'],
							values: { name: row.scheme, purpose: row.purpose },
							counted: false
						}) || changed;
				const id = ctx.write.idOf(competitions, { scheme: row.scheme, round: row.round })!;
				for (const event of ['opens', 'closes'] as const)
					changed = writeDate(id, event, row, rowNumber) || changed;
				tally.add(changed);
			},
			finish: () => tally.counts()
		};
	}
};

/**
 * The funder a cell names, by its one name (funder-names.ts: "Department for Energy Security and
 * Net Zero (DESNZ)" is DESNZ), found in any case or added; a cell read as another name is reported.
 */
function funderFinder(ctx: ImportContext) {
	return (cell: string, rowNumber: number) => {
		const name = funderName(cell);
		if (name !== cell.trim())
			ctx.issues.info(rowNumber, 'funder', cell, 'funder_read', `read as the funder “${name}”`);
		return (
			ctx.db
				.select({ id: funders.id })
				.from(funders)
				.where(sql`${funders.name} = ${name} COLLATE NOCASE`)
				.get()?.id ?? ctx.write.insert(funders, { name })
		);
	};
}

/**
 * Writes one opening or closing date into the history; true when anything changed. A date already
 * stored is left alone (its time filled in or corrected); a new one supersedes the current ones.
 */
function dateHistory(ctx: ImportContext) {
	const d = competitionDates;
	const later = alias(competitionDates, 'later');
	const sameDate = (competitionId: number, event: 'opens' | 'closes', date: string) =>
		ctx.db
			.select({ id: d.id, time: d.time, replacedBy: later.date })
			.from(d)
			.leftJoin(later, eq(later.id, d.supersededById))
			.where(and(eq(d.competitionId, competitionId), eq(d.event, event), eq(d.date, date)))
			.get();
	const current = (competitionId: number, event: 'opens' | 'closes') =>
		ctx.db
			.select({ id: d.id, date: d.date })
			.from(d)
			.where(and(eq(d.competitionId, competitionId), eq(d.event, event), isNull(d.supersededById)))
			.orderBy(d.date)
			.all();
	return (competitionId: number, event: 'opens' | 'closes', row: Row, rowNumber: number) => {
		if (!row[event]) return false;
		const { date, precision } = row[event];
		const time = row[`${event}_time`];
		const shown = ukDate(date);
		const found = sameDate(competitionId, event, date);
		if (found?.replacedBy) {
			const later = ukDate(found.replacedBy);
			const message = `${event} ${shown} was already replaced by ${later}; the later date stands`;
			ctx.issues.info(rowNumber, event, shown, 'date_already_replaced', message);
			return false;
		}
		if (found) {
			if (time == null || time === found.time) return false;
			return ctx.write.update(competitionDates, found.id, { time });
		}
		const replaced = current(competitionId, event);
		const earlier = replaced.map((r) => ukDate(r.date)).join(', ');
		const note = replaced.length ? `Replaces ${earlier}` : null;
		const id = ctx.write.insert(competitionDates, {
			competitionId,
			event,
			date,
			datePrecision: precision,
			time,
			note,
			sourceUrl: row.source_url
		});
		for (const r of replaced) ctx.write.update(competitionDates, r.id, { supersededById: id });
		if (replaced.length) {
			const message = `${event} changed from ${earlier} to ${shown}; the earlier date is kept`;
			ctx.issues.info(rowNumber, event, shown, 'date_changed', message);
		}
		return true;
	};
}
