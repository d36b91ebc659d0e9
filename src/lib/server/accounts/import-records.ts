/**
 * What a viewer may read of an import's record. An officer's file carries what the public may not
 * see of stored rows (a draft bid's officer days and notes, a private action's title), and its set-
 * aside rows and the values its problems quote are that file's text, stored or not: they follow
 * the same rules as the stored rows. So:
 * - the rows an import set aside: admins see them all, the account that imported the file sees
 *   its own, officers see the rows of the councils they may import for; the public, their count;
 * - the file's name, the values quoted beside its problems and the councils it changed: shown
 *   to all for the national datasets and sample data (public data, loaded by an admin), and for an
 *   officer's feed only to admins and to whoever imported it.
 * Plain functions of the viewer and the batch, as viewer.ts is: the queries and pages apply them.
 */
import type { IssueGroup } from '../rows/issues';
import { OFFICER_FEEDS, type Viewer } from './viewer';

export interface BatchOwnership {
	feed: string;
	importedBy: string;
	isSample: boolean;
}

/** Whether this viewer imported this batch (its actor is the account's email). */
const importedIt = (batch: BatchOwnership, viewer: Viewer) =>
	viewer.role !== 'public' && batch.importedBy === viewer.email;

/** Whether the batch's file name, problem values and changed councils are this viewer's to see. */
export function seesBatchDetail(batch: BatchOwnership, viewer: Viewer): boolean {
	if (viewer.role === 'admin' || importedIt(batch, viewer)) return true;
	return batch.isSample || !OFFICER_FEEDS.includes(batch.feed);
}

/**
 * Which of the batch's set-aside rows this viewer may read: all, those of some councils (an
 * officer's; a row whose council could not be read is not among them), or none.
 */
export function setAsideRowsVisible(
	batch: BatchOwnership,
	viewer: Viewer
): { all: true } | { all: false; councils: readonly string[] } | null {
	if (viewer.role === 'admin' || importedIt(batch, viewer)) return { all: true };
	if (viewer.role === 'officer') return { all: false, councils: viewer.authorities };
	return null;
}

/** The batch as this viewer may read it: the name and quoted values withheld where not theirs. */
export function visibleBatch<T extends BatchOwnership & { fileName: string; groups: IssueGroup[] }>(
	batch: T,
	viewer: Viewer,
	feedTitle: string
): T & { detailWithheld: boolean } {
	if (seesBatchDetail(batch, viewer)) return { ...batch, detailWithheld: false };
	return {
		...batch,
		fileName: `A file for the ${feedTitle} feed`,
		groups: batch.groups.map((g) => ({ ...g, values: [] })),
		detailWithheld: true
	};
}
