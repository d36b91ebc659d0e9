/**
 * Officers write a scheme and its round in one cell: "Public Sector Decarbonisation Scheme Phase
 * 3c", "Home Upgrade Grant 2", "SHDF Wave 2.1", "HUG2". When a bid's round is blank, a cell that
 * starts with a catalogued scheme, by name or initials, and goes on with a round (text with a digit
 * in it) is read as that scheme and round, so the bid joins the funding round the published data
 * describes; the round then takes the stored spelling it names ("2" and "HUG2" are "Phase 2
 * (HUG2)"). Every reading is reported. A cell read no way is kept whole, as the scheme, no round.
 *
 * Reading a cell uses only the catalogue (code), never the database, so the same cell always
 * reads the same: a bid's derived reference depends on it (bid-identity.ts).
 */
import { foldName } from '../rows/normalise-name';
import { eq, sql } from 'drizzle-orm';
import { competitions } from '../db/schema';
import type { Db } from '../db/client';
import { preparedQuery } from '../queries/connection';
import type { ImportContext } from '../rows/feed';
import { SCHEME_CATALOGUE } from './scheme-catalogue';

/** Words that introduce a round's number: "Phase 3c" and "3c" are the same round. */
const ROUND_WORDS = new Set(['phase', 'wave', 'round', 'window', 'tranche', 'stage']);

const withoutRoundWords = (folded: string) =>
	folded
		.split(' ')
		.filter((w) => w && !ROUND_WORDS.has(w))
		.join(' ');

/** The ways a round can be named: its number or name without "Phase", and any bracketed name. */
export function roundKeys(round: string): string[] {
	const bracketed = [...round.matchAll(/\(([^)]*)\)/g)].map((m) => foldName(m[1]!));
	const main = withoutRoundWords(foldName(round.replace(/\([^)]*\)/g, ' ')));
	return [main, ...bracketed].filter(Boolean);
}

/**
 * A scheme and round as one text for identity: folded, brackets and "Phase"-like words left out,
 * so "X Phase 2" kept whole and "X" + "2" read apart are the same.
 */
export function schemeRoundKey(scheme: string, round: string): string {
	return withoutRoundWords(foldName(`${scheme} ${round}`.replace(/\([^)]*\)/g, ' ')));
}

/** "UK Shared Prosperity Fund" → "UKSPF": a word in capitals is kept whole. */
const initials = (scheme: string) =>
	scheme
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]!.toUpperCase()))
		.join('');

/** A cell starting with the scheme's words, in any case and punctuation; group 1 the rest. */
function prefixPattern(scheme: string): RegExp {
	const words = foldName(scheme).split(' ').filter(Boolean);
	return new RegExp(`^\\s*${words.join('[^a-z0-9]+')}(?![a-z0-9])(.*)$`, 'i');
}

const CATALOGUED = Object.keys(SCHEME_CATALOGUE).flatMap((scheme) => [
	{ scheme, pattern: prefixPattern(scheme) },
	{ scheme, pattern: new RegExp(`^\\s*${initials(scheme)}(?![a-z])(.*)$`, 'i') }
]);

/** The catalogued scheme and round a bid's cells name; a cell read no way is the scheme as is. */
export function readSchemeCell(
	cell: string,
	round: string | null
): { scheme: string; round: string } {
	let best: { scheme: string; round: string } | null = null;
	for (const { scheme, pattern } of CATALOGUED) {
		const m = pattern.exec(cell);
		if (!m) continue;
		const rest = m[1]!
			.replace(/^[\s,:;–—-]+/, '')
			.replace(/^\((.*)\)$/, '$1')
			.trim();
		// With a round of its own, only a cell that is the scheme alone is read ("PSDS").
		if (rest && (round || !/\d/.test(rest))) continue;
		if (!best || rest.length < best.round.length) best = { scheme, round: rest };
	}
	if (!best) return { scheme: cell, round: round ?? '' };
	return { scheme: best.scheme, round: round ?? best.round };
}

/** The rounds stored for a scheme, by their names, with their ids. */
export type RoundsOf = (scheme: string) => ReadonlyMap<string, number>;

/**
 * The rounds of each scheme, read from the database once per scheme and kept: for one import of
 * bids, which never adds or renames a round, so what is kept stays what is stored. (Reading them
 * again for every row was a search for every bid, 100,000 at national scale.)
 */
export function roundsByScheme(db: Db): RoundsOf {
	const kept = new Map<string, ReadonlyMap<string, number>>();
	return (scheme) => {
		let rounds = kept.get(scheme);
		if (!rounds) {
			rounds = new Map(
				roundsOf(db)
					.all({ scheme })
					.map((c) => [c.round, c.id])
			);
			kept.set(scheme, rounds);
		}
		return rounds;
	};
}

/**
 * The scheme and round a bid's cells are stored as: as readSchemeCell reads them, the round then
 * spelt as a stored round of the scheme spells it ("2" → "Phase 2 (HUG2)"), where one matches.
 */
export function storedSchemeRound(
	db: Db,
	cell: string,
	round: string | null,
	rounds: RoundsOf = roundsByScheme(db)
): { scheme: string; round: string } {
	const read = readSchemeCell(cell, round);
	const stored = read.round ? rounds(read.scheme) : null;
	if (!stored || stored.has(read.round)) return read;
	const keys = roundKeys(read.round);
	const named = [...stored.keys()].filter((r) => roundKeys(r).some((k) => keys.includes(k)));
	if (named.length === 1) read.round = named[0]!;
	return read;
}

const roundsOf = preparedQuery((db) =>
	db
		.select({ id: competitions.id, round: competitions.round })
		.from(competitions)
		.where(eq(competitions.scheme, sql.placeholder('scheme')))
		.prepare()
);

/**
 * For the writer: the scheme and round a bid row names, the round in the stored spelling of the
 * one it names when it is not stored as written, and an info issue saying how the cells were read.
 * A cell and round read once are not read again (the same cells always read the same).
 */
export function schemeReader(ctx: ImportContext, rounds: RoundsOf) {
	const read = new Map<string, { scheme: string; round: string }>();
	return (cell: string, round: string | null, rowNumber: number) => {
		const key = `${cell}\u0000${round ?? ''}\u0000${round === null}`;
		let stored = read.get(key);
		if (!stored) read.set(key, (stored = storedSchemeRound(ctx.db, cell, round, rounds)));
		if (stored.scheme !== cell || stored.round !== (round ?? '')) {
			const written = round ? `"${cell}", round "${round}"` : `"${cell}"`;
			const as = stored.round
				? `scheme "${stored.scheme}", round "${stored.round}"`
				: `"${stored.scheme}"`;
			ctx.issues.info(rowNumber, 'scheme', cell, 'scheme_read', `${written} read as ${as}`);
		}
		return stored;
	};
}
