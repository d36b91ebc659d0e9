/**
 * Which bid a row of an officer's sheet is, when it carries no reference of the council's own.
 *
 * The derived reference must match the same bid on every re-import and never join two bids. So it
 * is made only of what names the bid, never of what changes as the bid goes on (status, amounts,
 * dates, officer days, partners):
 * - the lead council's code, as resolved, so "Trafford Council" and "TRF" are one lead;
 * - the scheme and round as read from the cells by the catalogue alone (bid-scheme.ts), as one
 *   text without "Phase"-like words, so "PSDS Phase 3c" in one column, "Public Sector
 *   Decarbonisation Scheme" + "3c" in two, and "HUG2" or "Home Upgrade Grant 2" name one round;
 *   what the database holds (a round's stored spelling) never enters it;
 * - the title, or nothing when it is blank (the scheme and round already say it).
 * Texts are folded as council names are (case, accents, punctuation and spacing ignored), so
 * retyping "Heat pumps – County Hall" as "heat pumps - county hall" is the same bid. Two rows alike
 * in all of that cannot be told apart: an error asks for a reference rather than merging them. A
 * bid renamed is a new bid; a reference column avoids that. Renaming a catalogued scheme would
 * change the references of bids whose cells used its initials: add names, do not rename them.
 */
import { createHash } from 'node:crypto';
import { foldName } from '../rows/normalise-name';
import { eq, sql } from 'drizzle-orm';
import { bids } from '../db/schema';
import type { ImportContext } from '../rows/feed';
import { schemeRoundKey } from './bid-scheme';

/** Stable across releases: changing this would orphan every bid stored by a derived reference. */
export const DERIVED_PREFIX = 'auto-';

/** Scheme and round as read by readSchemeCell; title blank when the row has none. */
export function derivedReference(
	lead: string,
	scheme: string,
	round: string,
	title: string
): string {
	const identity = [lead, schemeRoundKey(scheme, round), foldName(title)].join('\u0000');
	// 48 bits: a council would need millions of bids before two could plausibly collide.
	return DERIVED_PREFIX + createHash('sha256').update(identity).digest('hex').slice(0, 12);
}

const seenByImport = new WeakMap<ImportContext, Map<string, number>>();

/**
 * The row's derived reference, noted in the report; null (after an error) when an earlier row of
 * the same file derived the same one.
 */
export function deriveReference(
	ctx: ImportContext,
	rowNumber: number,
	lead: string,
	row: { scheme: string; round: string; title: string }
): string | null {
	const reference = derivedReference(lead, row.scheme, row.round, row.title);
	let seen = seenByImport.get(ctx);
	if (!seen) seenByImport.set(ctx, (seen = new Map()));
	const first = seen.get(`${lead}\u0000${reference}`);
	if (first !== undefined) {
		const message = `same council, scheme, round and title as row ${first}, and no reference to tell them apart: give each bid a reference, or make the titles differ`;
		ctx.issues.error(rowNumber, 'title', row.title || row.scheme, 'duplicate_bid', message);
		return null;
	}
	seen.set(`${lead}\u0000${reference}`, rowNumber);
	const message =
		'no reference: one was derived from the lead council, scheme, round and title, so importing the row again updates the same bid (a changed title makes a new one)';
	ctx.issues.info(rowNumber, 'reference', reference, 'reference_derived', message);
	return reference;
}

/**
 * For the writer: the stored bid a row without a reference is, when it was stored under a
 * reference of the council's own (a sheet imported once with its reference column, now without):
 * the one bid of the lead whose scheme, round and title give the row's derived reference.
 */
export function storedBidByIdentity(ctx: ImportContext) {
	const bidsOfLead = ctx.db
		.select({
			reference: bids.reference,
			title: bids.title,
			scheme: bids.scheme,
			round: bids.round
		})
		.from(bids)
		.where(eq(bids.leadAuthorityCode, sql.placeholder('lead')))
		.prepare();
	const bidsOf = (lead: string) => bidsOfLead.all({ lead });
	return (lead: string, derived: string): string | null => {
		const stored = bidsOf(lead);
		const same = stored.filter(
			(b) => derivedReference(lead, b.scheme, b.round, b.title) === derived
		);
		return same.length === 1 ? same[0]!.reference : null;
	};
}
