/**
 * Finds or creates funders and competitions by their natural keys, shared by every feed that
 * mentions a funding round (published facts, WH:LG participation, officers' bid feeds).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { competitions, funders } from '../db/schema';
import type { ImportContext } from '../rows/feed';
import type { RoundsOf } from './bid-scheme';
import { SCHEME_CATALOGUE, type SchemeFacts } from './scheme-catalogue';

function fillFunder(ctx: ImportContext, id: number, facts: SchemeFacts) {
	const blank = ctx.db
		.select({ id: competitions.id })
		.from(competitions)
		.where(and(eq(competitions.id, id), isNull(competitions.funderId)))
		.get();
	if (!blank) return;
	const funderId = ctx.write.ensure(funders, { name: facts.funder }, { kind: facts.funderKind });
	ctx.write.update(competitions, id, { funderId });
}

function fillNotes(ctx: ImportContext, id: number, note: string) {
	const blank = ctx.db
		.select({ id: competitions.id })
		.from(competitions)
		.where(and(eq(competitions.id, id), isNull(competitions.notes)))
		.get();
	if (blank) ctx.write.update(competitions, id, { notes: note });
}

export function competitionStore(ctx: ImportContext) {
	const cache = new Map<string, number>();
	return {
		/**
		 * The competition's id, created with what the catalogue knows when it is new; `note` (what
		 * the source wrote beside the round's name) becomes its notes while those are blank.
		 */
		ensure(scheme: string, round: string, rowNumber: number | null, note?: string | null): number {
			const key = `${scheme}\u0000${round}`;
			const cached = cache.get(key);
			if (cached) return cached;
			const facts = SCHEME_CATALOGUE[scheme];
			let id = ctx.write.idOf(competitions, { scheme, round });
			// A round stored before the catalogue knew its funder gets it (never another's).
			if (id !== undefined && facts) fillFunder(ctx, id, facts);
			if (id !== undefined && note) fillNotes(ctx, id, note);
			if (id === undefined) {
				if (!facts) {
					ctx.issues.info(
						rowNumber,
						'scheme',
						scheme,
						'scheme_not_catalogued',
						`scheme "${scheme}" is not in the catalogue: funder, kind and theme left blank`
					);
				}
				id = ctx.write.ensure(
					competitions,
					{ scheme, round },
					{
						funderId: facts
							? ctx.write.ensure(funders, { name: facts.funder }, { kind: facts.funderKind })
							: null,
						kind: facts?.kind ?? null,
						theme: facts?.theme ?? null,
						eligibleTypes: facts?.eligibleTypes ? [...facts.eligibleTypes] : null,
						notes: note ?? null
					}
				);
			}
			cache.set(key, id);
			return id;
		}
	};
}

/**
 * The published round a bid names, or null: a bid is a council's own record and never adds a
 * round to the national catalogue (nor to /deadlines). A round the catalogue lacks is reported
 * once per file and the bid kept with the scheme and round as the council wrote them. The rounds
 * are those stored when the import began (bid-scheme.ts), as a bids import adds none.
 */
export function roundFinder(ctx: ImportContext, rounds: RoundsOf) {
	const found = new Map<string, number | null>();
	return (scheme: string, round: string, rowNumber: number): number | null => {
		const key = `${scheme}\u0000${round}`;
		if (found.has(key)) return found.get(key)!;
		const id = rounds(scheme).get(round) ?? null;
		found.set(key, id);
		if (id === null) {
			const named = round ? `${scheme}, ${round}` : scheme;
			const message =
				'not a published funding round: the bid is kept as the council’s own record, with the scheme and round as written, and not added to the national rounds';
			ctx.issues.info(rowNumber, 'round', named, 'round_not_published', message);
		}
		return id;
	};
}
