/**
 * The check page's preview rows as they will be stored, where a feed's writer stores a cell
 * otherwise than its parsed row has it: a bid's scheme cell "PSDS Phase 3c" with no round is
 * stored as the scheme "Public Sector Decarbonisation Scheme", round "Phase 3c" (bid-scheme.ts),
 * and the preview says so, as its note beside it does, not "PSDS Phase 3c" with no round.
 */
import { storedSchemeRound } from '../feeds/bid-scheme';
import type { Db } from '../db/client';

type Row = Record<string, unknown>;

const asStored: Record<string, (db: Db, row: Row) => Row> = {
	bids: (db, row) => {
		if (typeof row.scheme !== 'string') return row;
		const round = typeof row.round === 'string' ? row.round : null;
		const read = storedSchemeRound(db, row.scheme, round);
		return { ...row, scheme: read.scheme, round: read.round || null };
	}
};

export function previewAsStored(db: Db, feedKey: string, rows: Row[]): Row[] {
	const show = asStored[feedKey];
	return show ? rows.map((row) => show(db, row)) : rows;
}
