/**
 * The award a won bid stands for, so funding figures count the money once: the bid's own award
 * (against the lead, the partner councils as its partners), or a published award of the same
 * money already stored, linked to the bid.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { awards } from '../db/schema';
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
	return (bidId: number, competitionId: number, row: AwardedBid, rowNumber: number): boolean => {
		const linked = ctx.db
			.select({ id: awards.id, notes: awards.notes })
			.from(awards)
			.where(eq(awards.bidId, bidId))
			.all();
		const own = linked.find((a) => a.notes === BID_AWARD_NOTE);
		if (row.status !== 'won' || !row.awarded) {
			for (const a of linked) {
				if (a === own) ctx.write.remove(awards, a.id);
				else ctx.write.update(awards, a.id, { bidId: null });
			}
			return linked.length > 0;
		}
		if (linked.length && !own) return false;
		const councils = row.partners.filter((p) => p[2] === 'authority');
		const values = {
			competitionId,
			authorityCode: row.lead,
			amountGbp: row.awarded,
			awardDate: row.decided_on?.date ?? null,
			awardDatePrecision: row.decided_on?.precision ?? null,
			projectTitle: row.title,
			isConsortium: councils.length > 0,
			recipientName: ctx.resolver.name(row.lead) ?? row.lead,
			sourceUrl: row.source_url,
			isSample: ctx.isSample
		};
		if (own) {
			const changed = ctx.write.update(awards, own.id, values);
			return setPartners(ctx, { awardId: own.id }, partnerRecords(councils)) || changed;
		}
		const match = ctx.db
			.select({ id: awards.id })
			.from(awards)
			.where(
				and(
					eq(awards.competitionId, competitionId),
					eq(awards.authorityCode, row.lead),
					eq(awards.amountGbp, row.awarded),
					isNull(awards.bidId)
				)
			)
			.orderBy(awards.id)
			.limit(1)
			.get();
		if (match) {
			ctx.write.update(awards, match.id, { bidId });
			const message = `linked to the published award of the same amount already stored`;
			ctx.issues.info(rowNumber, 'awarded', String(row.awarded), 'award_linked', message);
			return true;
		}
		const id = ctx.write.insert(awards, { ...values, bidId, kind: 'award', notes: BID_AWARD_NOTE });
		setPartners(ctx, { awardId: id }, partnerRecords(councils));
		return true;
	};
}
