/**
 * The award a won bid stands for, so funding figures count the money once: the bid's own award
 * (against the lead, the partner councils as its partners), or a published award of the same
 * money already stored, linked to the bid.
 */
import type { ParsedDate } from '../rows/coerce';
import type { ImportContext } from '../rows/feed';
import { partnerRecords, setPartners } from './template-shared';

/** What of a bid row its award needs; partners as [authority_code, name, kind]. */
export interface AwardedBid {
	status: string;
	awarded: number | null;
	lead: string;
	title: string;
	decided_on: ParsedDate | null;
	source_url: string | null;
	partners: [string | null, string, string][];
}

const BID_AWARD_NOTE = "Recorded from the council's bid";

/**
 * Keeps the award a won bid stands for: its own (marked by its note) is created, updated, or
 * removed when the bid is no longer won; a published award of the same money is linked, and left
 * as published.
 */
export function awardSync(ctx: ImportContext) {
	const q = (sql: string) => ctx.sqlite.prepare(sql);
	const ofBid = q('SELECT id, notes FROM awards WHERE bid_id = ?');
	const published = q(`SELECT id FROM awards WHERE competition_id = ? AND authority_code = ?
		AND amount_gbp = ? AND bid_id IS NULL ORDER BY id LIMIT 1`);
	const setBid = q('UPDATE awards SET bid_id = ? WHERE id = ?');
	const unlink = q('UPDATE awards SET bid_id = NULL WHERE id = ?');
	const remove = q('DELETE FROM awards WHERE id = ?');
	const fields =
		`competition_id authority_code amount_gbp award_date award_date_precision project_title
		is_consortium recipient_name source_url is_sample`.split(/\s+/);
	const insert = q(`INSERT INTO awards (${fields.join(', ')}, bid_id, kind, notes, batch_id)
		VALUES (${fields.map((f) => '@' + f).join(', ')}, @bid_id, 'award', @notes, @batch_id)`);
	const update =
		q(`UPDATE awards SET ${fields.map((f) => `${f} = @${f}`).join(', ')}, batch_id = @batch_id
		WHERE id = @id AND (${fields.map((f) => `${f} IS NOT @${f}`).join(' OR ')})`);
	return (bidId: number, competitionId: number, row: AwardedBid, rowNumber: number): boolean => {
		const linked = ofBid.all(bidId) as { id: number; notes: string | null }[];
		const own = linked.find((a) => a.notes === BID_AWARD_NOTE);
		if (row.status !== 'won' || !row.awarded) {
			for (const a of linked) (a === own ? remove : unlink).run(a.id);
			return linked.length > 0;
		}
		if (linked.length && !own) return false;
		const councils = row.partners.filter((p) => p[2] === 'authority');
		const values = {
			competition_id: competitionId,
			authority_code: row.lead,
			amount_gbp: row.awarded,
			award_date: row.decided_on?.date ?? null,
			award_date_precision: row.decided_on?.precision ?? null,
			project_title: row.title,
			is_consortium: councils.length ? 1 : 0,
			recipient_name: ctx.resolver.name(row.lead) ?? row.lead,
			source_url: row.source_url,
			is_sample: ctx.isSample ? 1 : 0,
			bid_id: bidId,
			notes: BID_AWARD_NOTE,
			batch_id: ctx.batchId
		};
		if (own) {
			const changed = update.run({ ...values, id: own.id }).changes > 0;
			return setPartners(ctx, { awardId: own.id }, partnerRecords(councils)) || changed;
		}
		const match = published.get(competitionId, row.lead, row.awarded) as { id: number } | undefined;
		if (match) {
			setBid.run(bidId, match.id);
			const message = `linked to the published award of the same amount already stored`;
			ctx.issues.info(rowNumber, 'awarded', String(row.awarded), 'award_linked', message);
			return true;
		}
		const id = Number(insert.run(values).lastInsertRowid);
		setPartners(ctx, { awardId: id }, partnerRecords(councils));
		return true;
	};
}
