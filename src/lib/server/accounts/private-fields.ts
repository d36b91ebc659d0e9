/**
 * What the public may not see of a council's own records: bids still at the idea or drafting
 * stage, what bidding cost (officer days, £), and actions the council marked not public. The
 * council's officers and admins see everything. Applied by the queries (bids.ts, actions.ts,
 * funding-facts.ts), so a page or the API cannot show what the query did not return.
 */
import { canSeePrivate, type Viewer } from './viewer';

export const PRIVATE_BID_STATUSES: readonly string[] = ['idea', 'drafting'];

interface BidLike {
	status: string;
	officerDays: number | null;
	bidCostGbp: number | null;
}

/** The bids this viewer may see, without costs unless they are the council's. */
export function visibleBids<T extends BidLike>(rows: T[], code: string, viewer: Viewer): T[] {
	if (canSeePrivate(viewer, code)) return rows;
	return rows
		.filter((b) => !PRIVATE_BID_STATUSES.includes(b.status))
		.map((b) => ({ ...b, officerDays: null, bidCostGbp: null }));
}

/** The actions this viewer may see. */
export function visibleActions<T extends { isPublic: boolean }>(
	rows: T[],
	code: string,
	viewer: Viewer
): T[] {
	return canSeePrivate(viewer, code) ? rows : rows.filter((a) => a.isPublic);
}

/**
 * Who ran an import, as this viewer may read it. An account's email address and a command-line
 * user name are personal data: admins see them (the audit trail is theirs to keep); everyone else
 * sees what kind of writer it was. Shipped and sample loads keep their own names.
 */
export function visibleImporter(importedBy: string, viewer: Viewer): string {
	if (viewer.role === 'admin') return importedBy;
	if (importedBy.startsWith('cli:')) return 'the command line';
	if (importedBy.includes('@')) return 'a signed-in user';
	return importedBy;
}

/**
 * Who recorded a judgement (a status override, a report as presented): named to admins only. The
 * page already says it was the council's officers; which one is personal data.
 */
export function recordedBy(actor: string, viewer: Viewer): string | null {
	return viewer.role === 'admin' ? actor : null;
}
